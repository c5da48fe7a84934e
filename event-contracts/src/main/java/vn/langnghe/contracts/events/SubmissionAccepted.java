package vn.langnghe.contracts.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/**
 * The submission was accepted for handling (thụ lý): the legal clock starts at {@link #effectiveAt()}.
 *
 * @param complex true when the case was judged complex (vụ việc phức tạp), which lengthens some limits
 */
public record SubmissionAccepted(
        UUID submissionId,
        boolean complex,
        Instant effectiveAt) implements SubmissionLifecycleEvent {

    public static final String TYPE = "intake.SubmissionAccepted.v1";

    public SubmissionAccepted {
        requireNonNull(submissionId, "submissionId");
        requireNonNull(effectiveAt, "effectiveAt");
    }

    @Override
    public String contractType() {
        return TYPE;
    }
}
