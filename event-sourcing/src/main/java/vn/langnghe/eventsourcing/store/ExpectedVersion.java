package vn.langnghe.eventsourcing.store;

/** What the caller believes the stream's current version is when it appends. */
public sealed interface ExpectedVersion {

    /** Append whatever the current version is (for commands that only add). */
    record Any() implements ExpectedVersion {}

    /** The stream must not exist yet (version 0). */
    record NoStream() implements ExpectedVersion {}

    /** The stream must be exactly at this version (e.g. from an HTTP If-Match). */
    record Exactly(long version) implements ExpectedVersion {
        public Exactly {
            if (version < 0) {
                throw new IllegalArgumentException("a stream version is never negative: " + version);
            }
        }
    }

    static ExpectedVersion any() {
        return new Any();
    }

    static ExpectedVersion noStream() {
        return new NoStream();
    }

    static ExpectedVersion exactly(long version) {
        return new Exactly(version);
    }

    default boolean accepts(long actualVersion) {
        return switch (this) {
            case Any a -> true;
            case NoStream n -> actualVersion == 0;
            case Exactly e -> actualVersion == e.version();
        };
    }
}
