package vn.langnghe.intake.domain.submission;

/**
 * A command the submission's current state does not allow. {@code code} is stable for clients;
 * {@code field} names the request field at fault when there is one.
 */
public final class SubmissionRefused extends RuntimeException {

    private final String code;
    private final String field;

    public SubmissionRefused(String code, String field, String message) {
        super(message);
        this.code = code;
        this.field = field;
    }

    public static SubmissionRefused because(String code, String message) {
        return new SubmissionRefused(code, null, message);
    }

    public static SubmissionRefused field(String field, String code, String message) {
        return new SubmissionRefused(code, field, message);
    }

    public String code() {
        return code;
    }

    /** The request field at fault, or null when the state itself refuses the command. */
    public String field() {
        return field;
    }

    /** True when the command may never succeed in this state (409), false for bad input (400/422). */
    public boolean isStateConflict() {
        return field == null;
    }
}
