package vn.langnghe.reporting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.langnghe.reporting.projection.Projections;
import vn.langnghe.reporting.projection.rebuild.RebuildService;
import vn.langnghe.reporting.projection.rebuild.RebuildService.RebuildStatus;
import vn.langnghe.servicekit.security.Roles;

/** Operating the projections: which generation serves, its digest, and rebuilds from offset zero. */
@Path("/api/v1/admin/projections")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin / Quản trị")
@RolesAllowed(Roles.ADMIN)
public class AdminProjectionsResource {

    public record ProjectionView(String name, int activeGeneration, String schema) {}

    public record ProjectionDetail(String name, int activeGeneration, String schema, Map<String, Long> rows,
            String digest, List<RebuildStatus> rebuilds) {}

    private final Projections projections;
    private final RebuildService rebuilds;

    AdminProjectionsResource(Projections projections, RebuildService rebuilds) {
        this.projections = projections;
        this.rebuilds = rebuilds;
    }

    @GET
    @Operation(summary = "The projections and the generation serving each")
    public List<ProjectionView> list() {
        return projections.names().stream()
                .map(name -> new ProjectionView(name, projections.activeGeneration(name), projections.activeSchema(name)))
                .toList();
    }

    @GET
    @Path("/{name}")
    @Operation(summary = "One projection: rows per table and a digest of the serving generation, and its rebuilds")
    public ProjectionDetail get(@PathParam("name") String name) {
        known(name);
        int generation = projections.activeGeneration(name);
        return new ProjectionDetail(name, generation, Projections.schema(name, generation),
                projections.rowCounts(name, generation), projections.digest(name, generation),
                rebuilds.all().stream().filter(r -> r.projection().equals(name)).toList());
    }

    @POST
    @Path("/{name}/rebuild")
    @Operation(summary = "Rebuild from offset zero into a fresh generation; switches over once caught up")
    @APIResponse(responseCode = "202", description = "started", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RebuildStatus.class)))
    public Response rebuild(@PathParam("name") String name) {
        known(name);
        try {
            RebuildStatus status = rebuilds.start(name);
            return Response.accepted(status)
                    .header("Location", "/api/v1/admin/projections/" + name + "/rebuild/" + status.id()).build();
        } catch (RebuildService.AlreadyRunning e) {
            throw new WebApplicationException(e.getMessage(), Response.Status.CONFLICT);
        }
    }

    @GET
    @Path("/{name}/rebuild/{id}")
    @Operation(summary = "Progress of a rebuild: events processed of the events to read, events/s, seconds left")
    public RebuildStatus rebuildStatus(@PathParam("name") String name, @PathParam("id") String id) {
        known(name);
        return rebuilds.status(name, id).orElseThrow(() -> new NotFoundException("no rebuild " + id + " of " + name));
    }

    @DELETE
    @Path("/{name}/rebuild/{id}")
    @Operation(summary = "Stop a running rebuild: its consumer stops and its generation is dropped; the serving"
            + " generation stays")
    public RebuildStatus cancelRebuild(@PathParam("name") String name, @PathParam("id") String id) {
        known(name);
        try {
            return rebuilds.cancel(name, id).orElseThrow(() -> new NotFoundException("no rebuild " + id + " of " + name));
        } catch (RebuildService.AlreadyEnded e) {
            throw new WebApplicationException(e.getMessage(), Response.Status.CONFLICT);
        }
    }

    private void known(String name) {
        if (projections.find(name).isEmpty()) {
            throw new NotFoundException("no projection " + name + "; known: " + projections.names());
        }
    }
}
