package vn.langnghe.reporting.report;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import vn.langnghe.contracts.reference.UnitTree;
import vn.langnghe.reporting.config.ReportingConfig;
import vn.langnghe.reporting.projection.Projections;
import vn.langnghe.reporting.projection.Sql;
import vn.langnghe.reporting.projection.forum.ForumProjection;
import vn.langnghe.reporting.projection.intake.IntakeProjection;
import vn.langnghe.servicekit.problem.InvalidInput;

/** Topics per child unit over time: forum opinions and intake submissions (denunciations left out). */
@ApplicationScoped
public class TopicTrends {

    public static final int MAX_BUCKETS = 120;

    public enum Granularity { MONTH, QUARTER, YEAR }

    public record TrendPoint(String unit, String name, String bucket, String topic, long opinions, long submissions) {}

    public record TopicTrend(String unit, String unitName, LocalDate from, LocalDate to, String granularity,
            Instant asRecordedAt, String unitsVersion, List<TrendPoint> points) {}

    private static final String SQL = """
            SELECT w.child, date_trunc(?, f.effective_on)::date, f.topic, 'opinions', count(*)
            FROM %1$s.forum_facts f JOIN %3$s ON f.unit_id = w.unit AND f.effective_on BETWEEN w.d_from AND w.d_to
            WHERE f.event_type = 'forum.OpinionRecorded.v1' AND f.effective_on BETWEEN ? AND ? AND f.recorded_at <= ?
            GROUP BY 1, 2, 3
            UNION ALL
            SELECT x.child, date_trunc(?, x.effective_on)::date, coalesce(l.topic, 'OTHER'), 'submissions', count(*)
            FROM (SELECT f.submission_id, f.effective_on, w.child FROM %2$s.intake_facts f
                  JOIN %3$s ON f.unit_id = w.unit AND f.effective_on BETWEEN w.d_from AND w.d_to
                  WHERE f.event_type = 'intake.SubmissionReceived.v1' AND f.effective_on BETWEEN ? AND ?
                    AND f.recorded_at <= ?) x
            JOIN LATERAL (SELECT l.topic, l.kind FROM %2$s.intake_facts l
                  WHERE l.submission_id = x.submission_id AND l.recorded_at <= ?
                  ORDER BY l.version DESC LIMIT 1) l ON true
            WHERE l.kind <> 'DENUNCIATION'
            GROUP BY 1, 2, 3""";

    private final DataSource dataSource;
    private final Projections projections;
    private final UnitTree units;
    private final ReportingConfig config;

    TopicTrends(DataSource dataSource, Projections projections, UnitTree units, ReportingConfig config) {
        this.dataSource = dataSource;
        this.projections = projections;
        this.units = units;
        this.config = config;
    }

    public static Granularity granularity(String value) {
        if (value == null || value.isBlank()) {
            return Granularity.MONTH;
        }
        try {
            return Granularity.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("granularity", "must be month, quarter or year");
        }
    }

    public TopicTrend trend(String unit, ReportPeriod period, Granularity granularity, Instant asRecordedAt) {
        long buckets = switch (granularity) {
            case MONTH -> ChronoUnit.MONTHS.between(period.from().withDayOfMonth(1), period.to()) + 1;
            case QUARTER -> ChronoUnit.MONTHS.between(period.from().withDayOfMonth(1), period.to()) / 3 + 1;
            case YEAR -> period.to().getYear() - period.from().getYear() + 1;
        };
        if (buckets > MAX_BUCKETS) {
            throw new InvalidInput("granularity", "at most " + MAX_BUCKETS + " buckets; choose a coarser granularity");
        }
        UnitScope scope = UnitScope.of(units, unit, period.from(), period.to());
        Timestamp until = Timestamp.from(asRecordedAt == null ? IntakeReports.EVER : asRecordedAt);
        String trunc = granularity.name().toLowerCase(java.util.Locale.ROOT);
        // key: child, bucket, topic → [opinions, submissions]
        Map<String, long[]> counts = new TreeMap<>();
        if (!scope.isEmpty()) {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement s = ReportQueries.prepare(c, config.queryTimeout(), SQL.formatted(projections.activeSchema(ForumProjection.NAME),
                            projections.activeSchema(IntakeProjection.NAME), UnitScope.WINDOWS))) {
                c.setReadOnly(true);
                int i = 1;
                s.setString(i++, trunc);
                i = scope.bind(c, s, i);
                Sql.date(s, i++, period.from());
                Sql.date(s, i++, period.to());
                s.setTimestamp(i++, until);
                s.setString(i++, trunc);
                i = scope.bind(c, s, i);
                Sql.date(s, i++, period.from());
                Sql.date(s, i++, period.to());
                s.setTimestamp(i++, until);
                s.setTimestamp(i, until);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        String key = rs.getString(1) + "\u0000" + bucket(rs.getDate(2).toLocalDate(), granularity)
                                + "\u0000" + rs.getString(3);
                        long[] pair = counts.computeIfAbsent(key, k -> new long[2]);
                        pair["opinions".equals(rs.getString(4)) ? 0 : 1] += rs.getLong(5);
                    }
                }
            } catch (SQLException e) {
                throw ReportQueries.translate(e, config.queryTimeout());
            }
        }
        List<TrendPoint> points = new ArrayList<>();
        counts.forEach((key, pair) -> {
            String[] parts = key.split("\u0000");
            points.add(new TrendPoint(parts[0], units.unit(parts[0]).nameVi(), parts[1], parts[2], pair[0], pair[1]));
        });
        List<String> order = new ArrayList<>(scope.children());
        order.addFirst(unit);
        points.sort(Comparator.comparing((TrendPoint p) -> order.indexOf(p.unit())).thenComparing(TrendPoint::bucket)
                .thenComparing(TrendPoint::topic));
        return new TopicTrend(unit, units.unit(unit).nameVi(), period.from(), period.to(), trunc, asRecordedAt,
                units.version(), points);
    }

    static String bucket(LocalDate start, Granularity granularity) {
        return switch (granularity) {
            case MONTH -> start.toString().substring(0, 7);
            case QUARTER -> start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
            case YEAR -> Integer.toString(start.getYear());
        };
    }

    public static byte[] csv(TopicTrend trend) {
        Csv csv = new Csv();
        csv.row(List.of("unit", "name", "bucket", "topic", "opinions", "submissions"));
        trend.points().forEach(p -> csv.row(List.of(p.unit(), p.name(), p.bucket(), p.topic(), p.opinions(),
                p.submissions())));
        return csv.bytes();
    }
}
