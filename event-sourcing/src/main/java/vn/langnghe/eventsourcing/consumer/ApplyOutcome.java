package vn.langnghe.eventsourcing.consumer;

/** What the checkpointed applier did with one delivered event. */
public enum ApplyOutcome {
    /** Applied now (together with any parked successors it unblocked). */
    APPLIED,
    /** Seen before: redelivered or replayed; nothing changed. */
    DUPLICATE,
    /** Arrived before its predecessor: kept aside until the gap is filled. */
    PARKED
}
