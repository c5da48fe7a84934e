package vn.langnghe.servicekit.http;

import vn.langnghe.eventsourcing.store.ExpectedVersion;
import vn.langnghe.servicekit.problem.InvalidInput;

/** The stream version a client read, carried end to end as an ETag / If-Match value such as "3". */
public final class IfMatch {

    public static final String HEADER = "If-Match";

    private IfMatch() {}

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The expected version; 428 when the header is missing, 400 naming it when malformed. */
    public static ExpectedVersion required(String header) {
        if (header == null || header.isBlank()) {
            throw new PreconditionRequired();
        }
        String value = header.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            long version = Long.parseLong(value);
            if (version < 0) {
                throw new NumberFormatException();
            }
            return ExpectedVersion.exactly(version);
        } catch (NumberFormatException e) {
            throw new InvalidInput(HEADER, "must be the ETag you read, e.g. \"3\"");
        }
    }

    /** The header was required and missing (428 Precondition Required). */
    public static final class PreconditionRequired extends RuntimeException {
        public PreconditionRequired() {
            super("this change needs an If-Match header with the version you read (its ETag)");
        }
    }
}
