package vn.langnghe.intake.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.langnghe.intake.application.SubmissionRows;
import vn.langnghe.intake.application.SubmissionService;
import vn.langnghe.intake.domain.submission.SubmissionCommand;
import vn.langnghe.intake.application.CaseTextKind;
import vn.langnghe.servicekit.http.IfMatch;
import vn.langnghe.servicekit.security.Caller;
import vn.langnghe.servicekit.security.Roles;
import vn.langnghe.servicekit.text.Text;

/**
 * The lifecycle commands officers give (a partner may only withdraw its own). Every one needs
 * {@code If-Match} with the version read: 428 without it, 412 when the submission moved on.
 */
@Path("/api/v1/submissions/{id}")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Submission lifecycle / Xử lý tin, đơn thư")
public class SubmissionActionsResource {

    private final SubmissionService service;
    private final SubmissionRows rows;
    private final SubmissionAccess access;
    private final Caller caller;

    SubmissionActionsResource(SubmissionService service, SubmissionRows rows, SubmissionAccess access, Caller caller) {
        this.service = service;
        this.rows = rows;
        this.access = access;
        this.caller = caller;
    }

    @POST
    @Path("/classify")
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "Classify or reclassify: kind, primary topic, tags, unit, public summary (phân loại)")
    public Response classify(@PathParam("id") UUID id, @HeaderParam(IfMatch.HEADER) String ifMatch,
            @NotNull @Valid ActionRequests.Classify body) {
        List<String> tags = body.tags() == null ? List.of()
                : body.tags().stream().map(t -> Text.clean("tags", t)).toList();
        if (!access.inSubtree(body.unitId())) {
            throw new vn.langnghe.servicekit.problem.InvalidInput("unitId", "not a unit of your subtree");
        }
        return run(id, ifMatch, new SubmissionCommand.Classify(body.kind(), Text.clean("topic", body.topic()), tags,
                Text.clean("unitId", body.unitId()), Text.clean("publicSummary", body.publicSummary()),
                day(body.effectiveOn())), null, null);
    }

    @POST
    @Path("/accept")
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "Accept for handling (thụ lý): the resolution clock starts")
    public Response accept(@PathParam("id") UUID id, @HeaderParam(IfMatch.HEADER) String ifMatch,
            @NotNull @Valid ActionRequests.Accept body) {
        return run(id, ifMatch, new SubmissionCommand.Accept(body.complex(), day(body.effectiveOn())), null, null);
    }

    @POST
    @Path("/start-verification")
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "Start verification (xác minh)")
    public Response startVerification(@PathParam("id") UUID id, @HeaderParam(IfMatch.HEADER) String ifMatch,
            @Valid ActionRequests.Dated body) {
        return run(id, ifMatch, new SubmissionCommand.StartVerification(day(body == null ? null : body.effectiveOn())),
                null, null);
    }

    @POST
    @Path("/conclude")
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "Conclude the verification: founded, partly founded, unfounded (kết luận)")
    public Response conclude(@PathParam("id") UUID id, @HeaderParam(IfMatch.HEADER) String ifMatch,
            @NotNull @Valid ActionRequests.Conclude body) {
        return run(id, ifMatch, new SubmissionCommand.Conclude(body.conclusion(), day(body.effectiveOn())),
                CaseTextKind.FINDINGS, Text.clean("findings", body.findings()));
    }

    @POST
    @Path("/answer")
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "Answer the citizen (trả lời)")
    public Response answer(@PathParam("id") UUID id, @HeaderParam(IfMatch.HEADER) String ifMatch,
            @NotNull @Valid ActionRequests.Answer body) {
        return run(id, ifMatch, new SubmissionCommand.Answer(Text.clean("answerSummary", body.answerSummary()),
                day(body.effectiveOn())), CaseTextKind.ANSWER_LETTER, Text.clean("letter", body.letter()));
    }

    @POST
    @Path("/transfer")
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "Transfer to the competent agency (chuyển đơn)")
    public Response transfer(@PathParam("id") UUID id, @HeaderParam(IfMatch.HEADER) String ifMatch,
            @NotNull @Valid ActionRequests.Transfer body) {
        return run(id, ifMatch, new SubmissionCommand.Transfer(Text.clean("toAgency", body.toAgency()),
                Text.clean("reason", body.reason()), day(body.effectiveOn())), null, null);
    }

    @POST
    @Path("/refuse")
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "Do not accept, with the legal reason (không thụ lý)")
    public Response refuse(@PathParam("id") UUID id, @HeaderParam(IfMatch.HEADER) String ifMatch,
            @NotNull @Valid ActionRequests.Refuse body) {
        return run(id, ifMatch, new SubmissionCommand.RefuseAcceptance(body.legalReason(),
                Text.clean("note", body.note()), day(body.effectiveOn())), null, null);
    }

    @POST
    @Path("/merge")
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "Merge into another submission as a duplicate")
    public Response merge(@PathParam("id") UUID id, @HeaderParam(IfMatch.HEADER) String ifMatch,
            @NotNull @Valid ActionRequests.Merge body) {
        access.readable(body.mergedInto());
        return run(id, ifMatch, new SubmissionCommand.MarkDuplicate(body.mergedInto(), day(body.effectiveOn())),
                null, null);
    }

    @POST
    @Path("/withdraw")
    @RolesAllowed({Roles.OFFICER, Roles.PARTNER})
    @Operation(summary = "The citizen withdraws (rút đơn); a partner may withdraw its own submissions")
    public Response withdraw(@PathParam("id") UUID id, @HeaderParam(IfMatch.HEADER) String ifMatch,
            @Valid ActionRequests.Dated body) {
        return run(id, ifMatch, new SubmissionCommand.Withdraw(day(body == null ? null : body.effectiveOn())),
                null, null);
    }

    @POST
    @Path("/extend-deadline")
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "Extend the deadline (gia hạn) where the law allows, with the reason")
    public Response extend(@PathParam("id") UUID id, @HeaderParam(IfMatch.HEADER) String ifMatch,
            @NotNull @Valid ActionRequests.Extend body) {
        return run(id, ifMatch, new SubmissionCommand.ExtendDeadline(body.reasonCode(),
                Text.clean("reason", body.reason()), day(body.effectiveOn())), null, null);
    }

    @POST
    @Path("/rate-valuable")
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "Rate a tip valuable (tin có giá trị)")
    public Response rateValuable(@PathParam("id") UUID id, @HeaderParam(IfMatch.HEADER) String ifMatch,
            @Valid ActionRequests.Dated body) {
        return run(id, ifMatch, new SubmissionCommand.RateValuable(day(body == null ? null : body.effectiveOn())),
                null, null);
    }

    /** Access first (404 reveals nothing), then the precondition, then the command in one transaction. */
    private Response run(UUID id, String ifMatch, SubmissionCommand command, CaseTextKind textKind, String text) {
        access.actionable(id);
        var expected = IfMatch.required(ifMatch);
        service.execute(id, command, expected, caller.subject(), textKind, text);
        var row = rows.byId(id).orElseThrow(SubmissionAccess::notFound);
        return Response.ok(access.view(row)).tag(Long.toString(row.version())).build();
    }

    private LocalDate day(LocalDate effectiveOn) {
        return effectiveOn != null ? effectiveOn : service.today();
    }
}
