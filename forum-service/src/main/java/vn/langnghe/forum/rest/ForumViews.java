package vn.langnghe.forum.rest;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import vn.langnghe.contracts.events.OpinionNature;
import vn.langnghe.contracts.events.ParticipantGroup;
import vn.langnghe.contracts.events.SessionKind;
import vn.langnghe.forum.application.ForumRow;
import vn.langnghe.forum.application.OpinionRow;
import vn.langnghe.forum.domain.forum.Forum;
import vn.langnghe.forum.domain.forum.ForumStatus;
import vn.langnghe.forum.domain.forum.OpinionStatus;

/** What the API answers. No view carries a speaker's name, contact, identity reference or own words. */
public final class ForumViews {

    private ForumViews() {}

    /** A forum as its organisers see it, with every opinion; {@code version} is its ETag. */
    public record ForumView(UUID id, SessionKind sessionKind, ForumStatus status, String hostUnitId,
            String venueUnitId, String venueName, LocalDateTime startsAt, Forum.Delegate delegationHead,
            List<Forum.Delegate> delegationMembers, List<ParticipantGroup> invitedGroups, Forum.Attendance attendance,
            String minutesSummary, LocalDate scheduledOn, LocalDate openedOn, LocalDate closedOn,
            LocalDate minutesPublishedOn, List<OpinionView> opinions, long version) {

        static ForumView of(Forum f, long version, LocalDate today) {
            return new ForumView(f.id(), f.sessionKind(), f.status(), f.hostUnitId(), f.venueUnitId(), f.venueName(),
                    f.startsAt(), f.delegationHead(), f.delegationMembers(), f.invitedGroups(), f.attendance(),
                    f.minutesSummary(), f.scheduledOn(), f.openedOn(), f.closedOn(), f.minutesPublishedOn(),
                    f.opinionsInOrder().stream().map(o -> OpinionView.of(f.id(), o, version, today)).toList(), version);
        }
    }

    /**
     * One opinion as organisers see it. {@code speakerIdentified} says whether a name is in the vault, never
     * which. {@code forumVersion} is the forum's ETag after this opinion's latest step.
     */
    public record OpinionView(UUID forumId, UUID id, ParticipantGroup speakerGroup, boolean speakerIdentified,
            String topic, List<String> tags, OpinionNature nature, String publicSummary, LocalDate recordedOn,
            OpinionStatus status, Forum.Opinion.Answer answer, Forum.Opinion.FollowUp followUp, boolean overdue,
            Forum.Opinion.Fulfilment fulfilment, Forum.Opinion.Escalation escalation, long forumVersion) {

        static OpinionView of(UUID forumId, Forum.Opinion o, long version, LocalDate today) {
            return new OpinionView(forumId, o.id(), o.speakerGroup(), o.speakerRef() != null, o.topic(), o.tags(),
                    o.nature(), o.publicSummary(), o.recordedOn(), o.status(), o.answer(), o.followUp(),
                    o.isOverdue(today), o.fulfilment(), o.escalation(), version);
        }
    }

    /** A line of the organiser's list of forums. */
    public record ForumSummary(UUID id, String sessionKind, String status, String hostUnitId, String venueUnitId,
            String venueName, LocalDateTime startsAt, LocalDate openedOn, LocalDate closedOn,
            LocalDate minutesPublishedOn, Integer attendanceTotal, int opinionCount, int answeredOnTheSpot,
            int followUpCount, int escalatedCount, long version) {

        static ForumSummary of(ForumRow r) {
            return new ForumSummary(r.id(), r.sessionKind(), r.status(), r.hostUnitId(), r.venueUnitId(),
                    r.venueName(), r.startsAt(), r.openedOn(), r.closedOn(), r.minutesPublishedOn(),
                    r.attendanceTotal(), r.opinionCount(), r.answeredOnTheSpot(), r.followUpCount(),
                    r.escalatedCount(), r.version());
        }
    }

    /** A follow-up an officer's unit owes an answer to, with its due day; overdue once that day has passed. */
    public record FollowUpItem(UUID forumId, UUID opinionId, String topic, String nature, String speakerGroup,
            String publicSummary, LocalDate recordedOn, String ownerUnitId, LocalDate dueOn, boolean overdue,
            long forumVersion) {

        static FollowUpItem of(OpinionRow r, LocalDate today) {
            return new FollowUpItem(r.forumId(), r.opinionId(), r.topic(), r.nature(), r.speakerGroup(),
                    r.publicSummary(), r.recordedOn(), r.followUpOwnerUnitId(), r.followUpDue(),
                    r.followUpDue() != null && today.isAfter(r.followUpDue()), r.forumVersion());
        }
    }

    /** The speaker's own words, for the organisers of the forum (an audited read). */
    public record OpinionText(UUID opinionId, String text) {}

    /** A page of a list; pass {@code next} as {@code after} to continue (null at the end). */
    public record Page<T>(List<T> items, String next) {}

    /**
     * Published minutes (biên bản), public: the session, delegation by position, attendance, the minutes'
     * summary and the opinions' public summaries with their answers. Never a speaker's name or reference,
     * and never an opinion escalated as a denunciation or crime report.
     */
    public record MinutesView(UUID forumId, SessionKind sessionKind, String hostUnitId, String venueUnitId,
            String venueName, LocalDateTime startsAt, LocalDate heldOn, LocalDate closedOn, LocalDate publishedOn,
            Forum.Delegate delegationHead, List<Forum.Delegate> delegationMembers, Forum.Attendance attendance,
            String minutesSummary, List<PublicOpinion> opinions) {

        static MinutesView of(Forum f) {
            return new MinutesView(f.id(), f.sessionKind(), f.hostUnitId(), f.venueUnitId(), f.venueName(),
                    f.startsAt(), f.openedOn(), f.closedOn(), f.minutesPublishedOn(), f.delegationHead(),
                    f.delegationMembers(), f.attendance(), f.minutesSummary(),
                    f.opinionsInOrder().stream().filter(Forum.Opinion::showsInPublishedMinutes)
                            .map(PublicOpinion::of).toList());
        }
    }

    /** An opinion in published minutes: public summary, codes and what the police answered or committed to. */
    public record PublicOpinion(ParticipantGroup speakerGroup, String topic, List<String> tags, OpinionNature nature,
            String publicSummary, OpinionStatus status, PublicAnswer answer, String fulfilmentSummary) {

        static PublicOpinion of(Forum.Opinion o) {
            Forum.Opinion.Answer a = o.answer();
            return new PublicOpinion(o.speakerGroup(), o.topic(), o.tags(), o.nature(), o.publicSummary(), o.status(),
                    a == null ? null : new PublicAnswer(a.onTheSpot(), a.byUnitId(), a.byTitle(), a.summary(),
                            a.commitmentSummary(), a.answeredOn()),
                    o.fulfilment() == null ? null : o.fulfilment().summary());
        }
    }

    public record PublicAnswer(boolean onTheSpot, String byUnitId, String byTitle, String summary,
            String commitmentSummary, LocalDate answeredOn) {}
}
