package vn.langnghe.reporting.search;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import vn.langnghe.contracts.events.SubmissionKind;
import vn.langnghe.contracts.reference.UnitTree;
import vn.langnghe.eventsourcing.store.SqlErrors;
import vn.langnghe.reporting.projection.Projections;
import vn.langnghe.reporting.projection.Sql;
import vn.langnghe.reporting.projection.forum.ForumProjection;
import vn.langnghe.reporting.projection.intake.IntakeProjection;
import vn.langnghe.reporting.report.ReportPeriod;
import vn.langnghe.reporting.report.UnitScope;
import vn.langnghe.servicekit.problem.InvalidInput;

/**
 * Accent-insensitive search over forum opinions' and submissions' public summaries: both sides folded by
 * {@code fold_vi} (unaccent, lower case, đ → d), the query as one phrase. Denunciations, crime reports and
 * opinions escalated as either are never searched: their summaries are not even stored. Newest first,
 * cursor-paginated on (date, id).
 */
@ApplicationScoped
public class SearchQueries {

    public enum Source { ALL, OPINIONS, SUBMISSIONS }

    public record Hit(String source, UUID id, LocalDate date, String unit, String topic, String kind, String nature,
            String summary) {}

    public record Page(List<Hit> items, String nextCursor) {}

    public record Query(String text, String unit, ReportPeriod period, String topic, SubmissionKind kind,
            Source source, String cursor, int limit) {}

    private static final String OPINIONS = """
            SELECT 'OPINION' AS source, o.opinion_id AS id, o.recorded_on AS day, o.unit_id, o.topic,
                   NULL::text AS kind, o.nature, o.public_summary
            FROM %1$s.forum_opinions o JOIN %2$s ON o.unit_id = w.unit AND o.recorded_on BETWEEN w.d_from AND w.d_to
            WHERE NOT o.sensitive AND o.summary_fold IS NOT NULL AND o.summary_fold LIKE ('%%' || (SELECT pattern FROM q) || '%%')
              AND o.recorded_on BETWEEN ? AND ? AND (?::text IS NULL OR o.topic = ?)""";

    private static final String SUBMISSIONS = """
            SELECT 'SUBMISSION' AS source, s.submission_id AS id, s.received_on AS day, s.unit_id, s.topic,
                   s.kind, NULL::text AS nature, s.public_summary
            FROM %1$s.intake_submissions s JOIN %2$s ON s.unit_id = w.unit AND s.received_on BETWEEN w.d_from AND w.d_to
            WHERE NOT s.sensitive AND s.kind NOT IN ('DENUNCIATION', 'CRIME_REPORT') AND s.summary_fold IS NOT NULL
              AND s.summary_fold LIKE ('%%' || (SELECT pattern FROM q) || '%%') AND s.received_on BETWEEN ? AND ?
              AND (?::text IS NULL OR s.topic = ?) AND (?::text IS NULL OR s.kind = ?)""";

    private final DataSource dataSource;
    private final Projections projections;
    private final UnitTree units;

    SearchQueries(DataSource dataSource, Projections projections, UnitTree units) {
        this.dataSource = dataSource;
        this.projections = projections;
        this.units = units;
    }

    public Page search(Query q) {
        boolean opinions = q.source() != Source.SUBMISSIONS && q.kind() == null;
        boolean submissions = q.source() != Source.OPINIONS;
        UnitScope scope = UnitScope.of(units, q.unit(), q.period().from(), q.period().to());
        String[] after = decodeCursor(q.cursor());
        List<String> parts = new ArrayList<>();
        if (opinions) {
            parts.add(OPINIONS.formatted(projections.activeSchema(ForumProjection.NAME), UnitScope.WINDOWS));
        }
        if (submissions) {
            parts.add(SUBMISSIONS.formatted(projections.activeSchema(IntakeProjection.NAME), UnitScope.WINDOWS));
        }
        if (parts.isEmpty() || scope.isEmpty()) {
            return new Page(List.of(), null);
        }
        String sql = "WITH q AS (SELECT replace(replace(replace(public.fold_vi(?), '\\', '\\\\'), '%', '\\%'),"
                + " '_', '\\_') AS pattern) SELECT * FROM (" + String.join(" UNION ALL ", parts)
                + ") x WHERE (?::date IS NULL OR (x.day, x.id::text) < (?::date, ?::text))"
                + " ORDER BY x.day DESC, x.id::text DESC LIMIT ?";
        List<Hit> hits = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            c.setReadOnly(true);
            int i = 1;
            s.setString(i++, q.text());
            if (opinions) {
                i = scope.bind(c, s, i);
                Sql.date(s, i++, q.period().from());
                Sql.date(s, i++, q.period().to());
                Sql.text(s, i++, q.topic());
                Sql.text(s, i++, q.topic());
            }
            if (submissions) {
                i = scope.bind(c, s, i);
                Sql.date(s, i++, q.period().from());
                Sql.date(s, i++, q.period().to());
                Sql.text(s, i++, q.topic());
                Sql.text(s, i++, q.topic());
                Sql.text(s, i++, q.kind() == null ? null : q.kind().name());
                Sql.text(s, i++, q.kind() == null ? null : q.kind().name());
            }
            Sql.date(s, i++, after == null ? null : LocalDate.parse(after[0]));
            Sql.date(s, i++, after == null ? null : LocalDate.parse(after[0]));
            Sql.text(s, i++, after == null ? null : after[1]);
            s.setInt(i, q.limit() + 1);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    hits.add(new Hit(rs.getString("source"), rs.getObject("id", UUID.class), Sql.date(rs, "day"),
                            rs.getString("unit_id"), rs.getString("topic"), rs.getString("kind"), rs.getString("nature"),
                            rs.getString("public_summary")));
                }
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
        String next = null;
        if (hits.size() > q.limit()) {
            hits = hits.subList(0, q.limit());
            Hit last = hits.getLast();
            next = encodeCursor(last.date() + "|" + last.id());
        }
        return new Page(List.copyOf(hits), next);
    }

    static String encodeCursor(String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    static String[] decodeCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            LocalDate.parse(parts[0]);
            UUID.fromString(parts[1]);
            return parts;
        } catch (RuntimeException e) {
            throw new InvalidInput("cursor", "is not a cursor this endpoint returned");
        }
    }
}
