package vn.langnghe.reporting.report;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import vn.langnghe.contracts.events.Channel;
import vn.langnghe.contracts.events.SubmissionKind;
import vn.langnghe.contracts.reference.UnitTree;
import vn.langnghe.intake.domain.clock.LegalClock;
import vn.langnghe.reporting.config.ReportingConfig;
import vn.langnghe.reporting.projection.Projections;
import vn.langnghe.reporting.projection.Sql;
import vn.langnghe.reporting.projection.intake.IntakeProjection;

/** The intake report: every figure of docs/metrics.md, per child unit, from {@code intake_facts}. */
@ApplicationScoped
public class IntakeReports {

    public static final List<String> FIGURES = List.of("received", "receivedMergedAway", "accepted",
            "verificationStarted", "concluded", "resolved", "early", "onTime", "late", "withoutDeadline", "answered",
            "transferred", "notAccepted", "withdrawn", "merged", "extended", "ratedValuable", "open", "atRisk",
            "overdue");
    /** "Everything recorded so far" when no as-recorded instant is asked for. */
    static final Instant EVER = Instant.parse("9999-12-31T00:00:00Z");
    private static final String DENUNCIATION = SubmissionKind.DENUNCIATION.name();
    private static final String TOTAL_KEY = "*";

    public record IntakeReport(String unit, String unitName, LocalDate from, LocalDate to, LocalDate backlogAsOf,
            Instant asRecordedAt, String unitsVersion, String clockVersion, int suppressBelow, List<ReportRow> rows,
            Map<String, Long> recordedAfter) {}

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

    private final DataSource dataSource;
    private final Projections projections;
    private final UnitTree units;
    private final LegalClock clock;
    private final ReportingConfig config;

    IntakeReports(DataSource dataSource, Projections projections, UnitTree units, LegalClock clock,
            ReportingConfig config) {
        this.dataSource = dataSource;
        this.projections = projections;
        this.units = units;
        this.clock = clock;
        this.config = config;
    }

    /** The cube: row key → figure → kind → channel → count. */
    private static final class Cube {
        final Map<String, Map<String, Map<String, Map<String, Long>>>> cells = new HashMap<>();

        void add(String row, String figure, String kind, String channel, long n) {
            cells.computeIfAbsent(row, r -> new HashMap<>()).computeIfAbsent(figure, f -> new HashMap<>())
                    .computeIfAbsent(kind, k -> new HashMap<>()).merge(channel, n, Long::sum);
        }

        long count(String row, String figure, String kind, String channel) {
            return cells.getOrDefault(row, Map.of()).getOrDefault(figure, Map.of()).getOrDefault(kind, Map.of())
                    .entrySet().stream().filter(e -> channel == null || e.getKey().equals(channel))
                    .mapToLong(Map.Entry::getValue).sum();
        }
    }

    public IntakeReport report(String unit, ReportPeriod period, LocalDate backlogAsOf, Instant asRecordedAt) {
        UnitScope scope = UnitScope.of(units, unit, period.from(), period.to());
        UnitScope backlogScope = UnitScope.of(units, unit, backlogAsOf, backlogAsOf);
        Instant until = asRecordedAt == null ? EVER : asRecordedAt;
        String schema = projections.activeSchema(IntakeProjection.NAME);
        Cube cube = new Cube();
        Map<String, Long> later = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            c.setReadOnly(true);
            if (!scope.isEmpty()) {
                try (PreparedStatement s = ReportQueries.prepare(c, config.queryTimeout(), PERIOD_SQL.formatted(schema, UnitScope.WINDOWS, R))) {
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
                    try (PreparedStatement s = ReportQueries.prepare(c, config.queryTimeout(), LATER_SQL.formatted(schema, UnitScope.WINDOWS))) {
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
                try (PreparedStatement s = ReportQueries.prepare(c, config.queryTimeout(), BACKLOG_SQL.formatted(schema, UnitScope.WINDOWS))) {
                    int i = 1;
                    s.setTimestamp(i++, Timestamp.from(until));
                    Sql.date(s, i++, backlogAsOf);
                    Sql.date(s, i++, backlogAsOf);
                    Sql.date(s, i++, backlogAsOf);
                    s.setBigDecimal(i++, clock.rules().atRiskFraction());
                    Sql.date(s, i++, backlogAsOf);
                    i = backlogScope.bind(c, s, i);
                    Sql.date(s, i, backlogAsOf);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            String row = rs.getString(1);
                            String kind = rs.getString(2);
                            String channel = rs.getString(3);
                            cube.add(row, "open", kind, channel, rs.getLong(4));
                            cube.add(row, "atRisk", kind, channel, rs.getLong(5));
                            cube.add(row, "overdue", kind, channel, rs.getLong(6));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw ReportQueries.translate(e, config.queryTimeout());
        }
        List<ReportRow> rows = rows(unit, scope, backlogScope, cube);
        return new IntakeReport(unit, units.unit(unit).nameVi(), period.from(), period.to(), backlogAsOf, asRecordedAt,
                units.version(), clock.version(), config.suppressBelow(), rows, asRecordedAt == null ? null : later);
    }

    private List<ReportRow> rows(String unit, UnitScope scope, UnitScope backlogScope, Cube cube) {
        Set<String> children = new LinkedHashSet<>(scope.children());
        children.addAll(backlogScope.children());
        List<Suppression.Row> shape = new ArrayList<>();
        shape.add(new Suppression.Row(TOTAL_KEY, ReportRow.TOTAL, ward(unit)));
        shape.add(new Suppression.Row(unit, ReportRow.SELF, ward(unit)));
        children.forEach(child -> shape.add(new Suppression.Row(child, ReportRow.CHILD, ward(child))));
        // the total row sums every part
        for (Suppression.Row part : shape.subList(1, shape.size())) {
            cube.cells.getOrDefault(part.key(), Map.of()).forEach((figure, byKind) -> byKind.forEach((kind, byChannel) ->
                    byChannel.forEach((channel, n) -> cube.add(TOTAL_KEY, figure, kind, channel, n))));
        }
        int k = config.suppressBelow();
        Map<String, Set<String>> hidden = new HashMap<>();
        for (String figure : FIGURES) {
            hidden.put(figure, Suppression.hidden(shape, row -> cube.count(row, figure, DENUNCIATION, null), k));
        }
        List<ReportRow> rows = new ArrayList<>();
        for (Suppression.Row row : shape) {
            Map<String, Figure> figures = new LinkedHashMap<>();
            List<String> suppressed = new ArrayList<>();
            for (String figure : FIGURES) {
                boolean hide = hidden.get(figure).contains(row.key());
                if (hide) {
                    suppressed.add(figure + "." + DENUNCIATION);
                }
                figures.put(figure, figure(cube, row, figure, hide));
            }
            String code = TOTAL_KEY.equals(row.key()) ? unit : row.key();
            rows.add(new ReportRow(code, units.unit(code).nameVi(), units.unit(code).level().name(), row.role(),
                    figures, suppressed));
        }
        return rows;
    }

    private static Figure figure(Cube cube, Suppression.Row row, String figure, boolean hideDenunciations) {
        Map<String, Long> byKind = new LinkedHashMap<>();
        long total = 0;
        for (SubmissionKind kind : SubmissionKind.values()) {
            if (hideDenunciations && kind == SubmissionKind.DENUNCIATION) {
                byKind.put(kind.name(), null);
                continue;
            }
            long n = cube.count(row.key(), figure, kind.name(), null);
            byKind.put(kind.name(), n);
            total += n;
        }
        if (!"received".equals(figure)) {
            return new Figure(total, byKind, null, null, null);
        }
        Map<String, Long> byChannel = new LinkedHashMap<>();
        Map<String, Map<String, Long>> byKindAndChannel = new LinkedHashMap<>();
        for (Channel channel : Channel.values()) {
            long n = 0;
            for (SubmissionKind kind : SubmissionKind.values()) {
                if (!(hideDenunciations && kind == SubmissionKind.DENUNCIATION)) {
                    n += cube.count(row.key(), figure, kind.name(), channel.name());
                }
            }
            byChannel.put(channel.name(), n);
        }
        for (SubmissionKind kind : SubmissionKind.values()) {
            // the channel of a denunciation is never shown at ward level, suppressed or not
            if (kind == SubmissionKind.DENUNCIATION && (hideDenunciations || row.wardLevel())) {
                continue;
            }
            Map<String, Long> channels = new LinkedHashMap<>();
            for (Channel channel : Channel.values()) {
                channels.put(channel.name(), cube.count(row.key(), figure, kind.name(), channel.name()));
            }
            byKindAndChannel.put(kind.name(), channels);
        }
        return new Figure(total, byKind, byChannel, byKindAndChannel, null);
    }

    private boolean ward(String code) {
        return UnitScope.isWardLevel(units.unit(code).level());
    }

    /** One line per row and figure: totals, kinds, and channels for {@code received}. */
    public static byte[] csv(IntakeReport report) {
        Csv csv = new Csv();
        List<Object> header = new ArrayList<>(List.of("unit", "name", "level", "role", "figure", "total"));
        for (SubmissionKind kind : SubmissionKind.values()) {
            header.add(kind.name());
        }
        for (Channel channel : Channel.values()) {
            header.add("channel." + channel.name());
        }
        csv.row(header);
        String hidden = "<" + report.suppressBelow();
        for (ReportRow row : report.rows()) {
            row.figures().forEach((name, figure) -> {
                List<Object> line = new ArrayList<>(List.of(row.unit(), row.name(), row.level(), row.role(), name,
                        figure.total()));
                for (SubmissionKind kind : SubmissionKind.values()) {
                    Long n = figure.byKind().get(kind.name());
                    line.add(n == null ? hidden : n);
                }
                for (Channel channel : Channel.values()) {
                    line.add(figure.byChannel() == null ? null : figure.byChannel().get(channel.name()));
                }
                csv.row(line);
            });
        }
        return csv.bytes();
    }
}
