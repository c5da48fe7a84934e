package vn.langnghe.eventsourcing.store;

/** The database could not be reached or failed: the caller may retry later (HTTP 503). */
public final class EventStoreUnavailable extends RuntimeException {
    public EventStoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
