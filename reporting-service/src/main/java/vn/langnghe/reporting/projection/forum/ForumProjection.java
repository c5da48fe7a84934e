package vn.langnghe.reporting.projection.forum;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import vn.langnghe.contracts.Topics;
import vn.langnghe.contracts.events.CommitmentFulfilled;
import vn.langnghe.contracts.events.ContractEvent;
import vn.langnghe.contracts.events.EscalationOutcomeRecorded;
import vn.langnghe.contracts.events.FollowUpAnswered;
import vn.langnghe.contracts.events.FollowUpCreated;
import vn.langnghe.contracts.events.ForumClosed;
import vn.langnghe.contracts.events.ForumLifecycleEvent;
import vn.langnghe.contracts.events.ForumOpened;
import vn.langnghe.contracts.events.ForumScheduled;
import vn.langnghe.contracts.events.GroupAttendance;
import vn.langnghe.contracts.events.MinutesPublished;
import vn.langnghe.contracts.events.OpinionAnsweredOnTheSpot;
import vn.langnghe.contracts.events.OpinionEscalated;
import vn.langnghe.contracts.events.OpinionRecorded;
import vn.langnghe.eventsourcing.consumer.ConsumedEvent;
import vn.langnghe.eventsourcing.consumer.UndecodableEvent;
import vn.langnghe.intake.domain.clock.Timeliness;
import vn.langnghe.reporting.projection.Decoding;
import vn.langnghe.reporting.projection.Projection;
import vn.langnghe.reporting.projection.Sql;
import vn.langnghe.reporting.projection.intake.IntakeProjection;

/**
 * The forum read model: {@code forum_facts}, an append-only timeline with one row per forum event (effective
 * date, recorded time, the unit it is attributed to, and what it says in codes and counts), and the
 * current {@code forums} and {@code forum_opinions} the handler builds on and search reads. Speaker
 * references are dropped on arrival; the summary of an opinion escalated as a denunciation or crime report
 * is erased, and an escalation's own summary is never kept.
 */
@ApplicationScoped
public class ForumProjection implements Projection {

    public static final String NAME = "forums";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.FORUM_FORUM_EVENTS);
    }

    @Override
    public List<String> tables() {
        return List.of("forum_facts", "forums", "forum_opinions");
    }

    @Override
    public List<String> ddl(String s) {
        return List.of("""
                CREATE TABLE %1$s.forum_facts (
                    forum_id            UUID        NOT NULL,
                    version             BIGINT      NOT NULL,
                    event_type          TEXT        NOT NULL,
                    effective_on        DATE        NOT NULL,
                    recorded_at         TIMESTAMPTZ NOT NULL,
                    session_kind        TEXT        NOT NULL,
                    unit_id             TEXT        NOT NULL,
                    opinion_id          UUID,
                    topic               TEXT,
                    nature              TEXT,
                    speaker_group       TEXT,
                    attendance_total    INT,
                    attendance          JSONB,
                    due_on              DATE,
                    timeliness          TEXT,
                    commitment          BOOLEAN,
                    escalated_kind      TEXT,
                    escalation_outcome  TEXT,
                    PRIMARY KEY (forum_id, version)
                )""".formatted(s),
                "CREATE INDEX ON %s.forum_facts (effective_on, event_type)".formatted(s),
                "CREATE INDEX ON %s.forum_facts (opinion_id)".formatted(s),
                """
                CREATE TABLE %1$s.forums (
                    forum_id        UUID    PRIMARY KEY,
                    session_kind    TEXT    NOT NULL,
                    host_unit_id    TEXT    NOT NULL,
                    venue_unit_id   TEXT    NOT NULL,
                    starts_on       DATE    NOT NULL,
                    opened_on       DATE,
                    closed_on       DATE,
                    published_on    DATE
                )""".formatted(s),
                """
                CREATE TABLE %1$s.forum_opinions (
                    opinion_id      UUID    PRIMARY KEY,
                    forum_id        UUID    NOT NULL,
                    unit_id         TEXT    NOT NULL,
                    recorded_on     DATE    NOT NULL,
                    topic           TEXT    NOT NULL,
                    nature          TEXT    NOT NULL,
                    speaker_group   TEXT    NOT NULL,
                    status          TEXT    NOT NULL,
                    escalated_kind  TEXT,
                    sensitive       BOOLEAN NOT NULL,
                    public_summary  TEXT,
                    summary_fold    TEXT
                )""".formatted(s),
                "CREATE INDEX ON %s.forum_opinions USING gin (summary_fold gin_trgm_ops)".formatted(s));
    }

    private record Forum(String sessionKind, String venueUnitId) {}

    private record Opinion(String topic, String nature, String group) {}

    /** One row of forum_facts, filled per event type. */
    private static final class Fact {
        String unit;
        UUID opinionId;
        String topic;
        String nature;
        String group;
        Integer attendanceTotal;
        String attendance;
        LocalDate dueOn;
        String timeliness;
        Boolean commitment;
        String escalatedKind;
        String outcome;
    }

    @Override
    public void apply(Connection tx, String schema, ConsumedEvent event) throws SQLException {
        ContractEvent decoded = Decoding.decode(event);
        if (!(decoded instanceof ForumLifecycleEvent e)) {
            throw new UndecodableEvent(event.type() + " does not belong on " + Topics.FORUM_FORUM_EVENTS);
        }
        LocalDate on = Decoding.day(e.effectiveAt());
        Forum forum = forum(tx, schema, e.forumId());
        if (forum == null && !(e instanceof ForumScheduled)) {
            throw new UndecodableEvent("forum " + e.forumId() + " starts with " + event.type() + ", not "
                    + ForumScheduled.TYPE);
        }
        Fact fact = new Fact();
        switch (e) {
            case ForumScheduled s -> {
                if (forum != null) {
                    throw new UndecodableEvent("forum " + e.forumId() + " was already scheduled");
                }
                forum = new Forum(s.sessionKind().name(), s.venueUnitId());
                update(tx, "INSERT INTO " + schema + ".forums (forum_id, session_kind, host_unit_id, venue_unit_id,"
                        + " starts_on) VALUES (?, ?, ?, ?, ?)", s.forumId(), forum.sessionKind(), s.hostUnitId(),
                        s.venueUnitId(), Decoding.day(s.startsAt()));
                fact.unit = s.venueUnitId();
            }
            case ForumOpened o -> {
                update(tx, "UPDATE " + schema + ".forums SET opened_on = ? WHERE forum_id = ?", on, o.forumId());
                fact.unit = forum.venueUnitId();
                fact.attendanceTotal = o.attendance().total();
                Map<String, Integer> byGroup = new TreeMap<>();
                for (GroupAttendance g : o.attendance().byGroup()) {
                    byGroup.put(g.group().name(), g.count());
                }
                fact.attendance = toJson(byGroup);
            }
            case OpinionRecorded r -> {
                update(tx, "INSERT INTO " + schema + ".forum_opinions (opinion_id, forum_id, unit_id, recorded_on,"
                        + " topic, nature, speaker_group, status, sensitive, public_summary, summary_fold)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, 'RECORDED', false, ?, public.fold_vi(?))"
                        + " ON CONFLICT (opinion_id) DO NOTHING", r.opinionId(), r.forumId(), forum.venueUnitId(), on,
                        r.topic(), r.nature().name(), r.speakerGroup().name(), Decoding.nfc(r.publicSummary()),
                        Decoding.nfc(r.publicSummary()));
                fact.unit = forum.venueUnitId();
                fact.opinionId = r.opinionId();
                fact.topic = r.topic();
                fact.nature = r.nature().name();
                fact.group = r.speakerGroup().name();
            }
            case OpinionAnsweredOnTheSpot a -> {
                opinionFact(tx, schema, fact, forum, a.opinionId(), "ANSWERED_ON_THE_SPOT");
                fact.commitment = a.commitmentSummary() != null;
            }
            case FollowUpCreated f -> {
                opinionFact(tx, schema, fact, forum, f.opinionId(), "FOLLOW_UP_OPEN");
                fact.unit = f.ownerUnitId();
                fact.dueOn = f.dueOn();
            }
            case FollowUpAnswered f -> {
                opinionFact(tx, schema, fact, forum, f.opinionId(), "FOLLOW_UP_ANSWERED");
                fact.unit = f.ownerUnitId();
                fact.dueOn = f.dueOn();
                fact.timeliness = Timeliness.of(f.dueOn(), on).name();
                fact.commitment = f.commitmentSummary() != null;
            }
            case CommitmentFulfilled c -> opinionFact(tx, schema, fact, forum, c.opinionId(), null);
            case OpinionEscalated x -> {
                opinionFact(tx, schema, fact, forum, x.opinionId(), "ESCALATED");
                fact.escalatedKind = x.kindRequested().name();
                boolean sensitive = IntakeProjection.SENSITIVE_KINDS.contains(x.kindRequested());
                update(tx, "UPDATE " + schema + ".forum_opinions SET escalated_kind = ?, sensitive = sensitive OR ?,"
                        + " public_summary = CASE WHEN sensitive OR ? THEN NULL ELSE public_summary END,"
                        + " summary_fold = CASE WHEN sensitive OR ? THEN NULL ELSE summary_fold END"
                        + " WHERE opinion_id = ?", x.kindRequested().name(), sensitive, sensitive, sensitive,
                        x.opinionId());
            }
            case EscalationOutcomeRecorded x -> {
                opinionFact(tx, schema, fact, forum, x.opinionId(), "ESCALATION_CLOSED");
                fact.outcome = x.outcome().name();
            }
            case ForumClosed c -> {
                update(tx, "UPDATE " + schema + ".forums SET closed_on = ? WHERE forum_id = ?", on, c.forumId());
                fact.unit = forum.venueUnitId();
            }
            case MinutesPublished p -> {
                update(tx, "UPDATE " + schema + ".forums SET published_on = ? WHERE forum_id = ?", on, p.forumId());
                fact.unit = forum.venueUnitId();
            }
        }
        insertFact(tx, schema, event, e.forumId(), forum.sessionKind(), on, fact);
    }

    /** A fact about an opinion: attributed to the venue, with the opinion's topic; moves its status. */
    private static void opinionFact(Connection tx, String schema, Fact fact, Forum forum, UUID opinionId,
            String status) throws SQLException {
        Opinion opinion;
        try (PreparedStatement s = tx.prepareStatement("SELECT topic, nature, speaker_group FROM " + schema
                + ".forum_opinions WHERE opinion_id = ?")) {
            s.setObject(1, opinionId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new UndecodableEvent("opinion " + opinionId + " was never recorded");
                }
                opinion = new Opinion(rs.getString(1), rs.getString(2), rs.getString(3));
            }
        }
        if (status != null) {
            update(tx, "UPDATE " + schema + ".forum_opinions SET status = ? WHERE opinion_id = ?", status, opinionId);
        }
        fact.unit = forum.venueUnitId();
        fact.opinionId = opinionId;
        fact.topic = opinion.topic();
        fact.nature = opinion.nature();
        fact.group = opinion.group();
    }

    private static void insertFact(Connection tx, String schema, ConsumedEvent event, UUID forumId, String sessionKind,
            LocalDate on, Fact f) throws SQLException {
        try (PreparedStatement s = tx.prepareStatement("INSERT INTO " + schema + ".forum_facts (forum_id, version,"
                + " event_type, effective_on, recorded_at, session_kind, unit_id, opinion_id, topic, nature,"
                + " speaker_group, attendance_total, attendance, due_on, timeliness, commitment, escalated_kind,"
                + " escalation_outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)")) {
            int i = 0;
            s.setObject(++i, forumId);
            s.setLong(++i, event.streamVersion());
            s.setString(++i, event.type());
            Sql.date(s, ++i, on);
            Sql.instant(s, ++i, Decoding.recordedAt(event));
            s.setString(++i, sessionKind);
            s.setString(++i, f.unit);
            Sql.uuid(s, ++i, f.opinionId);
            Sql.text(s, ++i, f.topic);
            Sql.text(s, ++i, f.nature);
            Sql.text(s, ++i, f.group);
            Sql.integer(s, ++i, f.attendanceTotal);
            Sql.text(s, ++i, f.attendance);
            Sql.date(s, ++i, f.dueOn);
            Sql.text(s, ++i, f.timeliness);
            if (f.commitment == null) {
                s.setNull(++i, java.sql.Types.BOOLEAN);
            } else {
                s.setBoolean(++i, f.commitment);
            }
            Sql.text(s, ++i, f.escalatedKind);
            Sql.text(s, ++i, f.outcome);
            s.executeUpdate();
        }
    }

    private static Forum forum(Connection tx, String schema, UUID forumId) throws SQLException {
        try (PreparedStatement s = tx.prepareStatement("SELECT session_kind, venue_unit_id FROM " + schema
                + ".forums WHERE forum_id = ?")) {
            s.setObject(1, forumId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? new Forum(rs.getString(1), rs.getString(2)) : null;
            }
        }
    }

    private static void update(Connection tx, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = tx.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                Object a = args[i];
                if (a instanceof LocalDate d) {
                    Sql.date(s, i + 1, d);
                } else if (a == null) {
                    s.setNull(i + 1, java.sql.Types.VARCHAR);
                } else {
                    s.setObject(i + 1, a);
                }
            }
            s.executeUpdate();
        }
    }

    private static String toJson(Map<String, Integer> byGroup) {
        StringBuilder json = new StringBuilder("{");
        byGroup.forEach((group, count) -> json.append(json.length() > 1 ? "," : "").append('"').append(group)
                .append("\":").append(count));
        return json.append('}').toString();
    }
}
