package vn.langnghe.reporting.report;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
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
import java.util.TreeMap;
import javax.sql.DataSource;
import vn.langnghe.contracts.events.Channel;
import vn.langnghe.contracts.events.SubmissionKind;
import vn.langnghe.contracts.reference.UnitTree;
import vn.langnghe.intake.domain.clock.LegalClock;
import vn.langnghe.intake.domain.clock.LegalDates;
import vn.langnghe.reporting.config.ReportingConfig;
import vn.langnghe.reporting.projection.Projections;
import vn.langnghe.reporting.projection.Sql;
import vn.langnghe.reporting.projection.intake.IntakeProjection;
import vn.langnghe.reporting.projection.intake.ReportCells;

/** The intake report: every figure of docs/metrics.md, per child unit, from the cells the projection keeps. */
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

    /**
     * The period's figures recorded by the instant (ADR 0012). Whole months ({@link PeriodSplit}) come from the
     * monthly cells recorded in months before the instant's, plus the daily cells its month recorded before its
     * day; the other days from the daily cells recorded before the instant's day; and the instant's own day from
     * its deltas up to the instant. {@code ever} marks the rows that together hold every change recorded
     * whenever: the {@code fact:} cells' {@code ever − known} are the facts recorded after the instant. No unit
     * window starts or ends inside a whole month, so its first day places it in a report row. The deltas are
     * summed by cell before the join: a day holds thousands of them over a few hundred cells.
     */
    private static final String PERIOD_SQL = """
            WITH w AS (SELECT unit, d_from, d_to, child COLLATE "C" AS child FROM %2$s), c AS (
                SELECT unit_id, month AS day, figure, kind, channel, n, recorded_month < ? AS known, true AS ever
                FROM %1$s.intake_month_cells WHERE figure = ANY(?) AND month = ANY(?)
                UNION ALL
                SELECT unit_id, day, figure, kind, channel, n, true, false FROM %1$s.intake_cells
                WHERE recorded_on >= ? AND recorded_on < ? AND figure = ANY(?)
                    AND date_trunc('month', day)::date = ANY(?)
                UNION ALL
                SELECT unit_id, day, figure, kind, channel, n, recorded_on < ?, true FROM %1$s.intake_cells
                WHERE figure = ANY(?) AND day = ANY(?)
                UNION ALL
                SELECT unit_id, day, figure, kind, channel, sum(n)::bigint, true, false FROM %1$s.intake_cell_deltas
                WHERE recorded_at >= ? AND recorded_at <= ? AND day BETWEEN ? AND ? AND figure <> 'open'
                GROUP BY unit_id, day, figure, kind, channel
            )
            SELECT w.child, c.figure, c.kind, c.channel, sum(c.n) FILTER (WHERE c.known),
                sum(c.n) FILTER (WHERE c.ever)
            FROM c JOIN w ON c.unit_id = w.unit AND c.day BETWEEN w.d_from AND w.d_to
            GROUP BY 1, 2, 3, 4""";

    /**
     * Open at D recorded by the instant: the open cells folded by the first of D's month that months before the
     * instant's recorded (open, and overdue when due); the daily {@code open} cells recorded before the
     * instant's day that are not folded yet (dated in D's month up to D, or due in it or later) or that the
     * instant's month recorded; and the instant's own day from its deltas, summed by cell. At risk and overdue
     * come from each cell's clock, with the rules' fraction.
     */
    private static final String BACKLOG_SQL = """
            WITH w AS (SELECT unit, d_from, d_to, child COLLATE "C" AS child FROM %2$s), o AS (
                SELECT unit_id, kind, channel, clock_start, next_due, n FROM %1$s.intake_cells
                WHERE figure = 'open' AND day <= ? AND recorded_on < ?
                    AND (day >= ? OR (next_due >= ? AND day < ?) OR recorded_on >= ?)
                UNION ALL
                SELECT unit_id, kind, channel, clock_start, next_due, sum(n)::bigint FROM %1$s.intake_cell_deltas
                WHERE recorded_at >= ? AND recorded_at <= ? AND day <= ? AND figure = 'open'
                GROUP BY unit_id, kind, channel, clock_start, next_due
            ), b AS (
                SELECT unit_id, kind, channel, n,
                    n * (next_due IS NOT NULL AND ?::date <= next_due
                        AND (next_due - ?::date) <= ? * (next_due - clock_start))::int AS at_risk,
                    n * (next_due IS NOT NULL AND ?::date > next_due)::int AS overdue
                FROM o
                UNION ALL
                SELECT unit_id, kind, channel, n, 0, overdue_n FROM %1$s.intake_open_folded
                WHERE from_month <= ? AND recorded_month < ?
            )
            SELECT w.child, b.kind, b.channel, sum(b.n), sum(b.at_risk), sum(b.overdue)
            FROM b JOIN w ON b.unit_id = w.unit AND ?::date BETWEEN w.d_from AND w.d_to
            GROUP BY 1, 2, 3""";

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
    static final class Cube {
        final Map<String, Map<String, Map<String, Map<String, Long>>>> cells = new HashMap<>();

        void add(String row, String figure, String kind, String channel, long n) {
            if (n == 0) {
                return;
            }
            cells.computeIfAbsent(row, r -> new HashMap<>()).computeIfAbsent(figure, f -> new HashMap<>())
                    .computeIfAbsent(kind, k -> new HashMap<>()).merge(channel, n, Long::sum);
        }

        void addAll(Cube other) {
            other.cells.forEach((row, byFigure) -> byFigure.forEach((figure, byKind) -> byKind.forEach(
                    (kind, byChannel) -> byChannel.forEach((channel, n) -> add(row, figure, kind, channel, n)))));
        }

        long count(String row, String figure, String kind, String channel) {
            return cells.getOrDefault(row, Map.of()).getOrDefault(figure, Map.of()).getOrDefault(kind, Map.of())
                    .entrySet().stream().filter(e -> channel == null || e.getKey().equals(channel))
                    .mapToLong(Map.Entry::getValue).sum();
        }
    }

    /**
     * What "recorded by the instant" reads: monthly sums recorded in months before {@code month} (the instant's,
     * in Vietnam), daily cells recorded before {@code day}, and the deltas from {@code dayStart} up to
     * {@code until}. Without an instant, "everything recorded": every monthly sum and daily cell, no delta.
     */
    private record AsOf(Instant until, LocalDate day, Instant dayStart, LocalDate month) {
        static AsOf of(Instant asRecordedAt) {
            Instant until = asRecordedAt == null ? EVER : asRecordedAt;
            LocalDate day = LegalDates.vietnamDate(until);
            return new AsOf(until, day, day.atStartOfDay(LegalDates.VIETNAM).toInstant(), day.withDayOfMonth(1));
        }
    }

    /** What the report is built from: the cube, and the facts recorded after the instant by event type. */
    record Counts(Cube cube, Map<String, Long> recordedAfter) {}

    public IntakeReport report(String unit, ReportPeriod period, LocalDate backlogAsOf, Instant asRecordedAt) {
        UnitScope scope = UnitScope.of(units, unit, period.from(), period.to());
        UnitScope backlogScope = UnitScope.of(units, unit, backlogAsOf, backlogAsOf);
        String schema = projections.activeSchema(IntakeProjection.NAME);
        Cube cube = new Cube();
        Cube backlog = new Cube();
        Map<String, Long> later = new LinkedHashMap<>();
        try {
            ReportQueries.concurrently(dataSource,
                    c -> later.putAll(periodCounts(c, schema, scope, period, asRecordedAt, cube)),
                    c -> backlogCounts(c, schema, backlogScope, backlogAsOf, asRecordedAt, backlog));
        } catch (SQLException e) {
            throw ReportQueries.translate(e, config.queryTimeout());
        }
        cube.addAll(backlog);
        List<ReportRow> rows = rows(unit, scope, backlogScope, cube);
        return new IntakeReport(unit, units.unit(unit).nameVi(), period.from(), period.to(), backlogAsOf, asRecordedAt,
                units.version(), clock.version(), config.suppressBelow(), rows, asRecordedAt == null ? null : later);
    }

    /** The counts of one report, from the cells of {@code schema}, one statement after the other. */
    Counts counts(Connection c, String schema, UnitScope scope, UnitScope backlogScope, ReportPeriod period,
            LocalDate backlogAsOf, Instant asRecordedAt) throws SQLException {
        Cube cube = new Cube();
        Map<String, Long> later = periodCounts(c, schema, scope, period, asRecordedAt, cube);
        backlogCounts(c, schema, backlogScope, backlogAsOf, asRecordedAt, cube);
        return new Counts(cube, later);
    }

    /** Adds the period's figures to {@code cube}; returns the facts recorded after the instant, by type. */
    private Map<String, Long> periodCounts(Connection c, String schema, UnitScope scope, ReportPeriod period,
            Instant asRecordedAt, Cube cube) throws SQLException {
        AsOf asOf = AsOf.of(asRecordedAt);
        Map<String, Long> later = new TreeMap<>();
        if (!scope.isEmpty()) {
            PeriodSplit split = PeriodSplit.of(period, scope.windows());
            try (PreparedStatement s = ReportQueries.prepare(c, config.queryTimeout(),
                    PERIOD_SQL.formatted(schema, UnitScope.WINDOWS))) {
                Array figures = c.createArrayOf("text", ReportCells.PERIOD_FIGURES.toArray());
                Array months = dates(c, split.wholeMonths());
                int i = scope.bind(c, s, 1);
                Sql.date(s, i++, asOf.month());
                s.setArray(i++, figures);
                s.setArray(i++, months);
                Sql.date(s, i++, asOf.month());
                Sql.date(s, i++, asOf.day());
                s.setArray(i++, figures);
                s.setArray(i++, months);
                Sql.date(s, i++, asOf.day());
                s.setArray(i++, figures);
                s.setArray(i++, dates(c, split.days()));
                s.setTimestamp(i++, Timestamp.from(asOf.dayStart()));
                s.setTimestamp(i++, Timestamp.from(asOf.until()));
                Sql.date(s, i++, period.from());
                Sql.date(s, i, period.to());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        String figure = rs.getString(2);
                        long known = rs.getLong(5);
                        if (figure.startsWith(ReportCells.FACT)) {
                            long after = rs.getLong(6) - known;
                            if (after != 0) {
                                later.merge(figure.substring(ReportCells.FACT.length()), after, Long::sum);
                            }
                        } else {
                            cube.add(rs.getString(1), figure, rs.getString(3), rs.getString(4), known);
                        }
                    }
                }
            }
        }
        return new LinkedHashMap<>(later);
    }

    private static Array dates(Connection c, List<LocalDate> days) throws SQLException {
        return c.createArrayOf("date", days.stream().map(Date::valueOf).toArray());
    }

    /** Adds open, at risk and overdue on {@code backlogAsOf} to {@code cube}. */
    private void backlogCounts(Connection c, String schema, UnitScope backlogScope, LocalDate backlogAsOf,
            Instant asRecordedAt, Cube cube) throws SQLException {
        AsOf asOf = AsOf.of(asRecordedAt);
        if (backlogScope.isEmpty()) {
            return;
        }
        LocalDate month = backlogAsOf.withDayOfMonth(1);
        try (PreparedStatement s = ReportQueries.prepare(c, config.queryTimeout(),
                BACKLOG_SQL.formatted(schema, UnitScope.WINDOWS))) {
            int i = backlogScope.bind(c, s, 1);
            Sql.date(s, i++, backlogAsOf);
            Sql.date(s, i++, asOf.day());
            Sql.date(s, i++, month);
            Sql.date(s, i++, month);
            Sql.date(s, i++, month);
            Sql.date(s, i++, asOf.month());
            s.setTimestamp(i++, Timestamp.from(asOf.dayStart()));
            s.setTimestamp(i++, Timestamp.from(asOf.until()));
            Sql.date(s, i++, backlogAsOf);
            Sql.date(s, i++, backlogAsOf);
            Sql.date(s, i++, backlogAsOf);
            s.setBigDecimal(i++, clock.rules().atRiskFraction());
            Sql.date(s, i++, backlogAsOf);
            Sql.date(s, i++, month);
            Sql.date(s, i++, asOf.month());
            Sql.date(s, i, backlogAsOf);
            readBacklog(s, cube);
        }
    }

    private static void readBacklog(PreparedStatement s, Cube cube) throws SQLException {
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
