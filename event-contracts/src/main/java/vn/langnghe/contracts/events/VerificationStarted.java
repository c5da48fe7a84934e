package vn.langnghe.contracts.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/** Verification (xác minh) of the submission's content started. */
public record VerificationStarted(
        UUID submissionId,
        Instant effectiveAt) implements SubmissionLifecycleEvent {

    public static final String TYPE = "intake.VerificationStarted.v1";

    public VerificationStarted {
        requireNonNull(submissionId, "submissionId");
        requireNonNull(effectiveAt, "effectiveAt");
    }

    @Override
    public String contractType() {
        return TYPE;
    }
}
