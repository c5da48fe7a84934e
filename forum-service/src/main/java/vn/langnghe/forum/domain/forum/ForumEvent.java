package vn.langnghe.forum.domain.forum;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import vn.langnghe.contracts.events.EscalationOutcome;
import vn.langnghe.contracts.events.OpinionNature;
import vn.langnghe.contracts.events.ParticipantGroup;
import vn.langnghe.contracts.events.SessionKind;
import vn.langnghe.contracts.events.SubmissionKind;

/**
 * What happened to a forum. No citizen's words and no names: opinions are told by organiser-written
 * public summaries and codes, a speaker by an identity-vault reference at most.
 *
 * <p>Each event maps one to one onto a {@code forum.*.v1} contract of event-contracts, field by field,
 * with {@code effectiveOn} ↔ {@code effectiveAt} (start of that day in Asia/Ho_Chi_Minh) and
 * {@code startsAt} ↔ the instant of that local time in Asia/Ho_Chi_Minh. {@link OpinionEscalated} is the
 * shared {@code forum.OpinionEscalated.v1} that intake consumes.
 */
public sealed interface ForumEvent {

    UUID forumId();

    LocalDate effectiveOn();

    /** An event about one opinion. */
    sealed interface OpinionEvent extends ForumEvent {
        UUID opinionId();
    }

    /** {@code forum.ForumScheduled.v1}. */
    record Scheduled(UUID forumId, SessionKind sessionKind, String hostUnitId, String venueUnitId, String venueName,
            LocalDateTime startsAt, Forum.Delegate delegationHead, List<Forum.Delegate> delegationMembers,
            List<ParticipantGroup> invitedGroups, LocalDate effectiveOn) implements ForumEvent {
        public Scheduled {
            delegationMembers = List.copyOf(delegationMembers);
            invitedGroups = List.copyOf(invitedGroups);
        }
    }

    /** {@code forum.ForumOpened.v1}. */
    record Opened(UUID forumId, Forum.Attendance attendance, LocalDate effectiveOn) implements ForumEvent {}

    /** {@code forum.OpinionRecorded.v1}. */
    record OpinionRecorded(UUID forumId, UUID opinionId, ParticipantGroup speakerGroup, String speakerRef,
            String topic, List<String> tags, OpinionNature nature, String publicSummary, LocalDate effectiveOn)
            implements OpinionEvent {
        public OpinionRecorded {
            tags = List.copyOf(tags);
        }
    }

    /** {@code forum.OpinionAnsweredOnTheSpot.v1}. */
    record AnsweredOnTheSpot(UUID forumId, UUID opinionId, String answeredByUnitId, String answeredByTitle,
            String answerSummary, String commitmentSummary, LocalDate effectiveOn) implements OpinionEvent {}

    /** {@code forum.FollowUpCreated.v1}. */
    record FollowUpCreated(UUID forumId, UUID opinionId, String ownerUnitId, LocalDate dueOn,
            LocalDate effectiveOn) implements OpinionEvent {}

    /** {@code forum.FollowUpAnswered.v1}: owner and due date repeated from the follow-up. */
    record FollowUpAnswered(UUID forumId, UUID opinionId, String ownerUnitId, LocalDate dueOn, String answerSummary,
            String commitmentSummary, LocalDate effectiveOn) implements OpinionEvent {}

    /** {@code forum.CommitmentFulfilled.v1}. */
    record CommitmentFulfilled(UUID forumId, UUID opinionId, String fulfilmentSummary, LocalDate effectiveOn)
            implements OpinionEvent {}

    /** {@code forum.ForumClosed.v1}. */
    record Closed(UUID forumId, String minutesSummary, LocalDate effectiveOn) implements ForumEvent {}

    /** {@code forum.MinutesPublished.v1}. */
    record MinutesPublished(UUID forumId, LocalDate effectiveOn) implements ForumEvent {}

    /**
     * {@code forum.OpinionEscalated.v1}: topic, tags and the speaker's reference come from the opinion,
     * so intake treats the submission as identified when the speaker gave a name.
     */
    record OpinionEscalated(UUID forumId, UUID opinionId, SubmissionKind kindRequested, String topic,
            List<String> tags, String unitId, String speakerIdentityRef, String publicSummary, LocalDate effectiveOn)
            implements OpinionEvent {
        public OpinionEscalated {
            tags = List.copyOf(tags);
        }
    }

    /** {@code forum.EscalationOutcomeRecorded.v1}. */
    record EscalationOutcomeRecorded(UUID forumId, UUID opinionId, UUID submissionId, EscalationOutcome outcome,
            LocalDate effectiveOn) implements OpinionEvent {}
}
