package vn.langnghe.intake.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.langnghe.personal.AccessAudit;
import vn.langnghe.personal.AuditEntry;
import vn.langnghe.servicekit.problem.InvalidInput;
import vn.langnghe.servicekit.security.Roles;
import vn.langnghe.servicekit.text.Text;

/** The personal-data access audit: its own stream, apart from the cases' events. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Personal data / Dữ liệu cá nhân")
public class AuditResource {

    private final AccessAudit audit;

    AuditResource(AccessAudit audit) {
        this.audit = audit;
    }

    @GET
    @Path("/audit")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Who read a personal-data subject (identity reference or case id), when, why, allowed or not")
    public List<AuditEntry> audit(@QueryParam("subjectRef") String subjectRef) {
        String ref = Text.clean("subjectRef", subjectRef);
        if (ref == null || ref.length() > 100) {
            throw new InvalidInput("subjectRef", "required: an identity reference or a case id");
        }
        return audit.entriesFor(ref);
    }
}
