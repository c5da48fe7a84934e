package vn.langnghe.intake.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.SortedMap;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.langnghe.intake.application.CaseTextKind;
import vn.langnghe.intake.application.PersonalDataService;
import vn.langnghe.intake.application.SubmissionRows;
import vn.langnghe.personal.Access;
import vn.langnghe.personal.PersonalIdentity;
import vn.langnghe.personal.Readout;
import vn.langnghe.servicekit.problem.InvalidInput;
import vn.langnghe.servicekit.security.Caller;
import vn.langnghe.servicekit.security.Roles;
import vn.langnghe.servicekit.text.Text;

/**
 * A case's personal data: the reporter's identity and the case text. Each read names its purpose and
 * is audited, allowed or refused. An erased identity answers 410 Gone.
 */
@Path("/api/v1/submissions/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Personal data / Dữ liệu cá nhân")
public class PersonalDataResource {

    public record ErasureRequest(@NotBlank @Size(max = 500) String reason) {}

    public record TextsView(Map<String, String> texts) {}

    private final PersonalDataService personalData;
    private final SubmissionAccess access;
    private final SubmissionRows rows;
    private final Caller caller;

    PersonalDataResource(PersonalDataService personalData, SubmissionAccess access, SubmissionRows rows,
            Caller caller) {
        this.personalData = personalData;
        this.access = access;
        this.rows = rows;
        this.caller = caller;
    }

    @GET
    @Path("/reporter")
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "The reporter's identity (audited; a denouncer's only for an admin, Law on Denunciations art. 56)")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PersonalIdentity.class)))
    @APIResponse(responseCode = "410", description = "Erased (crypto-shredded): it existed and is gone for good",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public PersonalIdentity reporter(@PathParam("id") UUID id, @QueryParam("purpose") String purpose) {
        access.readable(id);
        Access reader = reader(purpose);
        try {
            return found(personalData.reporter(id, reader, caller.hasRole(Roles.ADMIN)), "reporter");
        } catch (PersonalDataService.Refused refused) {
            throw new ForbiddenException(refused.getMessage());
        }
    }

    @GET
    @Path("/texts")
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN, Roles.PARTNER})
    @Operation(summary = "The case text: description, findings, answer letter (a partner gets only the answer letter)")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TextsView.class)))
    @APIResponse(responseCode = "410", description = "Erased with the case's key: gone for good",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public TextsView texts(@PathParam("id") UUID id, @QueryParam("purpose") String purpose) {
        access.readable(id);
        SortedMap<String, String> all = found(personalData.texts(id, reader(purpose)), "texts");
        if (caller.hasRole(Roles.PARTNER) && !caller.hasRole(Roles.OFFICER) && !caller.hasRole(Roles.ADMIN)) {
            String letter = all.get(CaseTextKind.ANSWER_LETTER.name());
            return new TextsView(letter == null ? Map.of() : Map.of(CaseTextKind.ANSWER_LETTER.name(), letter));
        }
        return new TextsView(all);
    }

    @POST
    @Path("/erase-reporter")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Forget the reporter (crypto-shredding): 409 while the case is open or within its retention")
    public Response eraseReporter(@PathParam("id") UUID id, @NotNull @Valid ErasureRequest body) {
        access.readable(id);
        personalData.eraseReporter(id, caller.subject(), Text.clean("reason", body.reason()));
        var row = rows.byId(id).orElseThrow(SubmissionAccess::notFound);
        return Response.ok(access.view(row)).tag(Long.toString(row.version())).build();
    }

    private Access reader(String purpose) {
        String why = Text.clean("purpose", purpose);
        if (why == null || why.length() < 3 || why.length() > 200) {
            throw new InvalidInput("purpose", "say why you read personal data (3 to 200 characters); it is audited");
        }
        String role = caller.hasRole(Roles.ADMIN) ? Roles.ADMIN
                : caller.hasRole(Roles.OFFICER) ? Roles.OFFICER : Roles.PARTNER;
        return Access.of(caller.subject(), role, why);
    }

    private static <T> T found(Readout<T> readout, String what) {
        return switch (readout) {
            case Readout.Found<T> found -> found.value();
            case Readout.Erased<T> erased -> throw new Gone(what + " erased on " + erased.erasedAt());
            case Readout.Missing<T> missing -> throw new NotFoundException("no " + what + " for this submission");
        };
    }

    /** Erased personal data (410): it existed and is gone for good. */
    public static final class Gone extends RuntimeException {
        public Gone(String message) {
            super(message);
        }
    }
}
