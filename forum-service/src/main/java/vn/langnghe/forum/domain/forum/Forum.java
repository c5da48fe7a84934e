package vn.langnghe.forum.domain.forum;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import vn.langnghe.contracts.events.EscalationOutcome;
import vn.langnghe.contracts.events.OpinionNature;
import vn.langnghe.contracts.events.ParticipantGroup;
import vn.langnghe.contracts.events.SessionKind;
import vn.langnghe.contracts.events.SubmissionKind;

/**
 * The state of one forum (diễn đàn "Công an lắng nghe ý kiến nhân dân") or resident meeting (họp dân),
 * folded from its events. {@link #NONE} is a forum not yet scheduled.
 *
 * @param lastLiveStepOn the latest effective date of a step taken while the session was open: the
 *                       closing may not be dated before it
 * @param opinions       by id, in the order they were recorded
 */
public record Forum(
        UUID id,
        SessionKind sessionKind,
        ForumStatus status,
        String hostUnitId,
        String venueUnitId,
        String venueName,
        LocalDateTime startsAt,
        Delegate delegationHead,
        List<Delegate> delegationMembers,
        List<ParticipantGroup> invitedGroups,
        Attendance attendance,
        String minutesSummary,
        LocalDate scheduledOn,
        LocalDate openedOn,
        LocalDate closedOn,
        LocalDate minutesPublishedOn,
        LocalDate lastLiveStepOn,
        Map<UUID, Opinion> opinions) {

    /** A member of the delegation (đoàn công tác), by unit and position (chức vụ), never by name. */
    public record Delegate(String unitId, String title) {}

    /** People of one participant group present. */
    public record GroupCount(ParticipantGroup group, int count) {}

    /** Số lượt người dự: the total, which reports sum, and the count per group where counted. */
    public record Attendance(int total, List<GroupCount> byGroup) {
        public Attendance {
            byGroup = List.copyOf(byGroup);
        }
    }

    public static final Forum NONE = new Forum(null, null, null, null, null, null, null, null, List.of(), List.of(),
            null, null, null, null, null, null, null, Map.of());

    public boolean exists() {
        return status != null;
    }

    public boolean minutesPublished() {
        return minutesPublishedOn != null;
    }

    /** The day of the session: the opening day once opened, the planned day before. */
    public LocalDate day() {
        return openedOn != null ? openedOn : startsAt.toLocalDate();
    }

    public Optional<Opinion> opinion(UUID opinionId) {
        return Optional.ofNullable(opinions.get(opinionId));
    }

    /** Opinions in the order they were recorded. */
    public List<Opinion> opinionsInOrder() {
        return List.copyOf(opinions.values());
    }

    /**
     * One opinion (ý kiến) raised at the forum, as recorded: the speaker's group and vault reference,
     * topic, tags, nature and the organiser's public summary, then what became of it.
     *
     * @param answer     the answer on the spot or to the follow-up, null until answered
     * @param followUp   the follow-up, null unless taken on board to answer later
     * @param fulfilment what was done about the answer's commitment, null until done
     * @param escalation the hand-over to intake, null unless escalated
     * @param lastStepOn the effective date of the opinion's latest step: its next may not be dated before it
     */
    public record Opinion(
            UUID id,
            ParticipantGroup speakerGroup,
            String speakerRef,
            String topic,
            List<String> tags,
            OpinionNature nature,
            String publicSummary,
            LocalDate recordedOn,
            OpinionStatus status,
            Answer answer,
            FollowUp followUp,
            Fulfilment fulfilment,
            Escalation escalation,
            LocalDate lastStepOn) {

        public Opinion {
            tags = List.copyOf(tags);
        }

        /**
         * An answer. On the spot it names the answering unit and position; to a follow-up the owner
         * answers ({@code byTitle} null).
         */
        public record Answer(boolean onTheSpot, String byUnitId, String byTitle, String summary,
                String commitmentSummary, LocalDate answeredOn) {}

        public record FollowUp(String ownerUnitId, LocalDate dueOn, LocalDate createdOn) {}

        public record Fulfilment(String summary, LocalDate fulfilledOn) {}

        /** The hand-over to intake; {@code outcome}, {@code submissionId} and {@code closedOn} once it ended. */
        public record Escalation(SubmissionKind kindRequested, String unitId, String publicSummary,
                LocalDate escalatedOn, UUID submissionId, EscalationOutcome outcome, LocalDate closedOn) {}

        /** True when the answer promised something that is not done yet. */
        public boolean hasOpenCommitment() {
            return answer != null && answer.commitmentSummary() != null && fulfilment == null;
        }

        /** True when the follow-up is still open after its due day. */
        public boolean isOverdue(LocalDate today) {
            return status == OpinionStatus.FOLLOW_UP_OPEN && today.isAfter(followUp.dueOn());
        }

        /**
         * Whether published minutes may show this opinion's summary: not when it was escalated as a
         * denunciation or crime report, whose content stays with the competent unit (the denouncer is
         * protected by law). Published minutes never show {@code speakerRef} in any case.
         */
        public boolean showsInPublishedMinutes() {
            return escalation == null
                    || (escalation.kindRequested() != SubmissionKind.DENUNCIATION
                            && escalation.kindRequested() != SubmissionKind.CRIME_REPORT);
        }

        Opinion next(OpinionStatus newStatus, LocalDate on) {
            return new Opinion(id, speakerGroup, speakerRef, topic, tags, nature, publicSummary, recordedOn, newStatus,
                    answer, followUp, fulfilment, escalation, on);
        }

        Opinion withAnswer(Answer value) {
            return new Opinion(id, speakerGroup, speakerRef, topic, tags, nature, publicSummary, recordedOn, status,
                    value, followUp, fulfilment, escalation, lastStepOn);
        }

        Opinion withFollowUp(FollowUp value) {
            return new Opinion(id, speakerGroup, speakerRef, topic, tags, nature, publicSummary, recordedOn, status,
                    answer, value, fulfilment, escalation, lastStepOn);
        }

        Opinion withFulfilment(Fulfilment value) {
            return new Opinion(id, speakerGroup, speakerRef, topic, tags, nature, publicSummary, recordedOn, status,
                    answer, followUp, value, escalation, lastStepOn);
        }

        Opinion withEscalation(Escalation value) {
            return new Opinion(id, speakerGroup, speakerRef, topic, tags, nature, publicSummary, recordedOn, status,
                    answer, followUp, fulfilment, value, lastStepOn);
        }
    }

    Builder toBuilder() {
        return new Builder(this);
    }

    /** Copy-with helper for {@code evolve}: one record, many small changes. */
    static final class Builder {
        private UUID id;
        private SessionKind sessionKind;
        private ForumStatus status;
        private String hostUnitId;
        private String venueUnitId;
        private String venueName;
        private LocalDateTime startsAt;
        private Delegate delegationHead;
        private List<Delegate> delegationMembers;
        private List<ParticipantGroup> invitedGroups;
        private Attendance attendance;
        private String minutesSummary;
        private LocalDate scheduledOn;
        private LocalDate openedOn;
        private LocalDate closedOn;
        private LocalDate minutesPublishedOn;
        private LocalDate lastLiveStepOn;
        private Map<UUID, Opinion> opinions;

        private Builder(Forum f) {
            id = f.id;
            sessionKind = f.sessionKind;
            status = f.status;
            hostUnitId = f.hostUnitId;
            venueUnitId = f.venueUnitId;
            venueName = f.venueName;
            startsAt = f.startsAt;
            delegationHead = f.delegationHead;
            delegationMembers = f.delegationMembers;
            invitedGroups = f.invitedGroups;
            attendance = f.attendance;
            minutesSummary = f.minutesSummary;
            scheduledOn = f.scheduledOn;
            openedOn = f.openedOn;
            closedOn = f.closedOn;
            minutesPublishedOn = f.minutesPublishedOn;
            lastLiveStepOn = f.lastLiveStepOn;
            opinions = f.opinions;
        }

        Builder scheduled(ForumEvent.Scheduled e) {
            id = e.forumId();
            sessionKind = e.sessionKind();
            status = ForumStatus.SCHEDULED;
            hostUnitId = e.hostUnitId();
            venueUnitId = e.venueUnitId();
            venueName = e.venueName();
            startsAt = e.startsAt();
            delegationHead = e.delegationHead();
            delegationMembers = e.delegationMembers();
            invitedGroups = e.invitedGroups();
            scheduledOn = e.effectiveOn();
            return this;
        }

        Builder opened(Attendance value, LocalDate on) {
            status = ForumStatus.OPEN;
            attendance = value;
            openedOn = on;
            return this;
        }

        Builder closed(String minutes, LocalDate on) {
            status = ForumStatus.CLOSED;
            minutesSummary = minutes;
            closedOn = on;
            return this;
        }

        Builder minutesPublished(LocalDate on) {
            minutesPublishedOn = on;
            return this;
        }

        /** A step taken while the session is open moves the earliest possible closing day. */
        Builder liveStep(LocalDate on) {
            if (status == ForumStatus.OPEN && (lastLiveStepOn == null || on.isAfter(lastLiveStepOn))) {
                lastLiveStepOn = on;
            }
            return this;
        }

        Builder opinion(Opinion value) {
            Map<UUID, Opinion> copy = new LinkedHashMap<>(opinions);
            copy.put(value.id(), value);
            opinions = Collections.unmodifiableMap(copy);
            return this;
        }

        Forum build() {
            return new Forum(id, sessionKind, status, hostUnitId, venueUnitId, venueName, startsAt, delegationHead,
                    delegationMembers, invitedGroups, attendance, minutesSummary, scheduledOn, openedOn, closedOn,
                    minutesPublishedOn, lastLiveStepOn, opinions);
        }
    }
}
