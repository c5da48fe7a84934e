package vn.langnghe.bench.report;

/** Whether a larger value of a figure is better (a rate) or worse (a latency, a size, a time). */
public enum Direction {
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER;

    /** How much worse {@code now} is than {@code before}, as a fraction of {@code before} (negative: better). */
    public double worsening(double before, double now) {
        if (before == 0) {
            return 0;
        }
        return this == HIGHER_IS_BETTER ? (before - now) / before : (now - before) / before;
    }

    /** Whether {@code value} meets a target {@code limit} in this direction. */
    public boolean meets(double value, double limit) {
        return this == HIGHER_IS_BETTER ? value >= limit : value <= limit;
    }
}
