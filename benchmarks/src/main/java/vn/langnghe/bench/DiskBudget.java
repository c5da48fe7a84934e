package vn.langnghe.bench;

/**
 * How many synthetic events the free disk allows. Each event costs about {@link #BYTES_PER_EVENT} across the Kafka
 * log and the projections (two generations during a rebuild); a reserve stays free for PostgreSQL's WAL, the
 * services and everyone else on the machine.
 */
public record DiskBudget(long freeBytes) {

    /** ~0.8 KB in the Kafka log + ~2 × 1 KB in the projection tables and indexes, rounded up. */
    public static final long BYTES_PER_EVENT = 3_000;
    /** Left free whatever happens: 10 GB, plus the 8 GB of WAL PostgreSQL may keep between checkpoints. */
    public static final long RESERVE_BYTES = 18L * 1024 * 1024 * 1024;
    /** Below this the run is not worth it. */
    public static final long MIN_EVENTS = 10_000;

    /** The decision: how many events, and a message when that is fewer than requested. */
    public record Decision(long events, String message) {
        public boolean scaledDown() {
            return message != null;
        }
    }

    public Decision events(long requested) {
        long usable = Math.max(0, freeBytes - RESERVE_BYTES);
        long affordable = usable / BYTES_PER_EVENT;
        if (affordable >= requested) {
            return new Decision(requested, null);
        }
        long events = Math.max(MIN_EVENTS, affordable / 1000 * 1000);
        if (affordable < MIN_EVENTS) {
            return new Decision(0, String.format("only %.1f GB free (%.1f GB kept in reserve): no synthetic events,"
                    + " rebuild and report-query figures skipped", gb(freeBytes), gb(RESERVE_BYTES)));
        }
        return new Decision(events, String.format("only %.1f GB free (%.1f GB kept in reserve): %,d synthetic events"
                + " instead of %,d", gb(freeBytes), gb(RESERVE_BYTES), events, requested));
    }

    private static double gb(long bytes) {
        return bytes / (1024.0 * 1024 * 1024);
    }
}
