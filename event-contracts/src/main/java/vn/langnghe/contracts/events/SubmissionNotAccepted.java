package vn.langnghe.contracts.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/**
 * The submission was not accepted for handling (không thụ lý).
 *
 * @param legalReason the legal ground, a string code on the wire
 * @param note        optional public explanation without names, may be null
 */
public record SubmissionNotAccepted(
        UUID submissionId,
        String trackingCode,
        SubmissionKind kind,
        String unitId,
        UUID originatingOpinionId,
        Instant effectiveAt,
        NotAcceptedReason legalReason,
        String note) implements SubmissionOutcome {

    public static final String TYPE = "intake.SubmissionNotAccepted.v1";

    public SubmissionNotAccepted {
        CommonFields.require(submissionId, trackingCode, kind, unitId, effectiveAt);
        requireNonNull(legalReason, "legalReason");
    }

    @Override
    public String contractType() {
        return TYPE;
    }
}
