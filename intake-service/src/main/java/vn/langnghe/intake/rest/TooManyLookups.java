package vn.langnghe.intake.rest;

/** A client asked for more tracking-code lookups than it may this minute (429). */
public final class TooManyLookups extends RuntimeException {

    private final long retryAfterSeconds;

    public TooManyLookups(long retryAfterSeconds) {
        super("too many tracking-code lookups; retry in " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
