package vn.langnghe.intake.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import vn.langnghe.eventsourcing.store.AppendResult;
import vn.langnghe.eventsourcing.store.SqlErrors;
import vn.langnghe.intake.domain.clock.DueDates;
import vn.langnghe.intake.domain.submission.Submission;
import vn.langnghe.intake.domain.submission.SubmissionClocks;

/** Writes the inline read model with each command, and answers the queries partners and officers ask. */
@ApplicationScoped
public class SubmissionRows {

    private static final String COLUMNS = "id, tracking_code, kind, channel, unit_id, status, track, identified,"
            + " partner_client_id, originating_opinion, topic, public_summary, received_on, accepted_on, closed_on,"
            + " acceptance_due, acceptance_notice_due, resolution_due, next_due, clock_started_on, version,"
            + " first_position, last_position";

    private final DataSource dataSource;

    SubmissionRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Inside the command's transaction, right after its events were appended; returns the row as stored. */
    SubmissionRow upsert(Connection tx, Submission s, AppendResult appended, SubmissionClocks clocks)
            throws SQLException {
        DueDates due = clocks.dueDates(s);
        long position = appended.events().getLast().globalPosition();
        try (PreparedStatement upsert = tx.prepareStatement("INSERT INTO submissions (" + COLUMNS + ", updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())"
                + " ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, unit_id = excluded.unit_id,"
                + " status = excluded.status, track = excluded.track, topic = excluded.topic,"
                + " public_summary = excluded.public_summary, accepted_on = excluded.accepted_on,"
                + " closed_on = excluded.closed_on, acceptance_due = excluded.acceptance_due,"
                + " acceptance_notice_due = excluded.acceptance_notice_due, resolution_due = excluded.resolution_due,"
                + " next_due = excluded.next_due, clock_started_on = excluded.clock_started_on,"
                + " version = excluded.version, last_position = excluded.last_position, updated_at = now()"
                + " RETURNING " + COLUMNS)) {
            int i = 0;
            upsert.setObject(++i, s.id());
            upsert.setString(++i, s.trackingCode());
            upsert.setString(++i, s.kind().name());
            upsert.setString(++i, s.channel().name());
            upsert.setString(++i, s.unitId());
            upsert.setString(++i, s.status().name());
            upsert.setString(++i, s.track().name());
            upsert.setBoolean(++i, s.identified());
            upsert.setString(++i, s.partnerClientId());
            upsert.setObject(++i, s.originatingOpinionId());
            upsert.setString(++i, s.topic());
            upsert.setString(++i, s.publicSummary());
            setDate(upsert, ++i, s.receivedOn());
            setDate(upsert, ++i, s.acceptedOn());
            setDate(upsert, ++i, s.closedOn());
            setDate(upsert, ++i, due.acceptanceDue().orElse(null));
            setDate(upsert, ++i, due.acceptanceNoticeDue().orElse(null));
            setDate(upsert, ++i, due.resolutionDue().orElse(null));
            setDate(upsert, ++i, clocks.nextDue(s).orElse(null));
            setDate(upsert, ++i, clocks.clockStartedOn(s));
            upsert.setLong(++i, appended.newVersion());
            upsert.setLong(++i, appended.events().getFirst().globalPosition());
            upsert.setLong(++i, position);
            return read(upsert).getFirst();
        }
    }

    public Optional<SubmissionRow> byId(UUID id) {
        return one("SELECT " + COLUMNS + " FROM submissions WHERE id = ?", id);
    }

    public Optional<SubmissionRow> byTrackingCode(String code) {
        return one("SELECT " + COLUMNS + " FROM submissions WHERE tracking_code = ?", code);
    }

    public Optional<SubmissionRow> byOpinion(Connection tx, UUID opinionId) throws SQLException {
        try (PreparedStatement s = tx.prepareStatement(
                "SELECT " + COLUMNS + " FROM submissions WHERE originating_opinion = ?")) {
            s.setObject(1, opinionId);
            List<SubmissionRow> rows = read(s);
            return rows.stream().findFirst();
        }
    }

    /** A partner's own submissions in order of receipt, after a cursor. */
    public List<SubmissionRow> listForPartner(String clientId, long afterFirstPosition, int limit) {
        return many("SELECT " + COLUMNS + " FROM submissions WHERE partner_client_id = ? AND first_position > ?"
                + " ORDER BY first_position LIMIT ?", clientId, afterFirstPosition, limit);
    }

    /** A partner's submissions that changed after a cursor, oldest change first. */
    public List<SubmissionRow> changesForPartner(String clientId, long afterLastPosition, int limit) {
        return many("SELECT " + COLUMNS + " FROM submissions WHERE partner_client_id = ? AND last_position > ?"
                + " ORDER BY last_position LIMIT ?", clientId, afterLastPosition, limit);
    }

    /** Open submissions of a set of units, most urgent first. */
    public List<SubmissionRow> inbox(Collection<String> unitIds, int limit) {
        return many("SELECT " + COLUMNS + " FROM submissions WHERE closed_on IS NULL AND unit_id = ANY (?)"
                + " ORDER BY next_due NULLS LAST, received_on, id LIMIT ?", unitIds.toArray(String[]::new), limit);
    }

    private Optional<SubmissionRow> one(String sql, Object... args) {
        return many(sql, args).stream().findFirst();
    }

    private List<SubmissionRow> many(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof String[] array) {
                    s.setArray(i + 1, c.createArrayOf("text", array));
                } else {
                    s.setObject(i + 1, args[i]);
                }
            }
            return read(s);
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }

    private static List<SubmissionRow> read(PreparedStatement s) throws SQLException {
        List<SubmissionRow> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                rows.add(new SubmissionRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getBoolean(8),
                        rs.getString(9), rs.getObject(10, UUID.class), rs.getString(11), rs.getString(12),
                        date(rs, 13), date(rs, 14), date(rs, 15), date(rs, 16), date(rs, 17), date(rs, 18),
                        date(rs, 19), date(rs, 20), rs.getLong(21), rs.getLong(22), rs.getLong(23)));
            }
        }
        return rows;
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static void setDate(PreparedStatement s, int index, LocalDate value) throws SQLException {
        if (value == null) {
            s.setNull(index, java.sql.Types.DATE);
        } else {
            s.setDate(index, Date.valueOf(value));
        }
    }
}
