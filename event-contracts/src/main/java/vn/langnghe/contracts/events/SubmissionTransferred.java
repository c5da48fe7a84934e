package vn.langnghe.contracts.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/**
 * The submission was transferred (chuyển đơn) to the competent agency.
 *
 * @param toAgency the receiving agency's name, e.g. "Viện kiểm sát nhân dân quận Lê Chân"
 * @param reason   public reason for the transfer, without names
 */
public record SubmissionTransferred(
        UUID submissionId,
        String trackingCode,
        SubmissionKind kind,
        String unitId,
        UUID originatingOpinionId,
        Instant effectiveAt,
        String toAgency,
        String reason) implements SubmissionOutcome {

    public static final String TYPE = "intake.SubmissionTransferred.v1";

    public SubmissionTransferred {
        CommonFields.require(submissionId, trackingCode, kind, unitId, effectiveAt);
        requireNonNull(toAgency, "toAgency");
        requireNonNull(reason, "reason");
    }

    @Override
    public String contractType() {
        return TYPE;
    }
}
