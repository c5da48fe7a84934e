package vn.langnghe.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A step of an intake submission on its way to an outcome: received, classified (or reclassified),
 * accepted, under verification, concluded, deadline extended, tip rated valuable. None of them closes
 * the submission; the terminal steps are the {@link SubmissionOutcome}s. reporting-service reads them
 * to count submissions and measure legal deadlines.
 */
public sealed interface SubmissionLifecycleEvent extends ContractEvent
        permits SubmissionReceived, SubmissionClassified, SubmissionAccepted, VerificationStarted,
                SubmissionConcluded, DeadlineExtended, TipRatedValuable,
                ReporterIdentityErased {

    /** The intake submission (stream id of the Submission aggregate). */
    UUID submissionId();

    /**
     * When the step took effect in the world, which may be long before the event was recorded, e.g. a
     * date keyed in from a paper record.
     */
    Instant effectiveAt();
}
