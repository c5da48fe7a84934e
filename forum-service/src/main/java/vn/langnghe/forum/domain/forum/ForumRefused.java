package vn.langnghe.forum.domain.forum;

/**
 * A command the forum's current state does not allow. {@code code} is stable for clients;
 * {@code field} names the request field at fault when there is one.
 *
 * <p>State codes (no field, 409): {@code ALREADY_SCHEDULED}, {@code WRONG_STATE}, {@code FORUM_NOT_OPEN},
 * {@code FORUM_CLOSED}, {@code ALREADY_CLOSED}, {@code FORUM_NOT_CLOSED}, {@code OPINION_ID_CONFLICT},
 * {@code ALREADY_ANSWERED}, {@code FOLLOW_UP_EXISTS}, {@code NO_FOLLOW_UP}, {@code NO_COMMITMENT},
 * {@code ALREADY_FULFILLED}, {@code ALREADY_ESCALATED}, {@code NOT_ESCALATED}, {@code OUTCOME_CONFLICT}.
 * Not found (404): {@code NOT_FOUND} (no such forum), {@code OPINION_NOT_FOUND}.
 * Field codes (400/422): {@code REQUIRED}, {@code BLANK}, {@code TOO_LONG}, {@code NEGATIVE},
 * {@code DUPLICATE}, {@code UNKNOWN_UNIT}, {@code UNKNOWN_TOPIC}, {@code VENUE_NOT_COMMUNAL},
 * {@code VENUE_OUTSIDE_HOST}, {@code TOO_FAR_AHEAD}, {@code TOTAL_BELOW_GROUPS}, {@code NOT_ESCALATABLE},
 * {@code DUE_TOO_EARLY}, {@code IN_THE_FUTURE}, {@code BEFORE_PREVIOUS_STEP}, {@code BEFORE_SCHEDULED_DAY}.
 */
public final class ForumRefused extends RuntimeException {

    private final String code;
    private final String field;

    public ForumRefused(String code, String field, String message) {
        super(message);
        this.code = code;
        this.field = field;
    }

    public static ForumRefused because(String code, String message) {
        return new ForumRefused(code, null, message);
    }

    public static ForumRefused field(String field, String code, String message) {
        return new ForumRefused(code, field, message);
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

    /** True when what the command names does not exist (404): the forum, or the opinion in it. */
    public boolean isNotFound() {
        return "NOT_FOUND".equals(code) || "OPINION_NOT_FOUND".equals(code);
    }
}
