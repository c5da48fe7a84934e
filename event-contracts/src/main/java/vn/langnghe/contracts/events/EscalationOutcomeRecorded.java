package vn.langnghe.contracts.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/**
 * The intake submission opened from an escalated opinion ({@link OpinionEscalated}) ended, which closes
 * the opinion's follow-up. Only the outcome travels: never the answer, the tracking code (the citizen's
 * key to the case) or any text of a denunciation or crime report.
 *
 * @param submissionId the intake submission that ended
 * @param outcome      how it ended
 * @param effectiveAt  when it ended, as intake recorded it
 */
public record EscalationOutcomeRecorded(
        UUID forumId,
        UUID opinionId,
        UUID submissionId,
        EscalationOutcome outcome,
        Instant effectiveAt) implements ForumLifecycleEvent {

    public static final String TYPE = "forum.EscalationOutcomeRecorded.v1";

    public EscalationOutcomeRecorded {
        requireNonNull(forumId, "forumId");
        requireNonNull(opinionId, "opinionId");
        requireNonNull(submissionId, "submissionId");
        requireNonNull(outcome, "outcome");
        requireNonNull(effectiveAt, "effectiveAt");
    }

    @Override
    public String contractType() {
        return TYPE;
    }
}
