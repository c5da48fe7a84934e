package vn.langnghe.contracts.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/**
 * The submission was merged into another one as a duplicate (gộp đơn trùng); the other submission
 * carries the case on, so consumers follow {@link #mergedIntoSubmissionId()} for the final answer.
 */
public record SubmissionMerged(
        UUID submissionId,
        String trackingCode,
        SubmissionKind kind,
        String unitId,
        UUID originatingOpinionId,
        Instant effectiveAt,
        UUID mergedIntoSubmissionId) implements SubmissionOutcome {

    public static final String TYPE = "intake.SubmissionMerged.v1";

    public SubmissionMerged {
        CommonFields.require(submissionId, trackingCode, kind, unitId, effectiveAt);
        requireNonNull(mergedIntoSubmissionId, "mergedIntoSubmissionId");
        if (mergedIntoSubmissionId.equals(submissionId)) {
            throw new IllegalArgumentException("a submission cannot be merged into itself");
        }
    }

    @Override
    public String contractType() {
        return TYPE;
    }
}
