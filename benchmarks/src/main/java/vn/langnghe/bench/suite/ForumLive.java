package vn.langnghe.bench.suite;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import vn.langnghe.testsupport.tokens.TokenMinter;
import vn.langnghe.testsupport.tokens.TokenSpec;

/**
 * The forum live path: {@value #ORGANISERS} forums held at once, each with its organiser recording opinions
 * (one every {@value #SECONDS_PER_OPINION} s, on a fixed schedule) and its hall display following the forum's
 * live feed (SSE). Delivery latency runs from the intended send time of the recording request to the display
 * reading the opinion off the feed.
 */
public final class ForumLive {

    public static final int ORGANISERS = 50;
    static final double SECONDS_PER_OPINION = 1.0;
    static final String CITY = "HP";
    static final String WARD = "HP-LECHAN-ANDUONG";
    static final String RECORDED = "forum.OpinionRecorded.v1";

    private final Http http;
    private final String forumUrl;
    private final TokenMinter tokens;

    public ForumLive(Http http, String forumUrl, TokenMinter tokens) {
        this.http = http;
        this.forumUrl = forumUrl;
        this.tokens = tokens;
    }

    /**
     * Delivery latencies (ns); an opinion not delivered within 10 s of the end counts with the time waited for it
     * (a lower bound), and is counted in {@code undelivered}.
     */
    public record Delivery(long[] latencyNanos, long undelivered, int recordingErrors, int subscribers,
            List<String> feedsLost) {}

    public Delivery run(int seconds) throws InterruptedException {
        int perOrganiser = (int) Math.round(seconds / SECONDS_PER_OPINION);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        List<UUID> forums = new ArrayList<>();
        List<String> organisers = new ArrayList<>();
        for (int i = 0; i < ORGANISERS; i++) {
            String token = tokens.mint(TokenSpec.organiser(CITY).withSubject("bench-organiser-" + i));
            UUID forum = UUID.randomUUID();
            http.post(201, forumUrl + "/api/v1/forums", token, schedule(forum, today, i));
            http.expect(200, Http.request(forumUrl + "/api/v1/forums/" + forum + "/open", token)
                    .header("Content-Type", "application/json").header("If-Match", "\"1\"")
                    .POST(Http.json(Map.of("attendanceByGroup",
                            List.of(Map.of("group", "RESIDENTIAL_GROUP", "count", 60))))).build());
            forums.add(forum);
            organisers.add(token);
        }
        Map<UUID, Long> intended = new ConcurrentHashMap<>();
        Map<UUID, Long> delivered = new ConcurrentHashMap<>();
        AtomicInteger errors = new AtomicInteger();
        List<String> feedsLost = new java.util.concurrent.CopyOnWriteArrayList<>();
        CountDownLatch subscribed = new CountDownLatch(ORGANISERS);
        List<Thread> displays = new ArrayList<>();
        List<Stream<String>> feeds = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int i = 0; i < ORGANISERS; i++) {
            UUID forum = forums.get(i);
            String token = organisers.get(i);
            displays.add(Thread.ofVirtual().start(() -> follow(forum, token, subscribed, delivered, feeds, feedsLost)));
        }
        if (!subscribed.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the hall displays did not all connect to the live feed within 60 s");
        }
        long start = System.nanoTime() + 100_000_000;
        List<Thread> recorders = new ArrayList<>();
        for (int i = 0; i < ORGANISERS; i++) {
            UUID forum = forums.get(i);
            String token = organisers.get(i);
            // organisers staggered over the first second: a steady 50 per second in all
            long offset = Math.round(i * SECONDS_PER_OPINION * 1e9 / ORGANISERS);
            recorders.add(Thread.ofVirtual().start(() -> {
                for (int k = 0; k < perOrganiser; k++) {
                    long at = start + offset + Math.round(k * SECONDS_PER_OPINION * 1e9);
                    long wait = at - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    UUID opinion = UUID.randomUUID();
                    intended.put(opinion, at);
                    try {
                        HttpResponse<Void> response = http.client().send(Http.request(forumUrl + "/api/v1/forums/"
                                        + forum + "/opinions", token).header("Content-Type", "application/json")
                                .POST(Http.json(opinion(opinion, k))).build(), HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() != 201) {
                            errors.incrementAndGet();
                            intended.remove(opinion);
                        }
                    } catch (java.io.IOException e) {
                        errors.incrementAndGet();
                        intended.remove(opinion);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }));
        }
        for (Thread recorder : recorders) {
            recorder.join();
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!delivered.keySet().containsAll(intended.keySet()) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(50_000_000); // poll for the last deliveries, with a deadline
        }
        long waitedUntil = System.nanoTime();
        displays.forEach(Thread::interrupt);
        feeds.forEach(Stream::close); // ends the SSE connections
        long[] latencies = intended.entrySet().stream().mapToLong(e -> {
            Long at = delivered.get(e.getKey());
            return Math.max(0, (at == null ? waitedUntil : at) - e.getValue());
        }).toArray();
        long undelivered = intended.keySet().stream().filter(id -> !delivered.containsKey(id)).count();
        return new Delivery(latencies, undelivered, errors.get(), ORGANISERS, List.copyOf(feedsLost));
    }

    /**
     * A hall display: reads the feed and notes when each recorded opinion arrives. A feed that ends or fails
     * before the run closes it is recorded in {@code feedsLost}, with why, so undelivered opinions can be told
     * apart from a display that went away.
     */
    private void follow(UUID forum, String token, CountDownLatch subscribed, Map<UUID, Long> delivered,
            List<Stream<String>> feeds, List<String> feedsLost) {
        HttpRequest request = HttpRequest.newBuilder(java.net.URI.create(forumUrl + "/api/v1/forums/" + forum + "/live"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build();
        try {
            HttpResponse<Stream<String>> response = http.client().send(request, HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("live feed answered " + response.statusCode());
            }
            feeds.add(response.body());
            subscribed.countDown();
            String type = null;
            try (Stream<String> lines = response.body()) {
                for (String line : (Iterable<String>) lines::iterator) {
                    if (Thread.currentThread().isInterrupted()) {
                        return;
                    }
                    if (line.startsWith("event:")) {
                        type = line.substring(6).strip();
                    } else if (line.startsWith("data:") && RECORDED.equals(type)) {
                        long now = System.nanoTime();
                        String data = line.substring(5).strip();
                        UUID opinion = UUID.fromString(Http.JSON.readTree(data).get("opinionId").asText());
                        delivered.putIfAbsent(opinion, now);
                    } else if (line.isEmpty()) {
                        type = null;
                    }
                }
            }
            if (!Thread.currentThread().isInterrupted()) {
                feedLost(feedsLost, forum, "the server ended the feed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (!Thread.currentThread().isInterrupted()) {
                feedLost(feedsLost, forum, e.toString());
            }
        }
    }

    private static void feedLost(List<String> feedsLost, UUID forum, String why) {
        String line = String.format("%s forum %s: %s", Instant.now(), forum, why);
        feedsLost.add(line);
        System.err.println("bench: a hall display lost its feed: " + line);
    }

    private static Map<String, Object> schedule(UUID id, LocalDate day, int index) {
        Map<String, Object> body = new HashMap<>();
        body.put("id", id.toString());
        body.put("sessionKind", "FORUM");
        body.put("hostUnitId", CITY);
        body.put("venueUnitId", WARD);
        body.put("venueName", "Hội trường số " + (index + 1));
        body.put("startsAt", day + "T08:00:00");
        body.put("delegationHead", Map.of("unitId", CITY, "title", "Phó Giám đốc Công an thành phố"));
        body.put("invitedGroups", List.of("RESIDENTIAL_GROUP", "CITIZEN_REPRESENTATIVE"));
        return body;
    }

    private static Map<String, Object> opinion(UUID id, int k) {
        Map<String, Object> body = new HashMap<>();
        body.put("opinionId", id.toString());
        body.put("speakerGroup", "RESIDENTIAL_GROUP");
        body.put("topic", "TRAFFIC_SAFETY");
        body.put("tags", List.of("SCHOOL_GATE_CONGESTION"));
        body.put("nature", "REQUEST");
        body.put("publicSummary", "Đề nghị bố trí lực lượng phân luồng giờ tan trường, ý kiến số " + (k + 1));
        return body;
    }
}
