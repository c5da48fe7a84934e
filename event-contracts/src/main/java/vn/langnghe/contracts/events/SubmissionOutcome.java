package vn.langnghe.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A terminal outcome of an intake submission (đơn thư, tin báo): answered, transferred, not accepted,
 * withdrawn or merged. All carry the same identifying fields, so a consumer that only needs "this
 * submission is closed" (e.g. forum-service closing a follow-up) can handle them alike.
 */
public sealed interface SubmissionOutcome extends ContractEvent
        permits SubmissionAnswered, SubmissionTransferred, SubmissionNotAccepted, SubmissionWithdrawn,
                SubmissionMerged {

    UUID submissionId();

    /** The code the citizen uses to follow the case (mã tra cứu). */
    String trackingCode();

    SubmissionKind kind();

    /** Code of the unit that handled the submission. */
    String unitId();

    /** The forum opinion this submission came from, or null when it was not escalated from a forum. */
    UUID originatingOpinionId();

    Instant effectiveAt();
}
