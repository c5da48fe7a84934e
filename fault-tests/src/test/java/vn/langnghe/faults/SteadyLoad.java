package vn.langnghe.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * Steady load through the public APIs with real tokens: partners submit tips and petitions to intake-service
 * (each with its own Idempotency-Key) and organisers record opinions into open forums at forum-service (each
 * with a client-generated opinion id). Each worker keeps a fixed schedule: a request that could not go at its
 * slot goes as soon as it can and keeps its intended time, so a stall shows in the record instead of thinning
 * the load. No retries: every request's outcome is recorded as it was.
 */
final class SteadyLoad implements AutoCloseable {

    static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(10);
    static final String WARD = "HP-LECHAN-ANDUONG";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] TOPICS = {"TRAFFIC_SAFETY", "PUBLIC_DISORDER", "ADMIN_PROCEDURES", "DRUGS"};

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final Queue<RequestRecord> records = new ConcurrentLinkedQueue<>();
    private final List<Thread> workers = new ArrayList<>();
    private final String intakeUrl;
    private final String forumUrl;
    private final String partnerToken;
    private final String organiserToken;
    private final List<UUID> forums;
    private volatile boolean running;

    SteadyLoad(String intakeUrl, String forumUrl, String partnerToken, String organiserToken, List<UUID> forums) {
        this.intakeUrl = intakeUrl;
        this.forumUrl = forumUrl;
        this.partnerToken = partnerToken;
        this.organiserToken = organiserToken;
        this.forums = List.copyOf(forums);
    }

    /** Starts {@code workersPerService} workers per service, each sending one request per {@code period}. */
    void start(int workersPerService, Duration period) {
        running = true;
        for (int w = 0; w < workersPerService; w++) {
            int worker = w;
            workers.add(Thread.ofPlatform().name("load-intake-" + w).start(() -> run(period, this::submission)));
            workers.add(Thread.ofPlatform().name("load-forum-" + w)
                    .start(() -> run(period, n -> opinion(forums.get((int) ((worker + n) % forums.size()))))));
        }
    }

    /** Stops the workers after their request in flight. */
    @Override
    public void close() {
        running = false;
        for (Thread worker : workers) {
            try {
                worker.join(CLIENT_TIMEOUT.toMillis() + 5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    List<RequestRecord> records() {
        return List.copyOf(records);
    }

    private void run(Duration period, java.util.function.LongFunction<Prepared> next) {
        long start = System.nanoTime();
        for (long n = 0; running; n++) {
            long intendedAt = start + n * period.toNanos();
            long wait = intendedAt - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            records.add(send(next.apply(n), intendedAt));
        }
    }

    /** A request ready to go, with the id the client chose for it. */
    private record Prepared(String service, HttpRequest request, String clientId) {}

    private Prepared submission(long n) {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", n % 2 == 0 ? "TIP" : "PETITION");
        body.put("unitId", WARD);
        body.put("topic", TOPICS[(int) (n % TOPICS.length)]);
        body.put("description", "Phản ánh số " + n + " trong lúc chạy thử lỗi");
        HttpRequest request = post(intakeUrl + "/api/v1/submissions", partnerToken, body)
                .header("Idempotency-Key", key).build();
        return new Prepared("intake-service", request, key);
    }

    private Prepared opinion(UUID forum) {
        UUID opinionId = UUID.randomUUID();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("opinionId", opinionId.toString());
        body.put("speakerGroup", "RESIDENTIAL_GROUP");
        body.put("topic", "TRAFFIC_SAFETY");
        body.put("nature", "REQUEST");
        body.put("publicSummary", "Đề nghị tăng cường tuần tra giờ tan tầm");
        HttpRequest request = post(forumUrl + "/api/v1/forums/" + forum + "/opinions", organiserToken, body).build();
        return new Prepared("forum-service", request, opinionId.toString());
    }

    private static HttpRequest.Builder post(String url, String token, Object body) {
        try {
            return HttpRequest.newBuilder(URI.create(url)).timeout(CLIENT_TIMEOUT)
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private RequestRecord send(Prepared prepared, long intendedAt) {
        long sentAt = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(prepared.request(), HttpResponse.BodyHandlers.ofString());
            String returned = null;
            if (response.statusCode() / 100 == 2) {
                JsonNode node = JSON.readTree(response.body());
                returned = node.has("id") ? node.get("id").asText()
                        : node.has("opinionId") ? node.get("opinionId").asText() : null;
            }
            return new RequestRecord(prepared.service(), intendedAt, sentAt, System.nanoTime(), response.statusCode(),
                    response.headers().firstValue("Retry-After").orElse(null), prepared.clientId(), returned, null);
        } catch (IOException e) {
            return new RequestRecord(prepared.service(), intendedAt, sentAt, System.nanoTime(), 0, null,
                    prepared.clientId(), null, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new RequestRecord(prepared.service(), intendedAt, sentAt, System.nanoTime(), 0, null,
                    prepared.clientId(), null, "interrupted");
        }
    }
}
