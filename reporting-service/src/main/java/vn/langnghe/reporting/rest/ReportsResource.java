package vn.langnghe.reporting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.langnghe.reporting.report.ForumReports;
import vn.langnghe.reporting.report.ForumReports.ForumReport;
import vn.langnghe.reporting.report.IntakeReports;
import vn.langnghe.reporting.report.IntakeReports.IntakeReport;
import vn.langnghe.reporting.report.ReportPeriod;
import vn.langnghe.reporting.report.TopicTrends;
import vn.langnghe.reporting.report.TopicTrends.TopicTrend;
import vn.langnghe.servicekit.problem.InvalidInput;
import vn.langnghe.servicekit.security.Roles;

/** The analysts' reports (docs/metrics.md): JSON, or CSV with {@code Accept: text/csv} or {@code format=csv}. */
@Path("/api/v1/reports")
@Produces({MediaType.APPLICATION_JSON, "text/csv"})
@Tag(name = "Reports / Báo cáo")
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
public class ReportsResource {

    private final ReportAccess access;
    private final IntakeReports intake;
    private final ForumReports forums;
    private final TopicTrends trends;

    ReportsResource(ReportAccess access, IntakeReports intake, ForumReports forums, TopicTrends trends) {
        this.access = access;
        this.intake = intake;
        this.forums = forums;
        this.trends = trends;
    }

    @GET
    @Path("/intake")
    @Operation(summary = "Intake figures of a unit subtree for a period, per child unit (docs/metrics.md)")
    @APIResponse(responseCode = "200", description = "the report", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IntakeReport.class)),
        @Content(mediaType = "text/csv")})
    public Response intake(
            @Parameter(description = "unit code; default the caller's unit") @QueryParam("unit") String unit,
            @Parameter(description = "2022, 2022-H1, 2022-Q3 or 2022-07") @QueryParam("period") String period,
            @Parameter(description = "first day (yyyy-MM-dd), with to") @QueryParam("from") String from,
            @Parameter(description = "last day (yyyy-MM-dd), inclusive") @QueryParam("to") String to,
            @Parameter(description = "backlog day; default the period's last day") @QueryParam("asOf") String asOf,
            @Parameter(description = "only facts recorded by this instant (or the end of this date)")
                    @QueryParam("asRecordedAt") String asRecordedAt,
            @Parameter(description = "json or csv") @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        ReportPeriod p = ReportPeriod.parse(period, from, to);
        Instant recordedAt = ReportAccess.asRecordedAt(asRecordedAt);
        IntakeReport report = intake.report(unitIn(unit, p), p, ReportAccess.asOf(asOf, p), recordedAt);
        return ReportAccess.wantsCsv(format, headers)
                ? ReportAccess.csv(IntakeReports.csv(report), "intake-" + report.unit() + "-" + p.from() + "-" + p.to()
                        + ".csv")
                : Response.ok(report, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/forums")
    @Operation(summary = "Forum and resident-meeting figures of a unit subtree for a period, per child unit")
    @APIResponse(responseCode = "200", description = "the report", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ForumReport.class)),
        @Content(mediaType = "text/csv")})
    public Response forums(
            @QueryParam("unit") String unit,
            @QueryParam("period") String period,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @Parameter(description = "follow-up backlog day; default the period's last day") @QueryParam("asOf")
                    String asOf,
            @QueryParam("asRecordedAt") String asRecordedAt,
            @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        ReportPeriod p = ReportPeriod.parse(period, from, to);
        Instant recordedAt = ReportAccess.asRecordedAt(asRecordedAt);
        ForumReport report = forums.report(unitIn(unit, p), p, ReportAccess.asOf(asOf, p), recordedAt);
        return ReportAccess.wantsCsv(format, headers)
                ? ReportAccess.csv(ForumReports.csv(report), "forums-" + report.unit() + "-" + p.from() + "-" + p.to()
                        + ".csv")
                : Response.ok(report, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/topics/trend")
    @Operation(summary = "Forum opinions and submissions (denunciations left out) per child unit, period bucket"
            + " and topic")
    @APIResponse(responseCode = "200", description = "the trend", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TopicTrend.class)),
        @Content(mediaType = "text/csv")})
    public Response trend(
            @QueryParam("unit") String unit,
            @QueryParam("period") String period,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @Parameter(description = "month (default), quarter or year") @QueryParam("granularity") String granularity,
            @QueryParam("asRecordedAt") String asRecordedAt,
            @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        ReportPeriod p = ReportPeriod.parse(period, from, to);
        TopicTrend trend = trends.trend(unitIn(unit, p), p, TopicTrends.granularity(granularity),
                ReportAccess.asRecordedAt(asRecordedAt));
        return ReportAccess.wantsCsv(format, headers)
                ? ReportAccess.csv(TopicTrends.csv(trend), "topics-" + trend.unit() + "-" + p.from() + "-" + p.to()
                        + ".csv")
                : Response.ok(trend, MediaType.APPLICATION_JSON).build();
    }

    private String unitIn(String unit, ReportPeriod p) {
        String code = access.unit(unit, p.to());
        if (vn.langnghe.reporting.report.UnitScope.of(access.units(), code, p.from(), p.to()).isEmpty()) {
            throw new InvalidInput("unit", code + " did not exist in " + p.from() + ".." + p.to());
        }
        return code;
    }
}
