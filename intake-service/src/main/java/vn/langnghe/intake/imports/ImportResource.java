package vn.langnghe.intake.imports;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.langnghe.contracts.reference.UnitTree;
import vn.langnghe.intake.application.SubmissionService;
import vn.langnghe.servicekit.problem.InvalidInput;
import vn.langnghe.servicekit.security.Caller;
import vn.langnghe.servicekit.security.Roles;

/**
 * Bulk import of a unit's paper or spreadsheet register (JSON lines): 202 with the job to follow. The whole
 * file is validated first and imported in one transaction, or not at all; re-running a file skips what it
 * already imported.
 */
@Path("/api/v1/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Imports / Nhập sổ tiếp nhận")
public class ImportResource {

    static final String NDJSON = "application/x-ndjson";

    private final ImportJobs jobs;
    private final Caller caller;
    private final UnitTree units;
    private final SubmissionService service;

    ImportResource(ImportJobs jobs, Caller caller, UnitTree units, SubmissionService service) {
        this.jobs = jobs;
        this.caller = caller;
        this.units = units;
        this.service = service;
    }

    @POST
    @Consumes({NDJSON, "application/jsonl"})
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "Import a register (JSON lines): 202 + Location of the job (validated whole, then all"
            + " or nothing; re-runs skip what was imported)")
    @APIResponse(responseCode = "202", description = "Accepted: the job, also at Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportJobs.JobView.class)))
    public Response start(byte[] file) {
        String unit = caller.unitId().filter(u -> units.find(u).isPresent())
                .orElseThrow(() -> new InvalidInput("unit_id", "an officer's token must name an existing unit"));
        if (file == null || file.length == 0) {
            throw new InvalidInput("body", "an import file of JSON lines, one case per line");
        }
        UUID id = jobs.start(file, unit, caller.subject());
        ImportJobs.JobView view = jobs.find(id).orElseThrow();
        return Response.accepted(view).location(URI.create("/api/v1/imports/" + id)).build();
    }

    @GET
    @Path("/{jobId}")
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "An import job: state, line counts, events per second and the per-line report")
    public ImportJobs.JobView get(@PathParam("jobId") UUID jobId) {
        ImportJobs.JobView view = jobs.find(jobId).orElseThrow(ImportResource::notFound);
        if (caller.hasRole(Roles.ADMIN)) {
            return view;
        }
        boolean ours = caller.unitId().filter(own -> units.find(own).isPresent() && units.find(view.unitId()).isPresent())
                .map(own -> units.isWithin(view.unitId(), own, service.today())).orElse(false);
        if (!ours) {
            throw notFound();
        }
        return view;
    }

    private static NotFoundException notFound() {
        return new NotFoundException("no such import job (or not yours to see)");
    }
}
