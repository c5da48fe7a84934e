package vn.langnghe.bench.suite;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import vn.langnghe.bench.stats.Percentiles;

/** reporting-service's projections: catching up, rebuilding, and the report queries asked of them. */
public final class Projections {

    public static final String PROJECTION = "intake";
    /** Ministry level, a half-year of the synthetic history, and the same as recorded at a past instant. */
    public static final String MINISTRY_HALF_YEAR = "/api/v1/reports/intake?unit=BCA&period=2022-H1";
    public static final String AS_RECORDED_AT = MINISTRY_HALF_YEAR + "&asRecordedAt=2022-04-01T00:00:00Z";

    private final Http http;
    private final String reportingUrl;
    private final String adminToken;

    public Projections(Http http, String reportingUrl, String adminToken) {
        this.http = http;
        this.reportingUrl = reportingUrl;
        this.adminToken = adminToken;
    }

    /** Total lag of reporting-service's consumers, and dead-lettered events (which would make figures void). */
    public record ConsumerLag(long lag, long deadLettered, long applied) {}

    public ConsumerLag consumerLag() {
        long lag = 0;
        long dead = 0;
        long applied = 0;
        for (JsonNode consumer : http.get(reportingUrl + "/api/v1/status/consumers", adminToken)) {
            lag += consumer.path("lag").asLong();
            dead += consumer.path("deadLettered").asLong();
            applied += consumer.path("applied").asLong();
        }
        return new ConsumerLag(lag, dead, applied);
    }

    /** Polls the consumers until no lag is left (after the lag was first seen, so a not-yet-polled topic counts). */
    public void awaitCaughtUp(long timeoutNanos, Consumer<String> progress) {
        long deadline = System.nanoTime() + timeoutNanos;
        long lastReport = 0;
        while (System.nanoTime() < deadline) {
            ConsumerLag lag = consumerLag();
            if (lag.deadLettered() > 0) {
                throw new IllegalStateException(lag.deadLettered() + " synthetic events were dead-lettered");
            }
            if (lag.lag() == 0 && lag.applied() > 0) {
                return;
            }
            if (System.nanoTime() - lastReport > 10_000_000_000L) {
                progress.accept("projections catching up: " + lag.lag() + " events behind");
                lastReport = System.nanoTime();
            }
            LockSupport.parkNanos(500_000_000); // poll every half second, with a deadline
        }
        throw new IllegalStateException("reporting-service's consumers did not catch up in time");
    }

    /** A rebuild of the intake projection: events per second from the request to the switch. */
    public record RebuildRun(long events, double seconds, double eventsPerSecond, double serviceEventsPerSecond) {}

    public RebuildRun rebuild(long timeoutNanos, Consumer<String> progress) {
        long start = System.nanoTime();
        JsonNode status = http.post(202, reportingUrl + "/api/v1/admin/projections/" + PROJECTION + "/rebuild",
                adminToken, null);
        String id = status.get("id").asText();
        long deadline = start + timeoutNanos;
        long lastReport = start;
        while (System.nanoTime() < deadline) {
            status = http.get(reportingUrl + "/api/v1/admin/projections/" + PROJECTION + "/rebuild/" + id, adminToken);
            String state = status.path("state").asText();
            if (state.equals("SWITCHED")) {
                double seconds = (System.nanoTime() - start) / 1e9;
                long events = status.path("totalEvents").asLong();
                return new RebuildRun(events, seconds, events / seconds, status.path("eventsPerSecond").asDouble());
            }
            if (state.equals("FAILED")) {
                throw new IllegalStateException("the rebuild failed: " + status);
            }
            if (System.nanoTime() - lastReport > 10_000_000_000L) {
                progress.accept(String.format("rebuild: %d of %d events, %.0f/s", status.path("processedEvents").asLong(),
                        status.path("totalEvents").asLong(), status.path("eventsPerSecond").asDouble()));
                lastReport = System.nanoTime();
            }
            LockSupport.parkNanos(200_000_000); // poll the progress endpoint, with a deadline
        }
        throw new IllegalStateException("the rebuild did not finish in time: " + status);
    }

    /** p99 in ms of {@code count} report queries one after the other (one analyst at a time). */
    public double queryP99Millis(String path, int count) {
        long[] nanos = new long[count];
        http.get(reportingUrl + path, adminToken); // the first query plans and warms caches; not counted
        for (int i = 0; i < count; i++) {
            long begin = System.nanoTime();
            http.get(reportingUrl + path, adminToken);
            nanos[i] = System.nanoTime() - begin;
        }
        return Percentiles.of(nanos, 99) / 1e6;
    }
}
