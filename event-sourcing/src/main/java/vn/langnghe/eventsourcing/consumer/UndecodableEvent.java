package vn.langnghe.eventsourcing.consumer;

/**
 * A delivered event that can never be applied as it is (missing attributes, broken JSON, data that
 * does not fit its type). It goes to the dead-letter topic instead of blocking the partition.
 */
public final class UndecodableEvent extends RuntimeException {
    public UndecodableEvent(String message) {
        super(message);
    }

    public UndecodableEvent(String message, Throwable cause) {
        super(message, cause);
    }
}
