package vn.langnghe.bench.suite;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import vn.langnghe.bench.load.LoadResult;
import vn.langnghe.bench.load.RankMatchedLag;

/**
 * Commit in intake to visible in a report: a burst of submissions to a unit nobody else writes to, while a
 * poller asks reporting-service's intake report for that unit back to back. See {@link RankMatchedLag}.
 */
public final class ProjectionLag {

    static final long SETTLE_TIMEOUT_NANOS = 120_000_000_000L;

    private final Http http;
    private final String reportingUrl;
    private final String analystToken;
    private final String unitId;

    public ProjectionLag(Http http, String reportingUrl, String analystToken, String unitId) {
        this.http = http;
        this.reportingUrl = reportingUrl;
        this.analystToken = analystToken;
        this.unitId = unitId;
    }

    /**
     * Lags in nanoseconds of the burst's committed events; one never seen within two minutes counts with the time
     * waited for it (a lower bound) and in {@code unseen}.
     */
    public record Lags(long[] lagNanos, long unseen, int committed, int polls) {}

    public long receivedCount() {
        String year = Integer.toString(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).getYear());
        JsonNode report = http.get(reportingUrl + "/api/v1/reports/intake?unit=" + unitId + "&period=" + year,
                analystToken);
        for (JsonNode row : report.get("rows")) {
            if ("TOTAL".equals(row.path("role").asText())) {
                return row.path("figures").path("received").path("total").asLong();
            }
        }
        throw new IllegalStateException("no TOTAL row in the intake report: " + report);
    }

    /** Runs {@code burst} (which sends to {@link #unitId}) while polling; waits until all of it is visible. */
    public Lags during(java.util.function.Supplier<LoadResult> burst) {
        long baseline = receivedCount();
        List<long[]> polls = new ArrayList<>();
        AtomicBoolean burstDone = new AtomicBoolean();
        AtomicLong expected = new AtomicLong(Long.MAX_VALUE);
        java.util.concurrent.atomic.AtomicReference<RuntimeException> pollFailure =
                new java.util.concurrent.atomic.AtomicReference<>();
        Thread poller = Thread.ofPlatform().name("lag-poller").start(() -> {
            long deadline = Long.MAX_VALUE;
            while (true) {
                long count;
                try {
                    count = receivedCount() - baseline;
                } catch (RuntimeException e) {
                    pollFailure.set(e);
                    return;
                }
                long now = System.nanoTime();
                synchronized (polls) {
                    polls.add(new long[] {now, count});
                }
                if (burstDone.get()) {
                    deadline = Math.min(deadline, now + SETTLE_TIMEOUT_NANOS);
                    if (count >= expected.get() || now > deadline) {
                        return;
                    }
                }
            }
        });
        LoadResult result = burst.get();
        expected.set(result.succeeded());
        burstDone.set(true);
        try {
            poller.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (pollFailure.get() != null) {
            throw new IllegalStateException("polling the report failed: " + pollFailure.get().getMessage(),
                    pollFailure.get());
        }
        long[] pollNanos = polls.stream().mapToLong(p -> p[0]).toArray();
        long[] pollCounts = polls.stream().mapToLong(p -> p[1]).toArray();
        long[] commits = result.commitTimesSorted();
        long[] lags = RankMatchedLag.lags(commits, pollNanos, pollCounts);
        long waitedUntil = System.nanoTime();
        long unseen = 0;
        for (int k = 0; k < lags.length; k++) {
            if (lags[k] < 0) {
                lags[k] = waitedUntil - commits[k];
                unseen++;
            }
        }
        return new Lags(lags, unseen, result.succeeded(), polls.size());
    }
}
