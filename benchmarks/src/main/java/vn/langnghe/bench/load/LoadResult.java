package vn.langnghe.bench.load;

import java.util.Arrays;
import vn.langnghe.bench.stats.Percentiles;

/**
 * What an open-loop run saw: per request its latency from the intended send time and when it completed
 * ({@code -1} for a request that failed or got an unexpected status).
 */
public record LoadResult(double offeredRate, long startNanos, long[] latencyNanos, long[] completedNanos,
        int errors) {

    public int requests() {
        return latencyNanos.length;
    }

    public int succeeded() {
        return requests() - errors;
    }

    /** Successful completions per second between the first intended send and the last completion. */
    public double achievedRate() {
        long last = Arrays.stream(completedNanos).max().orElse(startNanos);
        double seconds = (last - startNanos) / 1e9;
        return seconds <= 0 ? 0 : succeeded() / seconds;
    }

    public double errorFraction() {
        return requests() == 0 ? 0 : (double) errors / requests();
    }

    /** A latency percentile of the successful requests, in milliseconds. */
    public double latencyMillis(double percent) {
        long[] ok = Arrays.stream(latencyNanos).filter(l -> l >= 0).toArray();
        return ok.length == 0 ? Double.NaN : Percentiles.of(ok, percent) / 1e6;
    }

    /** Completion times of the successful requests, ascending (for projection lag). */
    public long[] commitTimesSorted() {
        return Arrays.stream(completedNanos).filter(c -> c >= 0).sorted().toArray();
    }
}
