package vn.langnghe.contracts.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/** Null checks shared by the {@link SubmissionOutcome} records (originatingOpinionId may be null). */
final class CommonFields {

    private CommonFields() {
    }

    static void require(UUID submissionId, String trackingCode, SubmissionKind kind, String unitId,
            Instant effectiveAt) {
        requireNonNull(submissionId, "submissionId");
        requireNonNull(trackingCode, "trackingCode");
        requireNonNull(kind, "kind");
        requireNonNull(unitId, "unitId");
        requireNonNull(effectiveAt, "effectiveAt");
    }
}
