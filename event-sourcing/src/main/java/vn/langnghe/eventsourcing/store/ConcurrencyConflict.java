package vn.langnghe.eventsourcing.store;

/** The stream moved on since the caller read it: the append was refused and nothing was written. */
public final class ConcurrencyConflict extends RuntimeException {

    private final String streamId;
    private final ExpectedVersion expected;
    private final long actualVersion;

    public ConcurrencyConflict(String streamId, ExpectedVersion expected, long actualVersion) {
        super("stream " + streamId + " is at version " + actualVersion + ", expected " + expected);
        this.streamId = streamId;
        this.expected = expected;
        this.actualVersion = actualVersion;
    }

    public String streamId() {
        return streamId;
    }

    public ExpectedVersion expected() {
        return expected;
    }

    public long actualVersion() {
        return actualVersion;
    }
}
