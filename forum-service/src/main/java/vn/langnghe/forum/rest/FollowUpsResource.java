package vn.langnghe.forum.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.langnghe.forum.application.ForumRows;
import vn.langnghe.forum.application.ForumService;
import vn.langnghe.forum.rest.ForumViews.FollowUpItem;
import vn.langnghe.servicekit.http.PageLimit;
import vn.langnghe.servicekit.security.Roles;

/** The officer's follow-ups: opinions their unit subtree must still answer, earliest due first. */
@Path("/api/v1/follow-ups")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Follow-ups / Ý kiến trả lời sau")
public class FollowUpsResource {

    private final ForumRows rows;
    private final ForumAccess access;
    private final ForumService service;

    FollowUpsResource(ForumRows rows, ForumAccess access, ForumService service) {
        this.rows = rows;
        this.access = access;
        this.service = service;
    }

    @GET
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "Open follow-ups owned within my unit subtree, sorted by due day, overdue ones marked")
    public List<FollowUpItem> followUps(
            @Parameter(description = "1..500, default 100", schema = @Schema(type = SchemaType.INTEGER))
            @QueryParam(PageLimit.NAME) String limit) {
        int size = PageLimit.of(limit, 100, 500);
        LocalDate today = service.today();
        return rows.openFollowUps(access.subtree(), size).stream().map(r -> FollowUpItem.of(r, today)).toList();
    }
}
