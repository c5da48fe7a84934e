package vn.langnghe.bench.suite;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import vn.langnghe.bench.stats.Percentiles;

/** reporting-service's projections: catching up, rebuilding, and the report queries asked of them. */
public final class Projections {

    public static final String PROJECTION = "intake";
    /** reporting-service.intake.g<N>: the intake projection's consumers (live and rebuilding). */
    static final String LIVE_CONSUMER_PREFIX = "reporting-service." + PROJECTION + ".";
    /** Ministry level, a half-year of the synthetic history, and the same as recorded at a past instant. */
    public static final String MINISTRY_HALF_YEAR = "/api/v1/reports/intake?unit=BCA&period=2022-H1";
    public static final String AS_RECORDED_AT = MINISTRY_HALF_YEAR + "&asRecordedAt=2022-04-01T00:00:00Z";

    /** Longer than any report query should take; past it the figure fails rather than the run hanging. */
    static final Duration QUERY_TIMEOUT = Duration.ofMinutes(5);

    private final Http http;
    private final String reportingUrl;
    private final String adminToken;

    public Projections(Http http, String reportingUrl, String adminToken) {
        this.http = http;
        this.reportingUrl = reportingUrl;
        this.adminToken = adminToken;
    }

    /** The live consumer of the intake projection: lag, applied, dead-lettered. */
    public record ConsumerState(long lag, long applied, long deadLettered) {}

    public ConsumerState intakeConsumer() {
        long lag = 0;
        long applied = 0;
        long dead = 0;
        for (JsonNode consumer : http.get(reportingUrl + "/api/v1/status/consumers", adminToken)) {
            if (consumer.path("consumer").asText().startsWith(LIVE_CONSUMER_PREFIX)) {
                lag += consumer.path("lag").asLong();
                applied += consumer.path("applied").asLong();
                dead += consumer.path("deadLettered").asLong();
            }
        }
        return new ConsumerState(lag, applied, dead);
    }

    /** How the live consumer took in the synthetic events; {@code complete} false when the time ran out. */
    public record CatchUp(long applied, double seconds, boolean complete) {
        public double eventsPerSecond() {
            return applied / seconds;
        }
    }

    /**
     * Polls the intake projection's live consumer until it has applied {@code events} more than at
     * {@code before}, or the timeout passes; dead letters stop the run (the synthetic events must decode).
     */
    public CatchUp awaitCaughtUp(ConsumerState before, long events, long beginNanos, long timeoutNanos,
            Consumer<String> progress) {
        long deadline = beginNanos + timeoutNanos;
        long lastReport = System.nanoTime();
        while (true) {
            ConsumerState now = intakeConsumer();
            if (now.deadLettered() > before.deadLettered()) {
                throw new IllegalStateException((now.deadLettered() - before.deadLettered())
                        + " synthetic events were dead-lettered");
            }
            long applied = now.applied() - before.applied();
            double seconds = (System.nanoTime() - beginNanos) / 1e9;
            if (applied >= events) {
                return new CatchUp(applied, seconds, true);
            }
            if (System.nanoTime() > deadline) {
                return new CatchUp(applied, seconds, false);
            }
            if (System.nanoTime() - lastReport > 10_000_000_000L) {
                progress.accept(String.format("intake projection: %,d of %,d applied (%,.0f/s)", applied, events,
                        applied / seconds));
                lastReport = System.nanoTime();
            }
            LockSupport.parkNanos(500_000_000); // poll every half second, with a deadline
        }
    }

    /**
     * A rebuild of the intake projection: events per second from the request to the switch, or, when the window
     * closes first, processed events per second so far ({@code complete} false; the rebuild goes on unobserved).
     */
    public record RebuildRun(long events, long processed, double seconds, boolean complete) {
        public double eventsPerSecond() {
            return processed / seconds;
        }
    }

    public RebuildRun rebuild(long windowNanos, Consumer<String> progress) {
        long start = System.nanoTime();
        JsonNode status = http.post(202, reportingUrl + "/api/v1/admin/projections/" + PROJECTION + "/rebuild",
                adminToken, null);
        String id = status.get("id").asText();
        long deadline = start + windowNanos;
        long lastReport = start;
        while (true) {
            status = http.get(reportingUrl + "/api/v1/admin/projections/" + PROJECTION + "/rebuild/" + id, adminToken);
            String state = status.path("state").asText();
            double seconds = (System.nanoTime() - start) / 1e9;
            long total = status.path("totalEvents").asLong();
            if (state.equals("SWITCHED")) {
                return new RebuildRun(total, total, seconds, true);
            }
            if (state.equals("FAILED")) {
                throw new IllegalStateException("the rebuild failed: " + status);
            }
            if (System.nanoTime() > deadline) {
                // stopped, so that the report queries after it do not share the cores with its consumer
                http.expect(200, Http.request(reportingUrl + "/api/v1/admin/projections/" + PROJECTION + "/rebuild/"
                        + id, adminToken).DELETE().build());
                return new RebuildRun(total, status.path("processedEvents").asLong(), seconds, false);
            }
            if (System.nanoTime() - lastReport > 10_000_000_000L) {
                long processed = status.path("processedEvents").asLong();
                double rate = status.path("eventsPerSecond").asDouble();
                progress.accept(status.path("totalEvents").isNull()
                        ? String.format("rebuild: %,d events, %,.0f/s (still counting the events to read)", processed, rate)
                        : String.format("rebuild: %,d of %,d events, %,.0f/s", processed, total, rate));
                lastReport = System.nanoTime();
            }
            LockSupport.parkNanos(200_000_000); // poll the progress endpoint, with a deadline
        }
    }

    /** Report queries of one kind: p99 over the {@code measured} of the {@code asked} queries that fit the time. */
    public record QueryRun(double p99Millis, int measured, int asked, double slowestSeconds) {}

    /**
     * Up to {@code count} report queries one after the other (one analyst at a time), for at most {@code budget}:
     * on millions of events a query can take many seconds, and the run has a time limit. At least one is counted.
     */
    public QueryRun queries(String path, int count, Duration budget) {
        long[] nanos = new long[count];
        http.get(reportingUrl + path, adminToken, QUERY_TIMEOUT); // plans and warms caches; not counted
        long deadline = System.nanoTime() + budget.toNanos();
        int measured = 0;
        while (measured < count && (measured == 0 || System.nanoTime() < deadline)) {
            long begin = System.nanoTime();
            http.get(reportingUrl + path, adminToken, QUERY_TIMEOUT);
            nanos[measured++] = System.nanoTime() - begin;
        }
        long[] counted = Arrays.copyOf(nanos, measured);
        return new QueryRun(Percentiles.of(counted, 99) / 1e6, measured, count,
                Arrays.stream(counted).max().orElse(0) / 1e9);
    }
}
