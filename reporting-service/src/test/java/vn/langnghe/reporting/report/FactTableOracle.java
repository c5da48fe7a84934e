package vn.langnghe.reporting.report;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.langnghe.reporting.projection.Sql;
import vn.langnghe.reporting.report.IntakeReports.Counts;
import vn.langnghe.reporting.report.IntakeReports.Cube;

/**
 * The intake report's counts as they were computed before ADR 0012, straight from {@code intake_facts} on each
 * request: slow on millions of facts, but written from the definitions in docs/metrics.md. Kept as the oracle
 * the kept cells are compared with.
 */
final class FactTableOracle {

    private static final String R = "'intake.SubmissionReceived.v1'";

    private static final String PERIOD_SQL = """
            WITH p AS (
                SELECT f.*, w.child FROM %1$s.intake_facts f JOIN %2$s
                  ON f.unit_id = w.unit AND f.effective_on BETWEEN w.d_from AND w.d_to
                WHERE f.effective_on BETWEEN ? AND ? AND f.recorded_at <= ?
            ), latest AS (
                SELECT DISTINCT ON (l.submission_id) l.submission_id, l.kind FROM %1$s.intake_facts l
                WHERE l.recorded_at <= ? AND l.submission_id IN (SELECT submission_id FROM p)
                ORDER BY l.submission_id, l.version DESC
            ), merged AS (
                SELECT DISTINCT m.submission_id FROM %1$s.intake_facts m
                WHERE m.outcome = 'MERGED' AND m.recorded_at <= ?
                  AND m.submission_id IN (SELECT submission_id FROM p WHERE event_type = %3$s)
            )
            SELECT p.child, x.figure, l.kind, p.channel, count(*)
            FROM p JOIN latest l USING (submission_id)
            CROSS JOIN LATERAL unnest(ARRAY[
                CASE p.event_type
                    WHEN %3$s THEN 'received'
                    WHEN 'intake.SubmissionAccepted.v1' THEN 'accepted'
                    WHEN 'intake.VerificationStarted.v1' THEN 'verificationStarted'
                    WHEN 'intake.SubmissionConcluded.v1' THEN 'concluded'
                    WHEN 'intake.DeadlineExtended.v1' THEN 'extended'
                    WHEN 'intake.TipRatedValuable.v1' THEN 'ratedValuable'
                END,
                CASE WHEN p.event_type = %3$s AND p.submission_id IN (SELECT submission_id FROM merged)
                    THEN 'receivedMergedAway' END,
                CASE WHEN p.resolves THEN 'resolved' END,
                CASE WHEN p.resolves THEN CASE p.timeliness WHEN 'EARLY' THEN 'early' WHEN 'ON_TIME' THEN 'onTime'
                    WHEN 'LATE' THEN 'late' ELSE 'withoutDeadline' END END,
                CASE p.outcome WHEN 'ANSWERED' THEN 'answered' WHEN 'TRANSFERRED' THEN 'transferred'
                    WHEN 'NOT_ACCEPTED' THEN 'notAccepted' WHEN 'WITHDRAWN' THEN 'withdrawn'
                    WHEN 'MERGED' THEN 'merged' END
            ]) AS x(figure)
            WHERE x.figure IS NOT NULL
            GROUP BY 1, 2, 3, 4""";

    private static final String BACKLOG_SQL = """
            WITH last AS (
                SELECT DISTINCT ON (f.submission_id) f.* FROM %1$s.intake_facts f
                WHERE f.recorded_at <= ? AND f.effective_on <= ?
                ORDER BY f.submission_id, f.version DESC
            )
            SELECT w.child, l.kind, l.channel, count(*),
                count(*) FILTER (WHERE l.next_due IS NOT NULL AND ?::date <= l.next_due
                    AND (l.next_due - ?::date) <= ? * (l.next_due - l.clock_start)),
                count(*) FILTER (WHERE l.next_due IS NOT NULL AND ?::date > l.next_due)
            FROM last l JOIN %2$s ON l.unit_id = w.unit AND ?::date BETWEEN w.d_from AND w.d_to
            WHERE l.status = 'OPEN'
            GROUP BY 1, 2, 3""";

    private static final String LATER_SQL = """
            SELECT f.event_type, count(*) FROM %1$s.intake_facts f JOIN %2$s
              ON f.unit_id = w.unit AND f.effective_on BETWEEN w.d_from AND w.d_to
            WHERE f.effective_on BETWEEN ? AND ? AND f.recorded_at > ?
            GROUP BY 1 ORDER BY 1""";

    private FactTableOracle() {}

    static Counts counts(Connection c, String schema, UnitScope scope, UnitScope backlogScope, ReportPeriod period,
            LocalDate backlogAsOf, Instant asRecordedAt, BigDecimal atRiskFraction) throws SQLException {
        Instant until = asRecordedAt == null ? IntakeReports.EVER : asRecordedAt;
        Cube cube = new Cube();
        Map<String, Long> later = new LinkedHashMap<>();
        if (!scope.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement(PERIOD_SQL.formatted(schema, UnitScope.WINDOWS, R))) {
                int i = scope.bind(c, s, 1);
                Sql.date(s, i++, period.from());
                Sql.date(s, i++, period.to());
                s.setTimestamp(i++, Timestamp.from(until));
                s.setTimestamp(i++, Timestamp.from(until));
                s.setTimestamp(i, Timestamp.from(until));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        cube.add(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5));
                    }
                }
            }
            if (asRecordedAt != null) {
                try (PreparedStatement s = c.prepareStatement(LATER_SQL.formatted(schema, UnitScope.WINDOWS))) {
                    int i = scope.bind(c, s, 1);
                    Sql.date(s, i++, period.from());
                    Sql.date(s, i++, period.to());
                    s.setTimestamp(i, Timestamp.from(asRecordedAt));
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            later.put(rs.getString(1), rs.getLong(2));
                        }
                    }
                }
            }
        }
        if (!backlogScope.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement(BACKLOG_SQL.formatted(schema, UnitScope.WINDOWS))) {
                int i = 1;
                s.setTimestamp(i++, Timestamp.from(until));
                Sql.date(s, i++, backlogAsOf);
                Sql.date(s, i++, backlogAsOf);
                Sql.date(s, i++, backlogAsOf);
                s.setBigDecimal(i++, atRiskFraction);
                Sql.date(s, i++, backlogAsOf);
                i = backlogScope.bind(c, s, i);
                Sql.date(s, i, backlogAsOf);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        String row = rs.getString(1);
                        cube.add(row, "open", rs.getString(2), rs.getString(3), rs.getLong(4));
                        cube.add(row, "atRisk", rs.getString(2), rs.getString(3), rs.getLong(5));
                        cube.add(row, "overdue", rs.getString(2), rs.getString(3), rs.getLong(6));
                    }
                }
            }
        }
        return new Counts(cube, later);
    }
}
