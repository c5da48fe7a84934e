package vn.langnghe.contracts.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * The submission was answered (trả lời) to the citizen.
 *
 * @param conclusion    the verification conclusion (kết luận); null only for a tip or petition answered
 *                      without verification
 * @param answerSummary public summary of the answer, without names; the answer letter itself is
 *                      personal data and stays encrypted in intake-service
 */
public record SubmissionAnswered(
        UUID submissionId,
        String trackingCode,
        SubmissionKind kind,
        String unitId,
        UUID originatingOpinionId,
        Instant effectiveAt,
        Conclusion conclusion,
        String answerSummary) implements SubmissionOutcome {

    public static final String TYPE = "intake.SubmissionAnswered.v1";

    /** Kinds that may be answered without a conclusion; the schema states the same rule. */
    public static final Set<SubmissionKind> KINDS_WITHOUT_CONCLUSION =
            Set.copyOf(EnumSet.of(SubmissionKind.TIP, SubmissionKind.PETITION));

    public SubmissionAnswered {
        CommonFields.require(submissionId, trackingCode, kind, unitId, effectiveAt);
        requireNonNull(answerSummary, "answerSummary");
        if (conclusion == null && !KINDS_WITHOUT_CONCLUSION.contains(kind)) {
            throw new IllegalArgumentException("conclusion is required for a " + kind);
        }
    }

    @Override
    public String contractType() {
        return TYPE;
    }
}
