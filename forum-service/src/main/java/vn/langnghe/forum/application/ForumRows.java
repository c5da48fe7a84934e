package vn.langnghe.forum.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import vn.langnghe.eventsourcing.store.AppendResult;
import vn.langnghe.eventsourcing.store.SqlErrors;
import vn.langnghe.forum.domain.forum.Forum;
import vn.langnghe.forum.domain.forum.ForumEvent;
import vn.langnghe.forum.domain.forum.ForumRefused;
import vn.langnghe.forum.domain.forum.OpinionStatus;

/** Writes the inline read model with each command, and answers the queries organisers and officers ask. */
@ApplicationScoped
public class ForumRows {

    private static final String FORUM_COLUMNS = "id, session_kind, host_unit_id, venue_unit_id, venue_name, status,"
            + " starts_at, scheduled_on, opened_on, closed_on, minutes_published_on, attendance_total, opinion_count,"
            + " answered_on_the_spot, follow_up_count, escalated_count, version, first_position, last_position";
    private static final String OPINION_COLUMNS = "opinion_id, forum_id, status, speaker_group, topic, nature,"
            + " public_summary, recorded_on, answered_by_unit_id, follow_up_owner_unit_id, follow_up_due,"
            + " open_commitment, escalation_kind, escalation_unit_id, escalation_submission_id, escalation_outcome,"
            + " request_fingerprint, forum_version";

    private final DataSource dataSource;

    ForumRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Inside the command's transaction, right after its events were appended: the forum's row and the row of
     * every opinion the events touched. {@code fingerprints} holds the recording request's fingerprint of a
     * newly recorded opinion.
     */
    void upsert(Connection tx, Forum f, List<ForumEvent> events, AppendResult appended,
            Map<UUID, String> fingerprints) throws SQLException {
        upsertForum(tx, f, appended);
        for (ForumEvent event : events) {
            if (event instanceof ForumEvent.OpinionEvent opinionEvent) {
                upsertOpinion(tx, f, f.opinions().get(opinionEvent.opinionId()), appended.newVersion(),
                        fingerprints.getOrDefault(opinionEvent.opinionId(), ""));
            }
        }
    }

    private static void upsertForum(Connection tx, Forum f, AppendResult appended) throws SQLException {
        int answered = 0;
        int followUps = 0;
        int escalated = 0;
        for (Forum.Opinion o : f.opinions().values()) {
            answered += o.answer() != null && o.answer().onTheSpot() ? 1 : 0;
            followUps += o.followUp() != null ? 1 : 0;
            escalated += o.escalation() != null ? 1 : 0;
        }
        try (PreparedStatement upsert = tx.prepareStatement("INSERT INTO forums (" + FORUM_COLUMNS + ", updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())"
                + " ON CONFLICT (id) DO UPDATE SET status = excluded.status, opened_on = excluded.opened_on,"
                + " closed_on = excluded.closed_on, minutes_published_on = excluded.minutes_published_on,"
                + " attendance_total = excluded.attendance_total, opinion_count = excluded.opinion_count,"
                + " answered_on_the_spot = excluded.answered_on_the_spot, follow_up_count = excluded.follow_up_count,"
                + " escalated_count = excluded.escalated_count, version = excluded.version,"
                + " last_position = excluded.last_position, updated_at = now()")) {
            int i = 0;
            upsert.setObject(++i, f.id());
            upsert.setString(++i, f.sessionKind().name());
            upsert.setString(++i, f.hostUnitId());
            upsert.setString(++i, f.venueUnitId());
            upsert.setString(++i, f.venueName());
            upsert.setString(++i, f.status().name());
            upsert.setTimestamp(++i, Timestamp.valueOf(f.startsAt()));
            setDate(upsert, ++i, f.scheduledOn());
            setDate(upsert, ++i, f.openedOn());
            setDate(upsert, ++i, f.closedOn());
            setDate(upsert, ++i, f.minutesPublishedOn());
            if (f.attendance() == null) {
                upsert.setNull(++i, Types.INTEGER);
            } else {
                upsert.setInt(++i, f.attendance().total());
            }
            upsert.setInt(++i, f.opinions().size());
            upsert.setInt(++i, answered);
            upsert.setInt(++i, followUps);
            upsert.setInt(++i, escalated);
            upsert.setLong(++i, appended.newVersion());
            upsert.setLong(++i, appended.events().getFirst().globalPosition());
            upsert.setLong(++i, appended.events().getLast().globalPosition());
            upsert.executeUpdate();
        }
    }

    private static void upsertOpinion(Connection tx, Forum f, Forum.Opinion o, long version, String fingerprint)
            throws SQLException {
        // Opinion ids are unique across forums: the same id in another forum updates nothing, and is refused.
        try (PreparedStatement upsert = tx.prepareStatement("INSERT INTO opinions (" + OPINION_COLUMNS
                + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())"
                + " ON CONFLICT (opinion_id) DO UPDATE SET status = excluded.status,"
                + " answered_by_unit_id = excluded.answered_by_unit_id,"
                + " follow_up_owner_unit_id = excluded.follow_up_owner_unit_id, follow_up_due = excluded.follow_up_due,"
                + " open_commitment = excluded.open_commitment, escalation_kind = excluded.escalation_kind,"
                + " escalation_unit_id = excluded.escalation_unit_id,"
                + " escalation_submission_id = excluded.escalation_submission_id,"
                + " escalation_outcome = excluded.escalation_outcome, forum_version = excluded.forum_version,"
                + " updated_at = now() WHERE opinions.forum_id = excluded.forum_id")) {
            int i = 0;
            upsert.setObject(++i, o.id());
            upsert.setObject(++i, f.id());
            upsert.setString(++i, o.status().name());
            upsert.setString(++i, o.speakerGroup().name());
            upsert.setString(++i, o.topic());
            upsert.setString(++i, o.nature().name());
            upsert.setString(++i, o.publicSummary());
            setDate(upsert, ++i, o.recordedOn());
            upsert.setString(++i, o.answer() == null ? null : o.answer().byUnitId());
            upsert.setString(++i, o.followUp() == null ? null : o.followUp().ownerUnitId());
            setDate(upsert, ++i, o.followUp() == null ? null : o.followUp().dueOn());
            upsert.setBoolean(++i, o.hasOpenCommitment());
            upsert.setString(++i, o.escalation() == null ? null : o.escalation().kindRequested().name());
            upsert.setString(++i, o.escalation() == null ? null : o.escalation().unitId());
            upsert.setObject(++i, o.escalation() == null ? null : o.escalation().submissionId());
            upsert.setString(++i, o.escalation() == null || o.escalation().outcome() == null ? null
                    : o.escalation().outcome().name());
            upsert.setString(++i, fingerprint);
            upsert.setLong(++i, version);
            if (upsert.executeUpdate() == 0) {
                throw ForumRefused.because("OPINION_ID_CONFLICT", "opinion id " + o.id()
                        + " is already used in another forum");
            }
        }
    }

    public Optional<ForumRow> forum(UUID id) {
        return forums("SELECT " + FORUM_COLUMNS + " FROM forums WHERE id = ?", id).stream().findFirst();
    }

    public Optional<OpinionRow> opinion(UUID opinionId) {
        return opinions("SELECT " + OPINION_COLUMNS + " FROM opinions WHERE opinion_id = ?", opinionId).stream()
                .findFirst();
    }

    public Optional<OpinionRow> opinion(Connection tx, UUID opinionId) throws SQLException {
        try (PreparedStatement s = tx.prepareStatement(
                "SELECT " + OPINION_COLUMNS + " FROM opinions WHERE opinion_id = ?")) {
            s.setObject(1, opinionId);
            return readOpinions(s).stream().findFirst();
        }
    }

    /** Forums hosted or held within a set of units, planned between two days, in order of scheduling. */
    public List<ForumRow> list(Collection<String> unitIds, LocalDate from, LocalDate to, long afterPosition,
            int limit) {
        String[] units = unitIds.toArray(String[]::new);
        return forums("SELECT " + FORUM_COLUMNS + " FROM forums WHERE (host_unit_id = ANY (?) OR venue_unit_id = ANY (?))"
                + " AND starts_at >= ? AND starts_at < ? AND first_position > ? ORDER BY first_position LIMIT ?",
                units, units, Timestamp.valueOf(from.atStartOfDay()), Timestamp.valueOf(to.plusDays(1).atStartOfDay()),
                afterPosition, limit);
    }

    /** Open follow-ups owned within a set of units, earliest due first. */
    public List<OpinionRow> openFollowUps(Collection<String> unitIds, int limit) {
        return opinions("SELECT " + OPINION_COLUMNS + " FROM opinions WHERE status = ?"
                + " AND follow_up_owner_unit_id = ANY (?) ORDER BY follow_up_due, recorded_on, opinion_id LIMIT ?",
                OpinionStatus.FOLLOW_UP_OPEN.name(), unitIds.toArray(String[]::new), limit);
    }

    private List<ForumRow> forums(String sql, Object... args) {
        return query(sql, args, ForumRows::readForums);
    }

    private List<OpinionRow> opinions(String sql, Object... args) {
        return query(sql, args, ForumRows::readOpinions);
    }

    private interface Reader<T> {
        List<T> read(PreparedStatement s) throws SQLException;
    }

    private <T> List<T> query(String sql, Object[] args, Reader<T> reader) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof String[] array) {
                    s.setArray(i + 1, c.createArrayOf("text", array));
                } else {
                    s.setObject(i + 1, args[i]);
                }
            }
            return reader.read(s);
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }

    private static List<ForumRow> readForums(PreparedStatement s) throws SQLException {
        List<ForumRow> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                Integer attendance = rs.getObject(12) == null ? null : rs.getInt(12);
                rows.add(new ForumRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getObject(7, LocalDateTime.class), date(rs, 8),
                        date(rs, 9), date(rs, 10), date(rs, 11), attendance, rs.getInt(13), rs.getInt(14),
                        rs.getInt(15), rs.getInt(16), rs.getLong(17), rs.getLong(18), rs.getLong(19)));
            }
        }
        return rows;
    }

    private static List<OpinionRow> readOpinions(PreparedStatement s) throws SQLException {
        List<OpinionRow> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                rows.add(new OpinionRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), date(rs, 8),
                        rs.getString(9), rs.getString(10), date(rs, 11), rs.getBoolean(12), rs.getString(13),
                        rs.getString(14), rs.getObject(15, UUID.class), rs.getString(16), rs.getString(17),
                        rs.getLong(18)));
            }
        }
        return rows;
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static void setDate(PreparedStatement s, int index, LocalDate value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.DATE);
        } else {
            s.setDate(index, Date.valueOf(value));
        }
    }
}
