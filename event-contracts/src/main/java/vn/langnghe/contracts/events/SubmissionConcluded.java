package vn.langnghe.contracts.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/**
 * Verification ended with a conclusion (kết luận). The submission stays open until its outcome, e.g.
 * {@link SubmissionAnswered}.
 *
 * @param conclusion đúng, đúng một phần or sai; never null
 */
public record SubmissionConcluded(
        UUID submissionId,
        Conclusion conclusion,
        Instant effectiveAt) implements SubmissionLifecycleEvent {

    public static final String TYPE = "intake.SubmissionConcluded.v1";

    public SubmissionConcluded {
        requireNonNull(submissionId, "submissionId");
        requireNonNull(conclusion, "conclusion");
        requireNonNull(effectiveAt, "effectiveAt");
    }

    @Override
    public String contractType() {
        return TYPE;
    }
}
