package vn.langnghe.forum.domain.forum;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import vn.langnghe.contracts.events.ParticipantGroup;
import vn.langnghe.contracts.events.SessionKind;
import vn.langnghe.contracts.events.SubmissionKind;
import vn.langnghe.contracts.reference.TopicTaxonomy;
import vn.langnghe.contracts.reference.Unit;
import vn.langnghe.contracts.reference.UnitLevel;
import vn.langnghe.contracts.reference.UnitTree;
import vn.langnghe.eventsourcing.decider.Decider;
import vn.langnghe.forum.domain.forum.Forum.Attendance;
import vn.langnghe.forum.domain.forum.Forum.Delegate;
import vn.langnghe.forum.domain.forum.Forum.GroupCount;
import vn.langnghe.forum.domain.forum.Forum.Opinion;
import vn.langnghe.forum.domain.forum.ForumCommand.AnswerFollowUp;
import vn.langnghe.forum.domain.forum.ForumCommand.AnswerOnTheSpot;
import vn.langnghe.forum.domain.forum.ForumCommand.Close;
import vn.langnghe.forum.domain.forum.ForumCommand.CreateFollowUp;
import vn.langnghe.forum.domain.forum.ForumCommand.Escalate;
import vn.langnghe.forum.domain.forum.ForumCommand.MarkCommitmentFulfilled;
import vn.langnghe.forum.domain.forum.ForumCommand.Open;
import vn.langnghe.forum.domain.forum.ForumCommand.PublishMinutes;
import vn.langnghe.forum.domain.forum.ForumCommand.RecordEscalationOutcome;
import vn.langnghe.forum.domain.forum.ForumCommand.RecordOpinion;
import vn.langnghe.forum.domain.forum.ForumCommand.Schedule;
import vn.langnghe.forum.domain.forum.ForumEvent.AnsweredOnTheSpot;
import vn.langnghe.forum.domain.forum.ForumEvent.Closed;
import vn.langnghe.forum.domain.forum.ForumEvent.CommitmentFulfilled;
import vn.langnghe.forum.domain.forum.ForumEvent.EscalationOutcomeRecorded;
import vn.langnghe.forum.domain.forum.ForumEvent.FollowUpAnswered;
import vn.langnghe.forum.domain.forum.ForumEvent.FollowUpCreated;
import vn.langnghe.forum.domain.forum.ForumEvent.MinutesPublished;
import vn.langnghe.forum.domain.forum.ForumEvent.Opened;
import vn.langnghe.forum.domain.forum.ForumEvent.OpinionEscalated;
import vn.langnghe.forum.domain.forum.ForumEvent.OpinionRecorded;
import vn.langnghe.forum.domain.forum.ForumEvent.Scheduled;

/**
 * The rules of a forum's life: scheduled → opened (attendance) → opinions recorded, answered on the
 * spot, taken on board as follow-ups or escalated to intake → closed with minutes → follow-ups
 * answered, commitments fulfilled, minutes published, escalation outcomes recorded.
 *
 * <p>Pure: {@code today} (in Asia/Ho_Chi_Minh) and the reference data are given at construction, so the
 * same inputs always decide the same events.
 *
 * <p>Several organisers record at once, so a step is ordered only along its own chain (the forum's
 * schedule → opening → closing → publication; each opinion's recording → answer → commitment), never
 * against another organiser's opinion: adding an opinion can not fail because someone else added one
 * first. A command whose effect is already recorded with the same content (a retry after a dropped
 * connection, a redelivered outcome) decides no event; with other content it is refused. The effective
 * date is not part of that comparison, since a retry may be stamped a moment later.
 */
public final class ForumDecider implements Decider<ForumCommand, Forum, ForumEvent> {

    /** How far ahead a session may be planned. */
    static final int MAX_DAYS_AHEAD = 366;
    /** Limits of the wire contracts (forum.*.v1), checked here so every decided event can be published. */
    static final int TITLE_MAX = 200;
    static final int VENUE_NAME_MAX = 300;
    static final int SPEAKER_REF_MAX = 100;
    static final int SUMMARY_MAX = 1000;
    static final int ESCALATION_SUMMARY_MAX = 2000;
    static final int MINUTES_MAX = 4000;

    /** Where a session is held: the communal level (phường, xã, đặc khu). */
    private static final Set<UnitLevel> VENUE_LEVELS = EnumSet.of(UnitLevel.WARD, UnitLevel.COMMUNE,
            UnitLevel.SPECIAL_ZONE);
    /** What an opinion may be escalated as: kinds with their own legal procedure in intake. */
    private static final Set<SubmissionKind> ESCALATABLE = EnumSet.of(SubmissionKind.COMPLAINT,
            SubmissionKind.DENUNCIATION, SubmissionKind.CRIME_REPORT);

    private final LocalDate today;
    private final TopicTaxonomy topics;
    private final UnitTree units;

    public ForumDecider(LocalDate today, TopicTaxonomy topics, UnitTree units) {
        this.today = Objects.requireNonNull(today);
        this.topics = Objects.requireNonNull(topics);
        this.units = Objects.requireNonNull(units);
    }

    @Override
    public Forum initialState() {
        return Forum.NONE;
    }

    @Override
    public List<ForumEvent> decide(ForumCommand command, Forum f) {
        requireField(command.effectiveOn(), "effectiveOn");
        if (command instanceof Schedule schedule) {
            return schedule(schedule, f);
        }
        if (!f.exists()) {
            throw ForumRefused.because("NOT_FOUND", "no such forum");
        }
        if (command instanceof ForumCommand.OnOpinion onOpinion) {
            requireField(onOpinion.opinionId(), "opinionId");
        }
        checkNotInFuture(command.effectiveOn());
        return switch (command) {
            case Schedule s -> throw new IllegalStateException("handled above");
            case Open o -> open(o, f);
            case RecordOpinion r -> recordOpinion(r, f);
            case AnswerOnTheSpot a -> answerOnTheSpot(a, f);
            case CreateFollowUp c -> createFollowUp(c, f);
            case AnswerFollowUp a -> answerFollowUp(a, f);
            case MarkCommitmentFulfilled m -> markFulfilled(m, f);
            case Close c -> close(c, f);
            case PublishMinutes p -> publishMinutes(p, f);
            case Escalate e -> escalate(e, f);
            case RecordEscalationOutcome r -> recordOutcome(r, f);
        };
    }

    // --- the forum's own chain ---------------------------------------------------------------------------

    private List<ForumEvent> schedule(Schedule c, Forum f) {
        requireField(c.forumId(), "forumId");
        Scheduled event = scheduledFrom(c);
        if (f.exists()) {
            if (sameSchedule(f, event)) {
                return List.of();
            }
            throw ForumRefused.because("ALREADY_SCHEDULED", "this forum was already scheduled differently");
        }
        checkNotInFuture(c.effectiveOn());
        requireField(c.sessionKind(), "sessionKind");
        requireField(c.startsAt(), "startsAt");
        LocalDate day = c.startsAt().toLocalDate();
        if (day.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
            throw ForumRefused.field("startsAt", "TOO_FAR_AHEAD", "a session on " + day + " is more than "
                    + MAX_DAYS_AHEAD + " days ahead of today (" + today + ")");
        }
        requireUnit(c.hostUnitId(), day, "hostUnitId");
        Unit venue = requireUnit(c.venueUnitId(), day, "venueUnitId");
        if (!VENUE_LEVELS.contains(venue.level())) {
            throw ForumRefused.field("venueUnitId", "VENUE_NOT_COMMUNAL", "a session is held in a ward, commune or"
                    + " special zone, not at " + venue.level().name().toLowerCase() + " level (" + venue.code() + ")");
        }
        if (!units.isWithin(c.venueUnitId(), c.hostUnitId(), day)) {
            throw ForumRefused.field("venueUnitId", "VENUE_OUTSIDE_HOST", c.venueUnitId() + " is not within "
                    + c.hostUnitId() + " on " + day);
        }
        optionalText(c.venueName(), VENUE_NAME_MAX, "venueName");
        requireDelegate(c.delegationHead(), day, "delegationHead");
        for (int i = 0; i < event.delegationMembers().size(); i++) {
            requireDelegate(event.delegationMembers().get(i), day, "delegationMembers[" + i + "]");
        }
        Set<ParticipantGroup> invited = EnumSet.noneOf(ParticipantGroup.class);
        for (int i = 0; i < event.invitedGroups().size(); i++) {
            ParticipantGroup group = event.invitedGroups().get(i);
            if (!invited.add(group)) {
                throw ForumRefused.field("invitedGroups[" + i + "]", "DUPLICATE", group + " is invited twice");
            }
        }
        return List.of(event);
    }

    private List<ForumEvent> open(Open c, Forum f) {
        List<GroupCount> byGroup = c.attendanceByGroup() == null ? List.of() : c.attendanceByGroup();
        if (f.status() != ForumStatus.SCHEDULED) {
            if (f.attendance() != null && f.attendance().byGroup().equals(byGroup)
                    && (c.totalAttendance() == null ? f.attendance().total() == sum(byGroup)
                            : f.attendance().total() == c.totalAttendance())) {
                return List.of();
            }
            throw ForumRefused.because("WRONG_STATE", "the forum is already " + describe(f.status()));
        }
        Set<ParticipantGroup> counted = EnumSet.noneOf(ParticipantGroup.class);
        for (int i = 0; i < byGroup.size(); i++) {
            GroupCount g = byGroup.get(i);
            String field = "attendanceByGroup[" + i + "]";
            requireField(g, field);
            requireField(g.group(), field + ".group");
            if (!counted.add(g.group())) {
                throw ForumRefused.field(field + ".group", "DUPLICATE", g.group() + " is counted twice");
            }
            if (g.count() < 0) {
                throw ForumRefused.field(field + ".count", "NEGATIVE", "a count of people is not negative");
            }
        }
        long groups = sum(byGroup);
        int total;
        if (f.sessionKind() == SessionKind.FORUM && byGroup.isEmpty()) {
            throw ForumRefused.field("attendanceByGroup", "REQUIRED", "a forum's attendance is counted per group");
        }
        if (c.totalAttendance() == null) {
            if (f.sessionKind() == SessionKind.RESIDENT_MEETING) {
                throw ForumRefused.field("totalAttendance", "REQUIRED", "a resident meeting counts its attendance");
            }
            total = Math.toIntExact(groups);
        } else {
            total = c.totalAttendance();
            if (total < 0) {
                throw ForumRefused.field("totalAttendance", "NEGATIVE", "a count of people is not negative");
            }
            if (total < groups) {
                throw ForumRefused.field("totalAttendance", "TOTAL_BELOW_GROUPS", "the groups add up to " + groups
                        + ", more than the total " + total);
            }
        }
        checkNotBefore(c.effectiveOn(), f.scheduledOn());
        if (c.effectiveOn().isBefore(f.startsAt().toLocalDate())) {
            throw ForumRefused.field("effectiveOn", "BEFORE_SCHEDULED_DAY", "the session is planned for "
                    + f.startsAt().toLocalDate() + "; it cannot open on " + c.effectiveOn());
        }
        return List.of(new Opened(f.id(), new Attendance(total, byGroup), c.effectiveOn()));
    }

    private List<ForumEvent> close(Close c, Forum f) {
        if (f.status() == ForumStatus.CLOSED) {
            if (f.minutesSummary().equals(c.minutesSummary())) {
                return List.of();
            }
            throw ForumRefused.because("ALREADY_CLOSED", "the forum was already closed with other minutes");
        }
        if (f.status() != ForumStatus.OPEN) {
            throw ForumRefused.because("FORUM_NOT_OPEN", "a forum that never opened cannot be closed");
        }
        requireText(c.minutesSummary(), MINUTES_MAX, "minutesSummary");
        checkNotBefore(c.effectiveOn(), f.lastLiveStepOn());
        return List.of(new Closed(f.id(), c.minutesSummary(), c.effectiveOn()));
    }

    private List<ForumEvent> publishMinutes(PublishMinutes c, Forum f) {
        if (f.minutesPublished()) {
            return List.of();
        }
        if (f.status() != ForumStatus.CLOSED) {
            throw ForumRefused.because("FORUM_NOT_CLOSED", "minutes are published after the forum is closed");
        }
        checkNotBefore(c.effectiveOn(), f.closedOn());
        return List.of(new MinutesPublished(f.id(), c.effectiveOn()));
    }

    // --- each opinion's chain ----------------------------------------------------------------------------

    private List<ForumEvent> recordOpinion(RecordOpinion c, Forum f) {
        List<String> tags = c.tags() == null ? List.of() : c.tags();
        Opinion existing = f.opinions().get(c.opinionId());
        if (existing != null) {
            if (Objects.equals(existing.speakerGroup(), c.speakerGroup())
                    && Objects.equals(existing.speakerRef(), c.speakerRef())
                    && Objects.equals(existing.topic(), c.topic()) && existing.tags().equals(tags)
                    && Objects.equals(existing.nature(), c.nature())
                    && Objects.equals(existing.publicSummary(), c.publicSummary())) {
                return List.of();
            }
            throw ForumRefused.because("OPINION_ID_CONFLICT", "opinion " + c.opinionId()
                    + " was already recorded with other content");
        }
        requireLive(f, "record an opinion in");
        requireField(c.speakerGroup(), "speakerGroup");
        optionalText(c.speakerRef(), SPEAKER_REF_MAX, "speakerRef");
        requireTopic(c.topic(), "topic");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < tags.size(); i++) {
            requireTopic(tags.get(i), "tags[" + i + "]");
            if (!seen.add(tags.get(i))) {
                throw ForumRefused.field("tags[" + i + "]", "DUPLICATE", tags.get(i) + " is tagged twice");
            }
        }
        requireField(c.nature(), "nature");
        requireText(c.publicSummary(), SUMMARY_MAX, "publicSummary");
        checkNotBefore(c.effectiveOn(), f.openedOn());
        return List.of(new OpinionRecorded(f.id(), c.opinionId(), c.speakerGroup(), c.speakerRef(), c.topic(), tags,
                c.nature(), c.publicSummary(), c.effectiveOn()));
    }

    private List<ForumEvent> answerOnTheSpot(AnswerOnTheSpot c, Forum f) {
        Opinion o = requireOpinion(f, c.opinionId());
        if (o.answer() != null && o.answer().onTheSpot()) {
            Forum.Opinion.Answer a = o.answer();
            if (Objects.equals(a.byUnitId(), c.answeredByUnitId()) && Objects.equals(a.byTitle(), c.answeredByTitle())
                    && Objects.equals(a.summary(), c.answerSummary())
                    && Objects.equals(a.commitmentSummary(), c.commitmentSummary())) {
                return List.of();
            }
        }
        requireOpinionIn(o, "answer on the spot", OpinionStatus.RECORDED);
        requireLive(f, "answer on the spot in");
        requireUnit(c.answeredByUnitId(), c.effectiveOn(), "answeredByUnitId");
        requireText(c.answeredByTitle(), TITLE_MAX, "answeredByTitle");
        requireText(c.answerSummary(), SUMMARY_MAX, "answerSummary");
        optionalText(c.commitmentSummary(), SUMMARY_MAX, "commitmentSummary");
        checkNotBefore(c.effectiveOn(), o.lastStepOn());
        return List.of(new AnsweredOnTheSpot(f.id(), o.id(), c.answeredByUnitId(), c.answeredByTitle(),
                c.answerSummary(), c.commitmentSummary(), c.effectiveOn()));
    }

    private List<ForumEvent> createFollowUp(CreateFollowUp c, Forum f) {
        Opinion o = requireOpinion(f, c.opinionId());
        if (o.followUp() != null && Objects.equals(o.followUp().ownerUnitId(), c.ownerUnitId())
                && Objects.equals(o.followUp().dueOn(), c.dueOn())) {
            return List.of();
        }
        requireOpinionIn(o, "take on board", OpinionStatus.RECORDED);
        requireUnit(c.ownerUnitId(), c.effectiveOn(), "ownerUnitId");
        requireField(c.dueOn(), "dueOn");
        if (c.dueOn().isBefore(f.day()) || c.dueOn().isBefore(c.effectiveOn())) {
            throw ForumRefused.field("dueOn", "DUE_TOO_EARLY", "a follow-up is due no earlier than the forum ("
                    + f.day() + ") and the day it is created (" + c.effectiveOn() + "), not " + c.dueOn());
        }
        checkNotBefore(c.effectiveOn(), o.lastStepOn());
        return List.of(new FollowUpCreated(f.id(), o.id(), c.ownerUnitId(), c.dueOn(), c.effectiveOn()));
    }

    private List<ForumEvent> answerFollowUp(AnswerFollowUp c, Forum f) {
        Opinion o = requireOpinion(f, c.opinionId());
        if (o.answer() != null && !o.answer().onTheSpot()
                && Objects.equals(o.answer().summary(), c.answerSummary())
                && Objects.equals(o.answer().commitmentSummary(), c.commitmentSummary())) {
            return List.of();
        }
        if (o.status() == OpinionStatus.RECORDED) {
            throw ForumRefused.because("NO_FOLLOW_UP", "the opinion was not taken on board as a follow-up");
        }
        requireOpinionIn(o, "answer the follow-up of", OpinionStatus.FOLLOW_UP_OPEN);
        requireText(c.answerSummary(), SUMMARY_MAX, "answerSummary");
        optionalText(c.commitmentSummary(), SUMMARY_MAX, "commitmentSummary");
        checkNotBefore(c.effectiveOn(), o.lastStepOn());
        return List.of(new FollowUpAnswered(f.id(), o.id(), o.followUp().ownerUnitId(), o.followUp().dueOn(),
                c.answerSummary(), c.commitmentSummary(), c.effectiveOn()));
    }

    private List<ForumEvent> markFulfilled(MarkCommitmentFulfilled c, Forum f) {
        Opinion o = requireOpinion(f, c.opinionId());
        if (o.fulfilment() != null) {
            if (o.fulfilment().summary().equals(c.fulfilmentSummary())) {
                return List.of();
            }
            throw ForumRefused.because("ALREADY_FULFILLED", "the commitment was already marked fulfilled");
        }
        if (!o.hasOpenCommitment()) {
            throw ForumRefused.because("NO_COMMITMENT", "the opinion's answer committed to nothing");
        }
        requireText(c.fulfilmentSummary(), SUMMARY_MAX, "fulfilmentSummary");
        checkNotBefore(c.effectiveOn(), o.lastStepOn());
        return List.of(new CommitmentFulfilled(f.id(), o.id(), c.fulfilmentSummary(), c.effectiveOn()));
    }

    private List<ForumEvent> escalate(Escalate c, Forum f) {
        Opinion o = requireOpinion(f, c.opinionId());
        String unitId = c.unitId() == null ? f.venueUnitId() : c.unitId();
        String summary = c.publicSummary() == null ? o.publicSummary() : c.publicSummary();
        if (o.escalation() != null) {
            Forum.Opinion.Escalation e = o.escalation();
            if (e.kindRequested() == c.kindRequested() && e.unitId().equals(unitId)
                    && e.publicSummary().equals(summary)) {
                return List.of();
            }
        }
        requireOpinionIn(o, "escalate", OpinionStatus.RECORDED, OpinionStatus.FOLLOW_UP_OPEN);
        requireField(c.kindRequested(), "kindRequested");
        if (!ESCALATABLE.contains(c.kindRequested())) {
            throw ForumRefused.field("kindRequested", "NOT_ESCALATABLE", "only a complaint, denunciation or crime"
                    + " report is escalated to intake, not a " + c.kindRequested().name().toLowerCase());
        }
        requireUnit(unitId, c.effectiveOn(), "unitId");
        requireText(summary, ESCALATION_SUMMARY_MAX, "publicSummary");
        checkNotBefore(c.effectiveOn(), o.lastStepOn());
        return List.of(new OpinionEscalated(f.id(), o.id(), c.kindRequested(), o.topic(), o.tags(), unitId,
                o.speakerRef(), summary, c.effectiveOn()));
    }

    private List<ForumEvent> recordOutcome(RecordEscalationOutcome c, Forum f) {
        Opinion o = requireOpinion(f, c.opinionId());
        requireField(c.outcome(), "outcome");
        requireField(c.submissionId(), "submissionId");
        if (o.status() == OpinionStatus.ESCALATION_CLOSED) {
            if (o.escalation().outcome() == c.outcome() && o.escalation().submissionId().equals(c.submissionId())) {
                return List.of();
            }
            throw ForumRefused.because("OUTCOME_CONFLICT", "the escalation already ended as "
                    + o.escalation().outcome() + " of submission " + o.escalation().submissionId());
        }
        if (o.status() != OpinionStatus.ESCALATED) {
            throw ForumRefused.because("NOT_ESCALATED", "opinion " + o.id() + " was not escalated to intake");
        }
        checkNotBefore(c.effectiveOn(), o.lastStepOn());
        return List.of(new EscalationOutcomeRecorded(f.id(), o.id(), c.submissionId(), c.outcome(), c.effectiveOn()));
    }

    // --- evolve ------------------------------------------------------------------------------------------

    @Override
    public Forum evolve(Forum f, ForumEvent event) {
        Forum.Builder next = f.toBuilder();
        return switch (event) {
            case Scheduled e -> next.scheduled(e).build();
            case Opened e -> next.opened(e.attendance(), e.effectiveOn()).liveStep(e.effectiveOn()).build();
            case Closed e -> next.closed(e.minutesSummary(), e.effectiveOn()).build();
            case MinutesPublished e -> next.minutesPublished(e.effectiveOn()).build();
            case ForumEvent.OpinionEvent e -> next.opinion(evolve(f.opinions().get(e.opinionId()), e))
                    .liveStep(e.effectiveOn()).build();
        };
    }

    private static Opinion evolve(Opinion o, ForumEvent.OpinionEvent event) {
        LocalDate on = event.effectiveOn();
        return switch (event) {
            case OpinionRecorded e -> new Opinion(e.opinionId(), e.speakerGroup(), e.speakerRef(), e.topic(), e.tags(),
                    e.nature(), e.publicSummary(), on, OpinionStatus.RECORDED, null, null, null, null, on);
            case AnsweredOnTheSpot e -> o.withAnswer(new Forum.Opinion.Answer(true, e.answeredByUnitId(),
                    e.answeredByTitle(), e.answerSummary(), e.commitmentSummary(), on))
                    .next(OpinionStatus.ANSWERED_ON_THE_SPOT, on);
            case FollowUpCreated e -> o.withFollowUp(new Forum.Opinion.FollowUp(e.ownerUnitId(), e.dueOn(), on))
                    .next(OpinionStatus.FOLLOW_UP_OPEN, on);
            case FollowUpAnswered e -> o.withAnswer(new Forum.Opinion.Answer(false, e.ownerUnitId(), null,
                    e.answerSummary(), e.commitmentSummary(), on)).next(OpinionStatus.FOLLOW_UP_ANSWERED, on);
            case CommitmentFulfilled e -> o.withFulfilment(new Forum.Opinion.Fulfilment(e.fulfilmentSummary(), on))
                    .next(OpinionStatus.COMMITMENT_FULFILLED, on);
            case OpinionEscalated e -> o.withEscalation(new Forum.Opinion.Escalation(e.kindRequested(), e.unitId(),
                    e.publicSummary(), on, null, null, null)).next(OpinionStatus.ESCALATED, on);
            case EscalationOutcomeRecorded e -> {
                Forum.Opinion.Escalation was = o.escalation();
                yield o.withEscalation(new Forum.Opinion.Escalation(was.kindRequested(), was.unitId(),
                        was.publicSummary(), was.escalatedOn(), e.submissionId(), e.outcome(), on))
                        .next(OpinionStatus.ESCALATION_CLOSED, on);
            }
        };
    }

    // --- checks ------------------------------------------------------------------------------------------

    private static Scheduled scheduledFrom(Schedule c) {
        List<Delegate> members = c.delegationMembers() == null ? List.of() : c.delegationMembers();
        List<ParticipantGroup> invited = c.invitedGroups() == null ? List.of() : c.invitedGroups();
        for (int i = 0; i < members.size(); i++) {
            requireField(members.get(i), "delegationMembers[" + i + "]");
        }
        for (int i = 0; i < invited.size(); i++) {
            requireField(invited.get(i), "invitedGroups[" + i + "]");
        }
        return new Scheduled(c.forumId(), c.sessionKind(), c.hostUnitId(), c.venueUnitId(), c.venueName(), c.startsAt(),
                c.delegationHead(), members, invited, c.effectiveOn());
    }

    private static boolean sameSchedule(Forum f, Scheduled e) {
        return f.sessionKind() == e.sessionKind() && Objects.equals(f.hostUnitId(), e.hostUnitId())
                && Objects.equals(f.venueUnitId(), e.venueUnitId()) && Objects.equals(f.venueName(), e.venueName())
                && Objects.equals(f.startsAt(), e.startsAt()) && Objects.equals(f.delegationHead(), e.delegationHead())
                && f.delegationMembers().equals(e.delegationMembers()) && f.invitedGroups().equals(e.invitedGroups());
    }

    private static long sum(List<GroupCount> byGroup) {
        long sum = 0;
        for (GroupCount g : byGroup) {
            sum += g == null ? 0 : g.count();
        }
        return sum;
    }

    /** Opinions are recorded, and answered on the spot, only while the session is open. */
    private static void requireLive(Forum f, String action) {
        switch (f.status()) {
            case OPEN -> { }
            case SCHEDULED -> throw ForumRefused.because("FORUM_NOT_OPEN", "cannot " + action
                    + " a forum that has not opened");
            case CLOSED -> throw ForumRefused.because("FORUM_CLOSED", "cannot " + action + " a closed forum");
        }
    }

    private static Opinion requireOpinion(Forum f, UUID opinionId) {
        return f.opinion(opinionId).orElseThrow(() -> ForumRefused.because("OPINION_NOT_FOUND",
                "no opinion " + opinionId + " in this forum"));
    }

    /** Refuses with the code that says best why the opinion is past this step. */
    private static void requireOpinionIn(Opinion o, String action, OpinionStatus... allowed) {
        for (OpinionStatus status : allowed) {
            if (o.status() == status) {
                return;
            }
        }
        String why = "cannot " + action + " an opinion that is " + describe(o.status());
        throw switch (o.status()) {
            case ANSWERED_ON_THE_SPOT, FOLLOW_UP_ANSWERED, COMMITMENT_FULFILLED ->
                    ForumRefused.because("ALREADY_ANSWERED", why);
            case ESCALATED, ESCALATION_CLOSED -> ForumRefused.because("ALREADY_ESCALATED", why);
            case FOLLOW_UP_OPEN -> ForumRefused.because("FOLLOW_UP_EXISTS", why);
            case RECORDED -> ForumRefused.because("WRONG_STATE", why);
        };
    }

    private static String describe(Enum<?> status) {
        return status.name().toLowerCase().replace('_', ' ');
    }

    private void checkNotInFuture(LocalDate effectiveOn) {
        if (effectiveOn.isAfter(today)) {
            throw ForumRefused.field("effectiveOn", "IN_THE_FUTURE", "the effective date " + effectiveOn
                    + " is after today (" + today + ")");
        }
    }

    /** Effective dates come from the minutes: never before the previous step of the same chain. */
    private static void checkNotBefore(LocalDate effectiveOn, LocalDate previous) {
        if (previous != null && effectiveOn.isBefore(previous)) {
            throw ForumRefused.field("effectiveOn", "BEFORE_PREVIOUS_STEP", "the effective date " + effectiveOn
                    + " is before the previous step's (" + previous + ")");
        }
    }

    private static void requireField(Object value, String field) {
        if (value == null) {
            throw ForumRefused.field(field, "REQUIRED", field + " is required");
        }
    }

    /** Required text: not blank, at most {@code max} characters (code points, as JSON Schema counts). */
    private static void requireText(String value, int max, String field) {
        requireField(value, field);
        optionalText(value, max, field);
    }

    private static void optionalText(String value, int max, String field) {
        if (value == null) {
            return;
        }
        if (value.isBlank()) {
            throw ForumRefused.field(field, "BLANK", field + " is blank");
        }
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            throw ForumRefused.field(field, "TOO_LONG", field + " has " + length + " characters, at most " + max);
        }
    }

    private void requireTopic(String code, String field) {
        if (code == null || !topics.isKnown(code)) {
            throw ForumRefused.field(field, "UNKNOWN_TOPIC", "not a topic of taxonomy " + topics.version() + ": "
                    + code);
        }
    }

    private Unit requireUnit(String code, LocalDate on, String field) {
        if (code == null) {
            throw ForumRefused.field(field, "REQUIRED", field + " is required");
        }
        return units.find(code).filter(unit -> unit.existsOn(on)).orElseThrow(() -> ForumRefused.field(field,
                "UNKNOWN_UNIT", "no unit " + code + " on " + on));
    }

    private void requireDelegate(Delegate d, LocalDate on, String field) {
        requireField(d, field);
        requireUnit(d.unitId(), on, field + ".unitId");
        requireText(d.title(), TITLE_MAX, field + ".title");
    }
}
