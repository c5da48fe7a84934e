package vn.langnghe.contracts;

/** Kafka topics (one per aggregate type, {@code <context>.<aggregate>.events}), keyed by stream id. */
public final class Topics {

    /** Events of the intake {@code Submission} aggregate. */
    public static final String INTAKE_SUBMISSION_EVENTS = "intake.submission.events";

    /** Events of the forum-service {@code Forum} aggregate (diễn đàn, họp dân). */
    public static final String FORUM_FORUM_EVENTS = "forum.forum.events";

    private Topics() {
    }
}
