package vn.langnghe.bench.stats;

import java.util.Arrays;
import java.util.List;

/** Order statistics for latency samples and round results: nearest-rank percentiles and medians. */
public final class Percentiles {

    private Percentiles() {
    }

    /**
     * The nearest-rank percentile: the smallest sample such that at least {@code percent} % of the samples are at
     * or below it (so p100 is the maximum and p99 of 100 samples is the 99th smallest). Sorts a copy.
     */
    public static long of(long[] samples, double percent) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        if (percent <= 0 || percent > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + percent);
        }
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        return ofSorted(sorted, percent);
    }

    /** As {@link #of} on samples already sorted ascending. */
    public static long ofSorted(long[] sorted, double percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** The median; the mean of the two middle values for an even count. */
    public static double median(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
