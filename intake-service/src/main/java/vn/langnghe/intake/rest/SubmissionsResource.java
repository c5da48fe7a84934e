package vn.langnghe.intake.rest;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.langnghe.contracts.events.Channel;
import vn.langnghe.eventsourcing.store.RecordedEvent;
import vn.langnghe.intake.application.NewSubmission;
import vn.langnghe.intake.application.SubmissionRow;
import vn.langnghe.intake.application.SubmissionRows;
import vn.langnghe.intake.application.SubmissionService;
import vn.langnghe.intake.application.TrackingCodes;
import vn.langnghe.intake.domain.submission.SubmissionRefused;
import vn.langnghe.personal.PersonalIdentity;
import vn.langnghe.servicekit.http.PageLimit;
import vn.langnghe.servicekit.problem.InvalidInput;
import vn.langnghe.servicekit.security.Caller;
import vn.langnghe.servicekit.security.Roles;
import vn.langnghe.servicekit.text.Text;

/** Submitting citizen feedback and reading it back: partner portals and officers. */
@Path("/api/v1/submissions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Submissions / Tin, đơn thư")
public class SubmissionsResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final int MAX_PAGE = 200;

    private final SubmissionService service;
    private final SubmissionRows rows;
    private final SubmissionAccess access;
    private final Caller caller;
    private final LookupRateLimiter lookups;

    SubmissionsResource(SubmissionService service, SubmissionRows rows, SubmissionAccess access, Caller caller,
            LookupRateLimiter lookups) {
        this.service = service;
        this.rows = rows;
        this.access = access;
        this.caller = caller;
        this.lookups = lookups;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PARTNER, Roles.OFFICER})
    @Operation(summary = "Submit citizen feedback (partners need an Idempotency-Key)")
    @APIResponse(responseCode = "201", description = "Received (a retry with the same Idempotency-Key: the same answer, Idempotent-Replayed: true)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmissionView.class)))
    public Response submit(@NotNull @Valid SubmitRequest body, @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
        boolean partner = caller.hasRole(Roles.PARTNER);
        String clientId = partner ? caller.clientId().orElseThrow(() ->
                new InvalidInput("azp", "a partner token must name its client (azp)")) : null;
        String key = Text.clean(IDEMPOTENCY_KEY, idempotencyKey);
        if (partner && key == null) {
            throw new InvalidInput(IDEMPOTENCY_KEY, "required: a unique key per submission, reused only to retry it");
        }
        if (key != null && key.length() > 200) {
            throw new InvalidInput(IDEMPOTENCY_KEY, "at most 200 characters");
        }
        if (!partner && !access.inSubtree(body.unitId())) {
            throw new InvalidInput("unitId", "an officer records submissions for their own unit subtree only");
        }
        NewSubmission request = normalise(body, partner);
        SubmissionService.Submitted submitted;
        try {
            submitted = service.submit(request, clientId, caller.subject(), key, request.canonical());
        } catch (SubmissionRefused refused) {
            if ("effectiveOn".equals(refused.field())) { // the request calls the receipt date receivedOn
                throw SubmissionRefused.field("receivedOn", refused.code(), refused.getMessage());
            }
            throw refused;
        }
        SubmissionRow row = submitted.row();
        // A true retry gets the original answer again: 201 for the same submission, marked as a replay.
        Response.ResponseBuilder response = Response.status(Response.Status.CREATED);
        if (submitted.replay()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response
                .location(URI.create("/api/v1/submissions/" + row.id()))
                .tag(Long.toString(row.version()))
                .entity(access.view(row))
                .build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PARTNER, Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "A submission's status, due dates and version (ETag)")
    public Response get(@PathParam("id") UUID id) {
        SubmissionRow row = access.readable(id);
        return Response.ok(access.view(row)).tag(Long.toString(row.version())).build();
    }

    @GET
    @Path("/by-tracking-code/{code}")
    @RolesAllowed({Roles.PARTNER, Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "Look a submission up by the citizen's tracking code (rate-limited per client)")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmissionView.class)))
    @APIResponse(responseCode = "429", description = "Too many lookups from this client: retry after Retry-After seconds",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public SubmissionView byTrackingCode(@PathParam("code") String code) {
        if (!lookups.tryAcquire(caller.clientId().orElse(caller.subject()))) {
            throw new TooManyLookups(lookups.retryAfterSeconds());
        }
        if (code == null || code.length() > 20) {
            throw new InvalidInput("code", "a tracking code looks like 7K2M-Q9XA-4TRB");
        }
        return access.view(access.readable(rows.byTrackingCode(TrackingCodes.normalise(code))));
    }

    @GET
    @RolesAllowed(Roles.PARTNER)
    @Operation(summary = "The calling partner's own submissions, in order of receipt")
    public Page<SubmissionView> list(@QueryParam("after") String after,
            @Parameter(description = "1..200, default 50", schema = @Schema(type = SchemaType.INTEGER))
            @QueryParam(PageLimit.NAME) String limit) {
        List<SubmissionRow> page = rows.listForPartner(ownClient(), cursor(after), pageSize(limit));
        return new Page<>(page.stream().map(access::view).toList(),
                page.size() < pageSize(limit) ? null : Long.toString(page.getLast().firstPosition()));
    }

    @GET
    @Path("/changes")
    @RolesAllowed(Roles.PARTNER)
    @Operation(summary = "The calling partner's submissions that changed after a cursor, oldest change first")
    public Page<SubmissionView> changes(@QueryParam("after") String after,
            @Parameter(description = "1..200, default 50", schema = @Schema(type = SchemaType.INTEGER))
            @QueryParam(PageLimit.NAME) String limit) {
        List<SubmissionRow> page = rows.changesForPartner(ownClient(), cursor(after), pageSize(limit));
        String next = page.isEmpty() ? (after == null ? "0" : after) : Long.toString(page.getLast().lastPosition());
        return new Page<>(page.stream().map(access::view).toList(), next);
    }

    /** One step of a submission's history, as recorded and as effective. */
    public record HistoryEntry(long version, String type, java.time.Instant effectiveAt, java.time.Instant recordedAt,
            String recordedBy, String data) {}

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "Every step: what, when it took effect, when and by whom it was recorded")
    public List<HistoryEntry> history(@PathParam("id") UUID id) {
        access.readable(id);
        return service.history(id).stream()
                .map((RecordedEvent e) -> new HistoryEntry(e.version(), e.type(), e.effectiveAt(), e.recordedAt(),
                        e.actor(), e.dataJson()))
                .toList();
    }

    private String ownClient() {
        return caller.clientId().orElseThrow(() -> new InvalidInput("azp", "a partner token must name its client"));
    }

    private static long cursor(String after) {
        if (after == null || after.isBlank()) {
            return 0;
        }
        try {
            long value = Long.parseLong(after.strip());
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidInput("after", "must be the cursor a previous page returned");
        }
    }

    private static int pageSize(String limit) {
        return PageLimit.of(limit, 50, MAX_PAGE);
    }

    private static NewSubmission normalise(SubmitRequest body, boolean partner) {
        Channel channel = body.channel() != null ? body.channel() : partner ? Channel.PARTNER_PORTAL : null;
        if (channel == null) {
            throw new InvalidInput("channel", "required: how the feedback reached the police");
        }
        if (channel == Channel.FORUM) {
            throw new InvalidInput("channel", "forum submissions come from forum escalations, not this endpoint");
        }
        PersonalIdentity reporter = null;
        if (body.reporter() != null) {
            SubmitRequest.ReporterRequest r = body.reporter();
            reporter = new PersonalIdentity(Text.clean("reporter.fullName", r.fullName()),
                    Text.clean("reporter.phone", r.phone()), Text.clean("reporter.idNumber", r.idNumber()),
                    Text.clean("reporter.address", r.address()), Text.clean("reporter.email", r.email()));
            if (reporter.fullName() == null && reporter.phone() == null && reporter.idNumber() == null
                    && reporter.email() == null) {
                throw new InvalidInput("reporter", "name at least one of fullName, phone, idNumber, email,"
                        + " or leave reporter out for an anonymous submission");
            }
        }
        return new NewSubmission(body.kind(), channel, Text.clean("unitId", body.unitId()), body.receivedOn(),
                Text.clean("topic", body.topic()), Text.clean("description", body.description()), reporter, null);
    }
}
