package vn.langnghe.reporting.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.langnghe.reporting.report.ReportQueries.ReportTooSlow;
import vn.langnghe.servicekit.problem.Problem;

/** Problem answers of reporting's own failures (the shared ones are in service-kit's ProblemMappers). */
public class ReportProblems {

    private static final Logger LOG = Logger.getLogger(ReportProblems.class);

    /** Not the database lost: this report is too big to compute in time. Asking again now would not help. */
    @ServerExceptionMapper
    public Response tooSlow(ReportTooSlow e, UriInfo uri) {
        LOG.warnf("report %s stopped after %d s", uri.getRequestUri(), e.limit().toSeconds());
        return Response.fromResponse(Problem.of("report-too-slow", "Báo cáo chạy quá lâu / The report took too long",
                                Status.SERVICE_UNAVAILABLE, "the report ran longer than " + e.limit().toSeconds()
                                        + " s and was stopped; ask for a smaller unit or a shorter period")
                        .at(uri.getPath()).toResponse())
                .header(HttpHeaders.RETRY_AFTER, 600)
                .build();
    }
}
