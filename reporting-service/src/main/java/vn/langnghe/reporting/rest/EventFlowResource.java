package vn.langnghe.reporting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.langnghe.reporting.projection.flow.EventFlowQueries;
import vn.langnghe.reporting.projection.flow.EventFlowQueries.FlowRow;
import vn.langnghe.servicekit.problem.InvalidInput;
import vn.langnghe.servicekit.security.Roles;

/** Events per source, type and day: the pipeline seen from the analysts' side. */
@Path("/api/v1/reports/event-flow")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports / Báo cáo")
public class EventFlowResource {

    private static final int MAX_DAYS = 731;

    private final EventFlowQueries queries;

    EventFlowResource(EventFlowQueries queries) {
        this.queries = queries;
    }

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "Events per source, type and day (Asia/Ho_Chi_Minh) between two dates, inclusive")
    public List<FlowRow> flow(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate start = day("from", from);
        LocalDate end = day("to", to);
        if (end.isBefore(start)) {
            throw new InvalidInput("to", "must not be before from");
        }
        if (start.plusDays(MAX_DAYS).isBefore(end)) {
            throw new InvalidInput("to", "a period is at most " + MAX_DAYS + " days");
        }
        return queries.between(start, end);
    }

    private static LocalDate day(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput(name, "is required (yyyy-MM-dd)");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInput(name, "must be an ISO date such as 2019-06-30");
        }
    }
}
