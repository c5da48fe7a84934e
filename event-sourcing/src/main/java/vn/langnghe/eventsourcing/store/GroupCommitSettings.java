package vn.langnghe.eventsourcing.store;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link GroupCommit} gathers its batches.
 *
 * @param maxBatch most commands in one transaction. At most 64: each command runs in a savepoint, and
 *     PostgreSQL keeps only 64 subtransaction ids per backend in shared memory; beyond that every
 *     snapshot in the database overflows and readers pay for pg_subtrans lookups.
 * @param linger how long the committer waits for more commands after the first one of a batch when
 *     fewer than {@code maxBatch} are queued; zero batches only what queued up while the previous
 *     commit was in flight
 * @param timeout how long a caller waits for its outcome before it gives up with
 *     {@link EventStoreUnavailable}
 */
public record GroupCommitSettings(int maxBatch, Duration linger, Duration timeout) {

    public static final int SUBTRANSACTION_CACHE = 64;

    public GroupCommitSettings {
        if (maxBatch < 1 || maxBatch > SUBTRANSACTION_CACHE) {
            throw new IllegalArgumentException("maxBatch must be 1.." + SUBTRANSACTION_CACHE + ": " + maxBatch);
        }
        Objects.requireNonNull(linger, "linger");
        Objects.requireNonNull(timeout, "timeout");
        if (linger.isNegative() || !timeout.isPositive()) {
            throw new IllegalArgumentException("linger must be >= 0 and timeout > 0: " + linger + ", " + timeout);
        }
    }

    public static GroupCommitSettings defaults() {
        return new GroupCommitSettings(SUBTRANSACTION_CACHE, Duration.ZERO, Duration.ofSeconds(10));
    }

    public GroupCommitSettings withLinger(Duration linger) {
        return new GroupCommitSettings(maxBatch, linger, timeout);
    }

    public GroupCommitSettings withMaxBatch(int maxBatch) {
        return new GroupCommitSettings(maxBatch, linger, timeout);
    }

    public GroupCommitSettings withTimeout(Duration timeout) {
        return new GroupCommitSettings(maxBatch, linger, timeout);
    }
}
