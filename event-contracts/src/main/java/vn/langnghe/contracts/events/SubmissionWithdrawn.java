package vn.langnghe.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** The citizen withdrew the submission (rút đơn). */
public record SubmissionWithdrawn(
        UUID submissionId,
        String trackingCode,
        SubmissionKind kind,
        String unitId,
        UUID originatingOpinionId,
        Instant effectiveAt) implements SubmissionOutcome {

    public static final String TYPE = "intake.SubmissionWithdrawn.v1";

    public SubmissionWithdrawn {
        CommonFields.require(submissionId, trackingCode, kind, unitId, effectiveAt);
    }

    @Override
    public String contractType() {
        return TYPE;
    }
}
