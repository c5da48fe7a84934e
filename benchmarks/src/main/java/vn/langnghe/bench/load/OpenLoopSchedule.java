package vn.langnghe.bench.load;

/**
 * When each request of an open-loop run is meant to be sent: request {@code i} at {@code start + i / rate},
 * whatever happened to the requests before it. Latency is measured from this intended time, so a stalled server
 * is charged for the requests it kept waiting (no coordinated omission).
 */
public record OpenLoopSchedule(long startNanos, double ratePerSecond, long count) {

    public OpenLoopSchedule {
        if (ratePerSecond <= 0) {
            throw new IllegalArgumentException("rate must be positive: " + ratePerSecond);
        }
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
    }

    /** A schedule of {@code seconds} at {@code ratePerSecond}: round(rate × seconds) requests. */
    public static OpenLoopSchedule forDuration(long startNanos, double ratePerSecond, double seconds) {
        return new OpenLoopSchedule(startNanos, ratePerSecond, Math.round(ratePerSecond * seconds));
    }

    /** The intended send time of request {@code index} (0-based), in {@link System#nanoTime()} terms. */
    public long intendedNanos(long index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException(index + " not in [0, " + count + ")");
        }
        return startNanos + Math.round(index * 1e9 / ratePerSecond);
    }

    /** When the last request is due. */
    public long endNanos() {
        return count == 0 ? startNanos : intendedNanos(count - 1);
    }
}
