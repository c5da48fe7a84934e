package vn.langnghe.eventsourcing.consumer;

import java.util.concurrent.atomic.AtomicLong;

/** Counters a consumer keeps, for metrics and status endpoints. */
public final class ConsumerStats {
    final AtomicLong applied = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong parked = new AtomicLong();
    final AtomicLong deadLettered = new AtomicLong();
    final AtomicLong retries = new AtomicLong();
    final AtomicLong lag = new AtomicLong();
    volatile String lastError;

    public long applied() {
        return applied.get();
    }

    public long duplicates() {
        return duplicates.get();
    }

    public long parked() {
        return parked.get();
    }

    public long deadLettered() {
        return deadLettered.get();
    }

    public long retries() {
        return retries.get();
    }

    /** Records on the subscribed partitions not yet processed, as of the last poll. */
    public long lag() {
        return lag.get();
    }

    public String lastError() {
        return lastError;
    }

    void count(ApplyOutcome outcome) {
        switch (outcome) {
            case APPLIED -> applied.incrementAndGet();
            case DUPLICATE -> duplicates.incrementAndGet();
            case PARKED -> parked.incrementAndGet();
        }
    }
}
