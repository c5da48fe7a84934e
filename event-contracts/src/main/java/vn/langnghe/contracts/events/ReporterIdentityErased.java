package vn.langnghe.contracts.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/**
 * The reporter's identity was erased (crypto-shredded): the key of the person behind {@code reporterRef}
 * is destroyed. Every service that holds anything under that reference must forget it too. The case
 * history and every statistic stay.
 */
public record ReporterIdentityErased(
        UUID submissionId,
        String reporterRef,
        Instant effectiveAt) implements SubmissionLifecycleEvent {

    public static final String TYPE = "intake.ReporterIdentityErased.v1";

    public ReporterIdentityErased {
        requireNonNull(submissionId, "submissionId");
        requireNonNull(reporterRef, "reporterRef");
        requireNonNull(effectiveAt, "effectiveAt");
        CommonFields.optionalLength(reporterRef, 1, SubmissionReceived.REPORTER_REF_MAX_LENGTH, "reporterRef");
    }

    @Override
    public String contractType() {
        return TYPE;
    }
}
