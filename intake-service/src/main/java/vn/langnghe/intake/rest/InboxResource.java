package vn.langnghe.intake.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.langnghe.intake.application.SubmissionRows;
import vn.langnghe.servicekit.http.PageLimit;
import vn.langnghe.servicekit.security.Roles;

/** The officer's inbox: open submissions of their unit subtree, most urgent legal deadline first. */
@Path("/api/v1/inbox")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inbox / Hộp việc")
public class InboxResource {

    private final SubmissionRows rows;
    private final SubmissionAccess access;

    InboxResource(SubmissionRows rows, SubmissionAccess access) {
        this.rows = rows;
        this.access = access;
    }

    @GET
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "Open submissions of my unit subtree, sorted by due date, with at-risk and overdue marked")
    public List<SubmissionView> inbox(
            @Parameter(description = "1..500, default 100", schema = @Schema(type = SchemaType.INTEGER))
            @QueryParam(PageLimit.NAME) String limit) {
        int size = PageLimit.of(limit, 100, 500);
        return rows.inbox(access.officerSubtree(), size).stream().map(access::view).toList();
    }
}
