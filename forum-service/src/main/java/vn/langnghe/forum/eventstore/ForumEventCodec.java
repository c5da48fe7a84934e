package vn.langnghe.forum.eventstore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import vn.langnghe.contracts.ContractJson;
import vn.langnghe.contracts.events.Attendance;
import vn.langnghe.contracts.events.CommitmentFulfilled;
import vn.langnghe.contracts.events.ContractEvent;
import vn.langnghe.contracts.events.Delegate;
import vn.langnghe.contracts.events.EscalationOutcomeRecorded;
import vn.langnghe.contracts.events.FollowUpAnswered;
import vn.langnghe.contracts.events.FollowUpCreated;
import vn.langnghe.contracts.events.ForumClosed;
import vn.langnghe.contracts.events.ForumOpened;
import vn.langnghe.contracts.events.ForumScheduled;
import vn.langnghe.contracts.events.GroupAttendance;
import vn.langnghe.contracts.events.MinutesPublished;
import vn.langnghe.contracts.events.OpinionAnsweredOnTheSpot;
import vn.langnghe.contracts.events.OpinionEscalated;
import vn.langnghe.contracts.events.OpinionRecorded;
import vn.langnghe.contracts.upcast.TypedJson;
import vn.langnghe.contracts.upcast.Upcasters;
import vn.langnghe.eventsourcing.decider.EventCodec;
import vn.langnghe.eventsourcing.decider.UnknownEventType;
import vn.langnghe.forum.domain.forum.Forum;
import vn.langnghe.forum.domain.forum.ForumEvent;

/**
 * Stores a forum's domain events in their published wire form (the {@code forum.*.v1} records and JSON
 * Schemas of event-contracts), so what the relay sends is exactly the approved contract. Domain dates
 * become the start of that day in Vietnam, a local start time the instant it names in Vietnam, and back.
 */
public final class ForumEventCodec implements EventCodec<ForumEvent> {

    public static final String STREAM_TYPE = "forum";
    public static final String STREAM_PREFIX = "forum-";
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final ObjectMapper json = ContractJson.mapper();
    private final Upcasters upcasters = Upcasters.standard();

    public static String streamId(UUID forumId) {
        return STREAM_PREFIX + forumId;
    }

    @Override
    public String typeOf(ForumEvent event) {
        return toWire(event).contractType();
    }

    @Override
    public String encode(ForumEvent event) {
        try {
            return json.writeValueAsString(toWire(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + event.getClass().getSimpleName(), e);
        }
    }

    @Override
    public ForumEvent decode(String type, String data) {
        try {
            TypedJson current = upcasters.upcast(type, json.readTree(data));
            return fromWire(current.typeName(), current.data());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored event " + type + " is not readable", e);
        }
    }

    public static ContractEvent toWire(ForumEvent event) {
        return switch (event) {
            case ForumEvent.Scheduled e -> new ForumScheduled(e.forumId(), e.sessionKind(), e.hostUnitId(),
                    e.venueUnitId(), e.venueName(), instant(e.startsAt()), delegate(e.delegationHead()),
                    e.delegationMembers().stream().map(ForumEventCodec::delegate).toList(), e.invitedGroups(),
                    at(e.effectiveOn()));
            case ForumEvent.Opened e -> new ForumOpened(e.forumId(), new Attendance(e.attendance().total(),
                    e.attendance().byGroup().stream().map(g -> new GroupAttendance(g.group(), g.count())).toList()),
                    at(e.effectiveOn()));
            case ForumEvent.OpinionRecorded e -> new OpinionRecorded(e.forumId(), e.opinionId(), e.speakerGroup(),
                    e.speakerRef(), e.topic(), e.tags(), e.nature(), e.publicSummary(), at(e.effectiveOn()));
            case ForumEvent.AnsweredOnTheSpot e -> new OpinionAnsweredOnTheSpot(e.forumId(), e.opinionId(),
                    e.answeredByUnitId(), e.answeredByTitle(), e.answerSummary(), e.commitmentSummary(),
                    at(e.effectiveOn()));
            case ForumEvent.FollowUpCreated e -> new FollowUpCreated(e.forumId(), e.opinionId(), e.ownerUnitId(),
                    e.dueOn(), at(e.effectiveOn()));
            case ForumEvent.FollowUpAnswered e -> new FollowUpAnswered(e.forumId(), e.opinionId(), e.ownerUnitId(),
                    e.dueOn(), e.answerSummary(), e.commitmentSummary(), at(e.effectiveOn()));
            case ForumEvent.CommitmentFulfilled e -> new CommitmentFulfilled(e.forumId(), e.opinionId(),
                    e.fulfilmentSummary(), at(e.effectiveOn()));
            case ForumEvent.Closed e -> new ForumClosed(e.forumId(), e.minutesSummary(), at(e.effectiveOn()));
            case ForumEvent.MinutesPublished e -> new MinutesPublished(e.forumId(), at(e.effectiveOn()));
            case ForumEvent.OpinionEscalated e -> new OpinionEscalated(e.opinionId(), e.forumId(), e.kindRequested(),
                    e.topic(), e.tags(), e.unitId(), e.speakerIdentityRef(), e.publicSummary(), at(e.effectiveOn()));
            case ForumEvent.EscalationOutcomeRecorded e -> new EscalationOutcomeRecorded(e.forumId(), e.opinionId(),
                    e.submissionId(), e.outcome(), at(e.effectiveOn()));
        };
    }

    private ForumEvent fromWire(String type, JsonNode data) throws JsonProcessingException {
        return switch (type) {
            case ForumScheduled.TYPE -> {
                ForumScheduled w = json.treeToValue(data, ForumScheduled.class);
                yield new ForumEvent.Scheduled(w.forumId(), w.sessionKind(), w.hostUnitId(), w.venueUnitId(),
                        w.venueName(), local(w.startsAt()), delegate(w.delegationHead()),
                        w.delegationMembers().stream().map(ForumEventCodec::delegate).toList(), w.invitedGroups(),
                        on(w.effectiveAt()));
            }
            case ForumOpened.TYPE -> {
                ForumOpened w = json.treeToValue(data, ForumOpened.class);
                List<Forum.GroupCount> byGroup = w.attendance().byGroup().stream()
                        .map(g -> new Forum.GroupCount(g.group(), g.count())).toList();
                yield new ForumEvent.Opened(w.forumId(), new Forum.Attendance(w.attendance().total(), byGroup),
                        on(w.effectiveAt()));
            }
            case OpinionRecorded.TYPE -> {
                OpinionRecorded w = json.treeToValue(data, OpinionRecorded.class);
                yield new ForumEvent.OpinionRecorded(w.forumId(), w.opinionId(), w.speakerGroup(), w.speakerRef(),
                        w.topic(), w.tags(), w.nature(), w.publicSummary(), on(w.effectiveAt()));
            }
            case OpinionAnsweredOnTheSpot.TYPE -> {
                OpinionAnsweredOnTheSpot w = json.treeToValue(data, OpinionAnsweredOnTheSpot.class);
                yield new ForumEvent.AnsweredOnTheSpot(w.forumId(), w.opinionId(), w.answeredByUnitId(),
                        w.answeredByTitle(), w.answerSummary(), w.commitmentSummary(), on(w.effectiveAt()));
            }
            case FollowUpCreated.TYPE -> {
                FollowUpCreated w = json.treeToValue(data, FollowUpCreated.class);
                yield new ForumEvent.FollowUpCreated(w.forumId(), w.opinionId(), w.ownerUnitId(), w.dueOn(),
                        on(w.effectiveAt()));
            }
            case FollowUpAnswered.TYPE -> {
                FollowUpAnswered w = json.treeToValue(data, FollowUpAnswered.class);
                yield new ForumEvent.FollowUpAnswered(w.forumId(), w.opinionId(), w.ownerUnitId(), w.dueOn(),
                        w.answerSummary(), w.commitmentSummary(), on(w.effectiveAt()));
            }
            case CommitmentFulfilled.TYPE -> {
                CommitmentFulfilled w = json.treeToValue(data, CommitmentFulfilled.class);
                yield new ForumEvent.CommitmentFulfilled(w.forumId(), w.opinionId(), w.fulfilmentSummary(),
                        on(w.effectiveAt()));
            }
            case ForumClosed.TYPE -> {
                ForumClosed w = json.treeToValue(data, ForumClosed.class);
                yield new ForumEvent.Closed(w.forumId(), w.minutesSummary(), on(w.effectiveAt()));
            }
            case MinutesPublished.TYPE -> {
                MinutesPublished w = json.treeToValue(data, MinutesPublished.class);
                yield new ForumEvent.MinutesPublished(w.forumId(), on(w.effectiveAt()));
            }
            case OpinionEscalated.TYPE -> {
                OpinionEscalated w = json.treeToValue(data, OpinionEscalated.class);
                yield new ForumEvent.OpinionEscalated(w.forumId(), w.opinionId(), w.kindRequested(), w.topic(),
                        w.tags(), w.unitId(), w.speakerIdentityRef(), w.publicSummary(), on(w.effectiveAt()));
            }
            case EscalationOutcomeRecorded.TYPE -> {
                EscalationOutcomeRecorded w = json.treeToValue(data, EscalationOutcomeRecorded.class);
                yield new ForumEvent.EscalationOutcomeRecorded(w.forumId(), w.opinionId(), w.submissionId(),
                        w.outcome(), on(w.effectiveAt()));
            }
            default -> throw new UnknownEventType(type);
        };
    }

    private static Delegate delegate(Forum.Delegate d) {
        return d == null ? null : new Delegate(d.unitId(), d.title());
    }

    private static Forum.Delegate delegate(Delegate d) {
        return d == null ? null : new Forum.Delegate(d.unitId(), d.title());
    }

    public static Instant at(LocalDate day) {
        return day.atStartOfDay(VIETNAM).toInstant();
    }

    public static LocalDate on(Instant instant) {
        return instant.atZone(VIETNAM).toLocalDate();
    }

    static Instant instant(LocalDateTime local) {
        return local.atZone(VIETNAM).toInstant();
    }

    static LocalDateTime local(Instant instant) {
        return instant.atZone(VIETNAM).toLocalDateTime();
    }
}
