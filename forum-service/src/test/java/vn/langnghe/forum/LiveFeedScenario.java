package vn.langnghe.forum;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Three organisers record 100 opinions each into one forum at once (the third through {@code secondBase}, which
 * may be a second running instance of the service) while a subscriber follows the forum's live feed from
 * {@code firstBase}: it leaves after 100 opinions and comes back with Last-Event-ID. Over both connections it
 * must see every opinion exactly once, in the order the store holds them, with consecutive versions.
 */
final class LiveFeedScenario {

    static final int CLIENTS = 3;
    static final int PER_CLIENT = 100;
    static final String RECORDED = "forum.OpinionRecorded.v1";

    /** One SSE event as received. */
    record SseEvent(long id, String type, JsonNode data) {}

    private final String firstBase;
    private final String secondBase;
    private final String organiserToken;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();

    LiveFeedScenario(String firstBase, String secondBase, String organiserToken) {
        this.firstBase = strip(firstBase);
        this.secondBase = strip(secondBase);
        this.organiserToken = organiserToken;
    }

    void run() throws Exception {
        UUID forum = UUID.randomUUID();
        LocalDate today = Forums.today();
        String schedule = json.writeValueAsString(Forums.scheduleBody(forum, today));
        assertThat(send(firstBase, "POST", "/api/v1/forums", schedule, null).statusCode()).isEqualTo(201);
        assertThat(send(firstBase, "POST", "/api/v1/forums/" + forum + "/open",
                "{\"attendanceByGroup\":[{\"group\":\"RESIDENTIAL_GROUP\",\"count\":120}]}", "\"1\"").statusCode())
                .isEqualTo(200);

        List<SseEvent> received = new CopyOnWriteArrayList<>();
        ConcurrentLinkedQueue<Throwable> problems = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
        try {
            // the subscriber, with a ticket: no token in the URL
            CompletableFuture<Void> firstVisit = CompletableFuture.runAsync(() -> {
                try {
                    listen(firstBase, forum, ticket(forum), null, received, 2 + PER_CLIENT);
                } catch (Exception e) {
                    problems.add(e);
                }
            }, pool);
            List<CompletableFuture<List<UUID>>> clients = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                String base = client == CLIENTS - 1 ? secondBase : firstBase;
                clients.add(CompletableFuture.supplyAsync(() -> recordMany(base, forum), pool));
            }
            firstVisit.get(120, TimeUnit.SECONDS);
            assertThat(problems).isEmpty();
            assertThat(opinionsIn(received)).as("left after 100 opinions").hasSize(PER_CLIENT);

            // back again, resuming after the last event it saw
            long lastSeen = received.getLast().id();
            listen(firstBase, forum, ticket(forum), Long.toString(lastSeen), received, 2 + CLIENTS * PER_CLIENT);

            Set<UUID> sent = new HashSet<>();
            for (CompletableFuture<List<UUID>> client : clients) {
                sent.addAll(client.get(120, TimeUnit.SECONDS));
            }
            assertThat(sent).hasSize(CLIENTS * PER_CLIENT);

            List<Long> ids = received.stream().map(SseEvent::id).toList();
            List<Long> expected = new ArrayList<>();
            for (long v = 1; v <= 2 + CLIENTS * PER_CLIENT; v++) {
                expected.add(v);
            }
            assertThat(ids).as("every event once, in stored order, no gap across the reconnect")
                    .containsExactlyElementsOf(expected);
            List<UUID> streamed = opinionsIn(received);
            assertThat(streamed).doesNotHaveDuplicates().hasSize(CLIENTS * PER_CLIENT)
                    .containsExactlyInAnyOrderElementsOf(sent);
            assertThat(streamed).as("in the order the store holds them").containsExactlyElementsOf(storedOrder(forum));
            for (SseEvent event : received) {
                assertThat(event.data().has("speakerRef")).isFalse();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private List<UUID> recordMany(String base, UUID forum) {
        List<UUID> ids = new ArrayList<>();
        try {
            for (int i = 0; i < PER_CLIENT; i++) {
                UUID opinion = UUID.randomUUID();
                String body = json.writeValueAsString(Forums.opinionBody(opinion, "Ý kiến số " + i + " về an ninh"));
                int status = send(base, "POST", "/api/v1/forums/" + forum + "/opinions", body, null).statusCode();
                if (status != 201) {
                    throw new AssertionError("recording through " + base + " answered " + status);
                }
                ids.add(opinion);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    /** Reads the feed until {@code untilVersion} has arrived or, on the first visit, 100 opinions have. */
    private void listen(String base, UUID forum, String ticket, String lastEventId, List<SseEvent> into,
            long untilVersion) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/v1/forums/" + forum
                + "/live?ticket=" + ticket)).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        boolean firstVisit = lastEventId == null;
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        try (InputStream body = response.body();
                BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            Long id = null;
            String type = null;
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = lines.readLine()) != null && System.nanoTime() < deadline) {
                if (line.isEmpty()) {
                    if (id != null) {
                        into.add(new SseEvent(id, type, json.readTree(data.toString())));
                        if (firstVisit && opinionsIn(into).size() == PER_CLIENT || id >= untilVersion) {
                            return; // closing the stream disconnects
                        }
                    }
                    id = null;
                    type = null;
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = Long.parseLong(line.substring(3).strip());
                } else if (line.startsWith("event:")) {
                    type = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
            throw new AssertionError("the feed ended or stalled after " + into.size() + " events");
        }
    }

    private static List<UUID> opinionsIn(List<SseEvent> events) {
        return events.stream().filter(e -> RECORDED.equals(e.type()))
                .map(e -> UUID.fromString(e.data().get("opinionId").asText())).toList();
    }

    private List<UUID> storedOrder(UUID forum) throws Exception {
        HttpResponse<String> response = send(firstBase, "GET", "/api/v1/forums/" + forum, null, null);
        List<UUID> ids = new ArrayList<>();
        json.readTree(response.body()).get("opinions").forEach(o -> ids.add(UUID.fromString(o.get("id").asText())));
        return ids;
    }

    private String ticket(UUID forum) throws Exception {
        HttpResponse<String> response = send(firstBase, "POST", "/api/v1/forums/" + forum + "/live-ticket", null, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).get("ticket").asText();
    }

    private HttpResponse<String> send(String base, String method, String path, String body, String ifMatch)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + organiserToken)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String strip(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
