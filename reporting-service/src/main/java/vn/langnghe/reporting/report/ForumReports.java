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
import vn.langnghe.contracts.events.EscalationOutcome;
import vn.langnghe.contracts.events.OpinionNature;
import vn.langnghe.contracts.events.ParticipantGroup;
import vn.langnghe.contracts.events.SessionKind;
import vn.langnghe.contracts.events.SubmissionKind;
import vn.langnghe.contracts.reference.TopicTaxonomy;
import vn.langnghe.contracts.reference.UnitTree;
import vn.langnghe.intake.domain.clock.Timeliness;
import vn.langnghe.reporting.config.ReportingConfig;
import vn.langnghe.reporting.projection.Projections;
import vn.langnghe.reporting.projection.Sql;
import vn.langnghe.reporting.projection.forum.ForumProjection;

/** The forum report: every forum figure of docs/metrics.md, per child unit, from {@code forum_facts}. */
@ApplicationScoped
public class ForumReports {

    public static final List<String> FIGURES = List.of("held", "scheduled", "attendance", "opinions",
            "opinionsByNature", "opinionsBySpeakerGroup", "answeredOnTheSpot", "followedUp", "followUpsAnswered",
            "followUpsOpen", "followUpsOverdue", "escalated", "escalationOutcomes", "commitmentsMade",
            "commitmentsFulfilled");
    private static final String TOTAL_KEY = "*";
    /** The dimension of a figure that has only a total. */
    private static final String ALL = "*";

    public record ForumReport(String unit, String unitName, LocalDate from, LocalDate to, LocalDate backlogAsOf,
            Instant asRecordedAt, String unitsVersion, String topicsVersion, int suppressBelow, List<ReportRow> rows,
            Map<String, Long> recordedAfter) {}

    private static final String PERIOD_SQL = """
            SELECT w.child, x.figure, x.dim, sum(x.n)
            FROM %1$s.forum_facts f JOIN %2$s ON f.unit_id = w.unit AND f.effective_on BETWEEN w.d_from AND w.d_to
            CROSS JOIN LATERAL (VALUES
                (CASE WHEN f.event_type = 'forum.ForumOpened.v1' THEN 'held' END, f.session_kind, 1),
                (CASE WHEN f.event_type = 'forum.ForumScheduled.v1' THEN 'scheduled' END, f.session_kind, 1),
                (CASE WHEN f.event_type = 'forum.ForumOpened.v1' THEN 'attendance' END, '*', f.attendance_total),
                (CASE WHEN f.event_type = 'forum.OpinionRecorded.v1' THEN 'opinions' END, f.topic, 1),
                (CASE WHEN f.event_type = 'forum.OpinionRecorded.v1' THEN 'opinionsByNature' END, f.nature, 1),
                (CASE WHEN f.event_type = 'forum.OpinionRecorded.v1' THEN 'opinionsBySpeakerGroup' END,
                    f.speaker_group, 1),
                (CASE WHEN f.event_type = 'forum.OpinionAnsweredOnTheSpot.v1' THEN 'answeredOnTheSpot' END, f.topic, 1),
                (CASE WHEN f.event_type = 'forum.FollowUpCreated.v1' THEN 'followedUp' END, f.topic, 1),
                (CASE WHEN f.event_type = 'forum.FollowUpAnswered.v1' THEN 'followUpsAnswered' END, f.timeliness, 1),
                (CASE WHEN f.event_type = 'forum.OpinionEscalated.v1' THEN 'escalated' END, f.escalated_kind, 1),
                (CASE WHEN f.event_type = 'forum.EscalationOutcomeRecorded.v1' THEN 'escalationOutcomes' END,
                    f.escalation_outcome, 1),
                (CASE WHEN f.commitment THEN 'commitmentsMade' END, '*', 1),
                (CASE WHEN f.event_type = 'forum.CommitmentFulfilled.v1' THEN 'commitmentsFulfilled' END, '*', 1)
            ) AS x(figure, dim, n)
            WHERE x.figure IS NOT NULL AND f.effective_on BETWEEN ? AND ? AND f.recorded_at <= ?
            GROUP BY 1, 2, 3
            UNION ALL
            SELECT w.child, 'attendanceByGroup', g.key, sum(g.value::bigint)
            FROM %1$s.forum_facts f JOIN %2$s ON f.unit_id = w.unit AND f.effective_on BETWEEN w.d_from AND w.d_to
            CROSS JOIN LATERAL jsonb_each_text(f.attendance) AS g(key, value)
            WHERE f.event_type = 'forum.ForumOpened.v1' AND f.effective_on BETWEEN ? AND ? AND f.recorded_at <= ?
            GROUP BY 1, 2, 3""";

    private static final String FOLLOW_UPS_SQL = """
            SELECT w.child, count(*), count(*) FILTER (WHERE c.due_on < ?::date)
            FROM %1$s.forum_facts c JOIN %2$s ON c.unit_id = w.unit AND ?::date BETWEEN w.d_from AND w.d_to
            WHERE c.event_type = 'forum.FollowUpCreated.v1' AND c.effective_on <= ? AND c.recorded_at <= ?
              AND NOT EXISTS (SELECT 1 FROM %1$s.forum_facts a WHERE a.opinion_id = c.opinion_id
                  AND a.event_type IN ('forum.FollowUpAnswered.v1', 'forum.EscalationOutcomeRecorded.v1')
                  AND a.effective_on <= ? AND a.recorded_at <= ?)
            GROUP BY 1""";

    private static final String LATER_SQL = """
            SELECT f.event_type, count(*) FROM %1$s.forum_facts f JOIN %2$s
              ON f.unit_id = w.unit AND f.effective_on BETWEEN w.d_from AND w.d_to
            WHERE f.effective_on BETWEEN ? AND ? AND f.recorded_at > ?
            GROUP BY 1 ORDER BY 1""";

    private final DataSource dataSource;
    private final Projections projections;
    private final UnitTree units;
    private final TopicTaxonomy topics;
    private final ReportingConfig config;

    ForumReports(DataSource dataSource, Projections projections, UnitTree units, TopicTaxonomy topics,
            ReportingConfig config) {
        this.dataSource = dataSource;
        this.projections = projections;
        this.units = units;
        this.topics = topics;
        this.config = config;
    }

    public ForumReport report(String unit, ReportPeriod period, LocalDate backlogAsOf, Instant asRecordedAt) {
        UnitScope scope = UnitScope.of(units, unit, period.from(), period.to());
        UnitScope backlogScope = UnitScope.of(units, unit, backlogAsOf, backlogAsOf);
        Timestamp until = Timestamp.from(asRecordedAt == null ? IntakeReports.EVER : asRecordedAt);
        String schema = projections.activeSchema(ForumProjection.NAME);
        Map<String, Map<String, Map<String, Long>>> cube = new HashMap<>();
        Map<String, Long> later = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            c.setReadOnly(true);
            if (!scope.isEmpty()) {
                try (PreparedStatement s = ReportQueries.prepare(c, config.queryTimeout(), PERIOD_SQL.formatted(schema, UnitScope.WINDOWS))) {
                    int i = scope.bind(c, s, 1);
                    Sql.date(s, i++, period.from());
                    Sql.date(s, i++, period.to());
                    s.setTimestamp(i++, until);
                    i = scope.bind(c, s, i);
                    Sql.date(s, i++, period.from());
                    Sql.date(s, i++, period.to());
                    s.setTimestamp(i, until);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            String figure = rs.getString(2);
                            if ("attendanceByGroup".equals(figure)) {
                                figure = "attendance";
                            }
                            add(cube, rs.getString(1), figure, rs.getString(3), rs.getLong(4));
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
                try (PreparedStatement s = ReportQueries.prepare(c, config.queryTimeout(), FOLLOW_UPS_SQL.formatted(schema, UnitScope.WINDOWS))) {
                    int i = 1;
                    Sql.date(s, i++, backlogAsOf);
                    i = backlogScope.bind(c, s, i);
                    Sql.date(s, i++, backlogAsOf);
                    Sql.date(s, i++, backlogAsOf);
                    s.setTimestamp(i++, until);
                    Sql.date(s, i++, backlogAsOf);
                    s.setTimestamp(i, until);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            add(cube, rs.getString(1), "followUpsOpen", ALL, rs.getLong(2));
                            add(cube, rs.getString(1), "followUpsOverdue", ALL, rs.getLong(3));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw ReportQueries.translate(e, config.queryTimeout());
        }
        return new ForumReport(unit, units.unit(unit).nameVi(), period.from(), period.to(), backlogAsOf, asRecordedAt,
                units.version(), topics.version(), config.suppressBelow(), rows(unit, scope, backlogScope, cube),
                asRecordedAt == null ? null : later);
    }

    private static void add(Map<String, Map<String, Map<String, Long>>> cube, String row, String figure, String dim,
            long n) {
        cube.computeIfAbsent(row, r -> new HashMap<>()).computeIfAbsent(figure, f -> new HashMap<>())
                .merge(dim == null ? "UNKNOWN" : dim, n, Long::sum);
    }

    private List<ReportRow> rows(String unit, UnitScope scope, UnitScope backlogScope,
            Map<String, Map<String, Map<String, Long>>> cube) {
        Set<String> children = new LinkedHashSet<>(scope.children());
        children.addAll(backlogScope.children());
        List<Suppression.Row> shape = new ArrayList<>();
        shape.add(new Suppression.Row(TOTAL_KEY, ReportRow.TOTAL, ward(unit)));
        shape.add(new Suppression.Row(unit, ReportRow.SELF, ward(unit)));
        children.forEach(child -> shape.add(new Suppression.Row(child, ReportRow.CHILD, ward(child))));
        for (Suppression.Row part : shape.subList(1, shape.size())) {
            cube.getOrDefault(part.key(), Map.of()).forEach((figure, dims) ->
                    dims.forEach((dim, n) -> add(cube, TOTAL_KEY, figure, dim, n)));
        }
        String denunciation = SubmissionKind.DENUNCIATION.name();
        Set<String> hidden = Suppression.hidden(shape, row -> cube.getOrDefault(row, Map.of())
                .getOrDefault("escalated", Map.of()).getOrDefault(denunciation, 0L), config.suppressBelow());
        List<ReportRow> rows = new ArrayList<>();
        for (Suppression.Row row : shape) {
            Map<String, Map<String, Long>> data = cube.getOrDefault(row.key(), Map.of());
            Map<String, Figure> figures = new LinkedHashMap<>();
            List<String> suppressed = new ArrayList<>();
            for (String figure : FIGURES) {
                Map<String, Long> dims = data.getOrDefault(figure, Map.of());
                List<String> order = dimensions(figure);
                Map<String, Long> by = null;
                long total;
                if (order.isEmpty()) {
                    total = dims.getOrDefault(ALL, 0L);
                } else {
                    by = new LinkedHashMap<>();
                    for (String dim : order) {
                        by.put(dim, dims.getOrDefault(dim, 0L));
                    }
                    boolean hide = "escalated".equals(figure) && hidden.contains(row.key());
                    if (hide) {
                        by.put(denunciation, null);
                        suppressed.add("escalated." + denunciation);
                    }
                    total = "attendance".equals(figure) ? dims.getOrDefault(ALL, 0L)
                            : by.values().stream().filter(v -> v != null).mapToLong(Long::longValue).sum();
                }
                figures.put(figure, new Figure(total, null, null, null, by));
            }
            String code = TOTAL_KEY.equals(row.key()) ? unit : row.key();
            rows.add(new ReportRow(code, units.unit(code).nameVi(), units.unit(code).level().name(), row.role(),
                    figures, suppressed));
        }
        return rows;
    }

    /** The breakdown of each figure, in display order; empty for a figure with a total only. */
    private List<String> dimensions(String figure) {
        return switch (figure) {
            case "held", "scheduled" -> names(SessionKind.values());
            case "attendance", "opinionsBySpeakerGroup" -> names(ParticipantGroup.values());
            case "opinions", "answeredOnTheSpot", "followedUp" -> topics.all().stream().map(t -> t.code()).toList();
            case "opinionsByNature" -> names(OpinionNature.values());
            case "followUpsAnswered" -> names(Timeliness.values());
            case "escalated" -> List.of(SubmissionKind.COMPLAINT.name(), SubmissionKind.DENUNCIATION.name(),
                    SubmissionKind.CRIME_REPORT.name());
            case "escalationOutcomes" -> names(EscalationOutcome.values());
            default -> List.of();
        };
    }

    private static List<String> names(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(Enum::name).toList();
    }

    private boolean ward(String code) {
        return UnitScope.isWardLevel(units.unit(code).level());
    }

    /** One line per row, figure and breakdown value (the figure's total on the line with an empty value). */
    public static byte[] csv(ForumReport report) {
        Csv csv = new Csv();
        csv.row(List.of("unit", "name", "level", "role", "figure", "breakdown", "count"));
        String hidden = "<" + report.suppressBelow();
        for (ReportRow row : report.rows()) {
            row.figures().forEach((name, figure) -> {
                csv.row(java.util.Arrays.asList(row.unit(), row.name(), row.level(), row.role(), name, "",
                        figure.total()));
                if (figure.by() != null) {
                    figure.by().forEach((dim, n) -> csv.row(java.util.Arrays.asList(row.unit(), row.name(),
                            row.level(), row.role(), name, dim, n == null ? hidden : n)));
                }
            });
        }
        return csv.bytes();
    }
}
