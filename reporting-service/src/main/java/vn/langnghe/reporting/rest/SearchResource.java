package vn.langnghe.reporting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.langnghe.contracts.events.SubmissionKind;
import vn.langnghe.contracts.reference.TopicTaxonomy;
import vn.langnghe.reporting.projection.intake.IntakeProjection;
import vn.langnghe.reporting.report.ReportPeriod;
import vn.langnghe.reporting.search.SearchQueries;
import vn.langnghe.reporting.search.SearchQueries.Page;
import vn.langnghe.reporting.search.SearchQueries.Query;
import vn.langnghe.reporting.search.SearchQueries.Source;
import vn.langnghe.servicekit.http.PageLimit;
import vn.langnghe.servicekit.problem.InvalidInput;
import vn.langnghe.servicekit.security.Roles;
import vn.langnghe.servicekit.text.Text;

/** Accent-insensitive search over public summaries; never a denunciation's or crime report's. */
@Path("/api/v1/search")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Search / Tìm kiếm")
public class SearchResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private final ReportAccess access;
    private final SearchQueries queries;
    private final TopicTaxonomy topics;

    SearchResource(ReportAccess access, SearchQueries queries, TopicTaxonomy topics) {
        this.access = access;
        this.queries = queries;
        this.topics = topics;
    }

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "Search forum opinions' and submissions' public summaries (\"tin dung den\" finds"
            + " \"tín dụng đen\"); newest first, cursor-paginated")
    public Page search(
            @Parameter(description = "words to find, 2..200 characters, accents optional") @QueryParam("q") String q,
            @Parameter(description = "unit code; default the caller's unit") @QueryParam("unit") String unit,
            @Parameter(description = "first day (yyyy-MM-dd); default 2000-01-01") @QueryParam("from") String from,
            @Parameter(description = "last day (yyyy-MM-dd); default today") @QueryParam("to") String to,
            @Parameter(description = "topic code") @QueryParam("topic") String topic,
            @Parameter(description = "submission kind (TIP, COMPLAINT, PETITION); only submissions")
                    @QueryParam("kind") String kind,
            @Parameter(description = "all (default), opinions or submissions") @QueryParam("source") String source,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "1..200, default 50", schema = @Schema(type = SchemaType.INTEGER))
                    @QueryParam(PageLimit.NAME) String limit) {
        String text = Text.clean("q", q);
        if (text == null || text.codePointCount(0, text.length()) < 2 || text.length() > 200) {
            throw new InvalidInput("q", "must be 2..200 characters");
        }
        text = text.replaceAll("\\s+", " ");
        LocalDate start = from == null || from.isBlank() ? LocalDate.of(2000, 1, 1) : ReportPeriod.day("from", from);
        LocalDate end = to == null || to.isBlank() ? access.today() : ReportPeriod.day("to", to);
        if (end.isBefore(start)) {
            throw new InvalidInput("to", "must not be before from");
        }
        String topicCode = topic == null || topic.isBlank() ? null : topic.strip();
        if (topicCode != null && !topics.isKnown(topicCode)) {
            throw new InvalidInput("topic", "unknown topic code '" + topicCode + "'");
        }
        SubmissionKind submissionKind = null;
        if (kind != null && !kind.isBlank()) {
            try {
                submissionKind = SubmissionKind.valueOf(kind.strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidInput("kind", "must be a submission kind");
            }
            if (IntakeProjection.SENSITIVE_KINDS.contains(submissionKind)) {
                throw new InvalidInput("kind", "denunciations and crime reports are never searchable");
            }
        }
        Source from2 = Source.ALL;
        if (source != null && !source.isBlank()) {
            try {
                from2 = Source.valueOf(source.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInput("source", "must be all, opinions or submissions");
            }
        }
        int size = PageLimit.of(limit, DEFAULT_LIMIT, MAX_LIMIT);
        String code = access.unit(unit, end);
        return queries.search(new Query(text, code, new ReportPeriod(start, end), topicCode, submissionKind, from2,
                cursor, size));
    }
}
