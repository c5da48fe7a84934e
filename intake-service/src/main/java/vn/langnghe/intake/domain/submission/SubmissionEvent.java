package vn.langnghe.intake.domain.submission;

import vn.langnghe.contracts.events.Channel;
import vn.langnghe.contracts.events.Track;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.langnghe.contracts.events.Conclusion;
import vn.langnghe.contracts.events.NotAcceptedReason;
import vn.langnghe.contracts.events.SubmissionKind;

/**
 * What happened to a submission. No citizen's free text and no personal data: free text lives in the
 * case-text store, identities in the identity vault, events carry references only.
 */
public sealed interface SubmissionEvent {

    UUID submissionId();

    LocalDate effectiveOn();

    record Received(UUID submissionId, String trackingCode, SubmissionKind kind, Channel channel, String unitId,
            String reporterRef, String partnerClientId, UUID originatingOpinionId, String declaredTopic,
            LocalDate effectiveOn) implements SubmissionEvent {
        public boolean identified() {
            return reporterRef != null;
        }
    }

    record Classified(UUID submissionId, SubmissionKind kind, String topic, List<String> tags, String unitId,
            String publicSummary, boolean remoteArea, Track track, LocalDate effectiveOn) implements SubmissionEvent {
        public Classified {
            tags = List.copyOf(tags);
        }
    }

    record Accepted(UUID submissionId, boolean complex, LocalDate effectiveOn) implements SubmissionEvent {}

    record VerificationStarted(UUID submissionId, LocalDate effectiveOn) implements SubmissionEvent {}

    record Concluded(UUID submissionId, Conclusion conclusion, LocalDate effectiveOn) implements SubmissionEvent {}

    record DeadlineExtended(UUID submissionId, String reasonCode, String reason, LocalDate effectiveOn)
            implements SubmissionEvent {}

    record RatedValuable(UUID submissionId, LocalDate effectiveOn) implements SubmissionEvent {}

    /** The person behind {@code reporterRef} was forgotten: their key is destroyed everywhere. */
    record ReporterErased(UUID submissionId, String reporterRef, LocalDate effectiveOn) implements SubmissionEvent {}

    /** The five ways a submission ends; each tells forum-service which opinion it came from. */
    sealed interface Outcome extends SubmissionEvent {
        String trackingCode();

        SubmissionKind kind();

        String unitId();

        UUID originatingOpinionId();
    }

    record Answered(UUID submissionId, String trackingCode, SubmissionKind kind, String unitId,
            UUID originatingOpinionId, Conclusion conclusion, String answerSummary, LocalDate effectiveOn)
            implements Outcome {}

    record Transferred(UUID submissionId, String trackingCode, SubmissionKind kind, String unitId,
            UUID originatingOpinionId, String toAgency, String reason, LocalDate effectiveOn) implements Outcome {}

    record NotAccepted(UUID submissionId, String trackingCode, SubmissionKind kind, String unitId,
            UUID originatingOpinionId, NotAcceptedReason legalReason, String note, LocalDate effectiveOn)
            implements Outcome {}

    record Merged(UUID submissionId, String trackingCode, SubmissionKind kind, String unitId,
            UUID originatingOpinionId, UUID mergedInto, LocalDate effectiveOn) implements Outcome {}

    record Withdrawn(UUID submissionId, String trackingCode, SubmissionKind kind, String unitId,
            UUID originatingOpinionId, LocalDate effectiveOn) implements Outcome {}
}
