package vn.langnghe.forum.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.langnghe.eventsourcing.command.CommandOutcome;
import vn.langnghe.eventsourcing.store.ExpectedVersion;
import vn.langnghe.forum.application.ForumService;
import vn.langnghe.forum.application.NewOpinion;
import vn.langnghe.forum.application.OpinionRow;
import vn.langnghe.forum.domain.forum.Forum;
import vn.langnghe.forum.domain.forum.ForumCommand;
import vn.langnghe.forum.domain.forum.ForumEvent;
import vn.langnghe.forum.rest.ForumViews.OpinionText;
import vn.langnghe.forum.rest.ForumViews.OpinionView;
import vn.langnghe.personal.Access;
import vn.langnghe.personal.PersonalIdentity;
import vn.langnghe.servicekit.http.IfMatch;
import vn.langnghe.servicekit.problem.InvalidInput;
import vn.langnghe.servicekit.security.Caller;
import vn.langnghe.servicekit.security.Roles;
import vn.langnghe.servicekit.text.Text;

/**
 * Opinions (ý kiến): organisers record them live and answer, follow up or escalate them; the follow-up's
 * owner unit answers and marks commitments done. All are additive: no If-Match needed, and one organiser
 * never fails because another recorded first. An optional If-Match still makes a command conditional (412).
 * Real conflicts are refused with 409: answering an opinion twice, recording into a closed forum, an opinion
 * id reused with other content.
 */
@Path("/api/v1/forums/{id}/opinions")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Opinions / Ý kiến")
public class OpinionsResource {

    private final ForumService service;
    private final ForumAccess access;
    private final Caller caller;

    OpinionsResource(ForumService service, ForumAccess access, Caller caller) {
        this.service = service;
        this.access = access;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.ORGANISER)
    @Operation(summary = "Record an opinion (ghi ý kiến) under the id the client generated; a retry returns it again")
    @APIResponse(responseCode = "201", description = "Recorded (a retry: the same answer, Idempotent-Replayed: true)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OpinionView.class)))
    public Response record(@PathParam("id") UUID id, @NotNull @Valid ForumRequests.RecordOpinion body) {
        access.organiserForum(id);
        NewOpinion opinion = new NewOpinion(body.opinionId(), body.speakerGroup(), speaker(body.speaker()),
                Text.clean("topic", body.topic()),
                body.tags() == null ? List.of() : body.tags().stream().map(t -> Text.clean("tags", t)).toList(),
                body.nature(), Text.clean("publicSummary", body.publicSummary()), Text.clean("text", body.text()),
                day(body.effectiveOn()));
        ForumService.Result<OpinionRow> recorded = service.recordOpinion(id, opinion, caller.subject());
        Response.ResponseBuilder response = Response.status(Response.Status.CREATED);
        if (recorded.replay()) {
            response.header("Idempotent-Replayed", "true");
        }
        var loaded = service.load(id);
        return response.location(URI.create("/api/v1/forums/" + id + "/opinions/" + body.opinionId()))
                .tag(Long.toString(loaded.version()))
                .entity(OpinionView.of(id, loaded.state().opinion(body.opinionId()).orElseThrow(), loaded.version(),
                        service.today()))
                .build();
    }

    @POST
    @Path("/{opinionId}/answer")
    @RolesAllowed(Roles.ORGANISER)
    @Operation(summary = "Answer on the spot (trả lời tại chỗ), by unit and position; answering twice is 409")
    public Response answer(@PathParam("id") UUID id, @PathParam("opinionId") UUID opinionId,
            @HeaderParam(IfMatch.HEADER) String ifMatch, @NotNull @Valid ForumRequests.AnswerOnTheSpot body) {
        access.organiserForum(id);
        return run(id, opinionId, ifMatch, new ForumCommand.AnswerOnTheSpot(opinionId,
                Text.clean("answeredByUnitId", body.answeredByUnitId()),
                Text.clean("answeredByTitle", body.answeredByTitle()), Text.clean("answerSummary", body.answerSummary()),
                Text.clean("commitmentSummary", body.commitmentSummary()), day(body.effectiveOn())));
    }

    @POST
    @Path("/{opinionId}/follow-up")
    @RolesAllowed(Roles.ORGANISER)
    @Operation(summary = "Take on board (ghi nhận, tiếp thu): an owner unit answers later, by the due day")
    public Response followUp(@PathParam("id") UUID id, @PathParam("opinionId") UUID opinionId,
            @HeaderParam(IfMatch.HEADER) String ifMatch, @NotNull @Valid ForumRequests.CreateFollowUp body) {
        access.organiserForum(id);
        return run(id, opinionId, ifMatch, new ForumCommand.CreateFollowUp(opinionId,
                Text.clean("ownerUnitId", body.ownerUnitId()), body.dueOn(), day(body.effectiveOn())));
    }

    @POST
    @Path("/{opinionId}/escalate")
    @RolesAllowed(Roles.ORGANISER)
    @Operation(summary = "Escalate to intake as a complaint, denunciation or crime report")
    public Response escalate(@PathParam("id") UUID id, @PathParam("opinionId") UUID opinionId,
            @HeaderParam(IfMatch.HEADER) String ifMatch, @NotNull @Valid ForumRequests.Escalate body) {
        access.organiserForum(id);
        return run(id, opinionId, ifMatch, new ForumCommand.Escalate(opinionId, body.kindRequested(),
                Text.clean("unitId", body.unitId()), Text.clean("publicSummary", body.publicSummary()),
                day(body.effectiveOn())));
    }

    @POST
    @Path("/{opinionId}/follow-up-answer")
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "The owner unit answers a follow-up (officers of the owner's subtree)")
    public Response answerFollowUp(@PathParam("id") UUID id, @PathParam("opinionId") UUID opinionId,
            @HeaderParam(IfMatch.HEADER) String ifMatch, @NotNull @Valid ForumRequests.AnswerFollowUp body) {
        access.officerOpinion(id, opinionId);
        return run(id, opinionId, ifMatch, new ForumCommand.AnswerFollowUp(opinionId,
                Text.clean("answerSummary", body.answerSummary()),
                Text.clean("commitmentSummary", body.commitmentSummary()), day(body.effectiveOn())));
    }

    @POST
    @Path("/{opinionId}/commitment-fulfilled")
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "What the answer committed to was done (officers of the responsible unit's subtree)")
    public Response commitmentFulfilled(@PathParam("id") UUID id, @PathParam("opinionId") UUID opinionId,
            @HeaderParam(IfMatch.HEADER) String ifMatch, @NotNull @Valid ForumRequests.CommitmentFulfilled body) {
        access.officerOpinion(id, opinionId);
        return run(id, opinionId, ifMatch, new ForumCommand.MarkCommitmentFulfilled(opinionId,
                Text.clean("fulfilmentSummary", body.fulfilmentSummary()), day(body.effectiveOn())));
    }

    @GET
    @Path("/{opinionId}/text")
    @RolesAllowed(Roles.ORGANISER)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The speaker's own words as recorded (personal data: every read is audited)")
    public OpinionText text(@PathParam("id") UUID id, @PathParam("opinionId") UUID opinionId) {
        access.organiserForum(id);
        service.load(id).state().opinion(opinionId).orElseThrow(() ->
                new jakarta.ws.rs.NotFoundException("no such opinion in this forum"));
        String text = service.opinionText(opinionId, Access.of(caller.subject(), Roles.ORGANISER, "forum-minutes"))
                .orElse(null);
        return new OpinionText(opinionId, text);
    }

    /** Additive unless the caller sent If-Match; answers the opinion as it now stands. */
    private Response run(UUID id, UUID opinionId, String ifMatch, ForumCommand command) {
        ExpectedVersion expected = ifMatch == null || ifMatch.isBlank() ? null : IfMatch.required(ifMatch);
        CommandOutcome<Forum, ForumEvent> outcome = service.execute(id, command, expected, caller.subject());
        Forum.Opinion opinion = outcome.state().opinion(opinionId).orElseThrow();
        return Response.ok(OpinionView.of(id, opinion, outcome.version(), service.today()))
                .tag(Long.toString(outcome.version())).build();
    }

    private static PersonalIdentity speaker(ForumRequests.SpeakerBody s) {
        if (s == null) {
            return null;
        }
        PersonalIdentity identity = new PersonalIdentity(Text.clean("speaker.fullName", s.fullName()),
                Text.clean("speaker.phone", s.phone()), Text.clean("speaker.idNumber", s.idNumber()),
                Text.clean("speaker.address", s.address()), Text.clean("speaker.email", s.email()));
        if (identity.fullName() == null && identity.phone() == null && identity.idNumber() == null
                && identity.email() == null) {
            throw new InvalidInput("speaker", "name at least one of fullName, phone, idNumber, email, or leave"
                    + " speaker out when the speaker gave no name");
        }
        return identity;
    }

    private LocalDate day(LocalDate effectiveOn) {
        return effectiveOn != null ? effectiveOn : service.today();
    }
}
