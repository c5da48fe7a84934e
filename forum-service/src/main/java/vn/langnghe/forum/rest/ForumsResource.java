package vn.langnghe.forum.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.langnghe.eventsourcing.command.AggregateStore;
import vn.langnghe.forum.application.ForumRow;
import vn.langnghe.forum.application.ForumRows;
import vn.langnghe.forum.application.ForumService;
import vn.langnghe.forum.domain.forum.Forum;
import vn.langnghe.forum.domain.forum.ForumCommand;
import vn.langnghe.forum.rest.ForumViews.ForumSummary;
import vn.langnghe.forum.rest.ForumViews.ForumView;
import vn.langnghe.forum.rest.ForumViews.MinutesView;
import vn.langnghe.forum.rest.ForumViews.Page;
import vn.langnghe.servicekit.http.IfMatch;
import vn.langnghe.servicekit.http.PageLimit;
import vn.langnghe.servicekit.problem.InvalidInput;
import vn.langnghe.servicekit.security.Caller;
import vn.langnghe.servicekit.security.Roles;
import vn.langnghe.servicekit.text.Text;

/**
 * Forums and resident meetings of the organiser's unit subtree: schedule, read, list, and the forum's own
 * chain (open, close, publish minutes), each with {@code If-Match}. Published minutes are public.
 */
@Path("/api/v1/forums")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Forums / Diễn đàn, họp dân")
public class ForumsResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final int MAX_PAGE = 200;

    private final ForumService service;
    private final ForumRows rows;
    private final ForumAccess access;
    private final Caller caller;

    ForumsResource(ForumService service, ForumRows rows, ForumAccess access, Caller caller) {
        this.service = service;
        this.rows = rows;
        this.access = access;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ORGANISER)
    @Operation(summary = "Schedule a forum or resident meeting (lên kế hoạch): send its id, or an Idempotency-Key")
    @APIResponse(responseCode = "201", description = "Scheduled (a retry: the same answer, Idempotent-Replayed: true)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ForumView.class)))
    @APIResponse(responseCode = "409", description = "The id is already a forum with other content",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response schedule(@NotNull @Valid ForumRequests.Schedule body,
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
        String key = Text.clean(IDEMPOTENCY_KEY, idempotencyKey);
        if (key != null && key.length() > 200) {
            throw new InvalidInput(IDEMPOTENCY_KEY, "at most 200 characters");
        }
        String host = Text.clean("hostUnitId", body.hostUnitId());
        String venue = Text.clean("venueUnitId", body.venueUnitId());
        if (!access.inSubtree(host) && !access.inSubtree(venue)) {
            throw new InvalidInput("hostUnitId", "an organiser schedules forums hosted or held within their own unit"
                    + " subtree only");
        }
        // The client's id makes a retry idempotent; so does an Idempotency-Key, scoped to the organiser.
        UUID id = body.id() != null ? body.id() : key != null
                ? UUID.nameUUIDFromBytes(("forum:" + caller.subject() + ":" + key).getBytes(StandardCharsets.UTF_8))
                : UUID.randomUUID();
        List<Forum.Delegate> members = body.delegationMembers() == null ? List.of() : body.delegationMembers()
                .stream().map(d -> delegate(d, "delegationMembers")).toList();
        ForumCommand.Schedule command = new ForumCommand.Schedule(id, body.sessionKind(), host, venue,
                Text.clean("venueName", body.venueName()), body.startsAt(),
                delegate(body.delegationHead(), "delegationHead"), members,
                body.invitedGroups() == null ? List.of() : body.invitedGroups(), day(body.effectiveOn()));
        ForumService.Result<ForumRow> scheduled = service.schedule(command, caller.subject());
        Response.ResponseBuilder response = Response.status(Response.Status.CREATED);
        if (scheduled.replay()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.location(URI.create("/api/v1/forums/" + id))
                .tag(Long.toString(scheduled.row().version()))
                .entity(view(id))
                .build();
    }

    @GET
    @RolesAllowed(Roles.ORGANISER)
    @Operation(summary = "Forums hosted or held within a unit of my subtree, planned between two days, in order"
            + " of scheduling")
    public Page<ForumSummary> list(@QueryParam("unit") String unit, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("after") String after,
            @Parameter(description = "1..200, default 50", schema = @Schema(type = SchemaType.INTEGER))
            @QueryParam(PageLimit.NAME) String limit) {
        String unitId = Text.clean("unit", unit);
        Set<String> units;
        if (unitId == null) {
            units = access.subtree();
        } else {
            if (unitId.length() > 64 || !access.inSubtree(unitId)) {
                throw new InvalidInput("unit", "not a unit of your subtree");
            }
            units = access.subtreeOf(unitId);
        }
        LocalDate fromDay = date("from", from, LocalDate.of(2000, 1, 1));
        LocalDate toDay = date("to", to, LocalDate.of(2999, 12, 31));
        if (toDay.isBefore(fromDay)) {
            throw new InvalidInput("to", "must not be before from");
        }
        int size = PageLimit.of(limit, 50, MAX_PAGE);
        List<ForumRow> page = rows.list(units, fromDay, toDay, cursor(after), size);
        return new Page<>(page.stream().map(ForumSummary::of).toList(),
                page.size() < size ? null : Long.toString(page.getLast().firstPosition()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.ORGANISER)
    @Operation(summary = "A forum with its opinions and their answers, follow-ups and escalations; its version"
            + " is the ETag")
    public Response get(@PathParam("id") UUID id) {
        access.organiserForum(id);
        ForumView view = view(id);
        return Response.ok(view).tag(Long.toString(view.version())).build();
    }

    @POST
    @Path("/{id}/open")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ORGANISER)
    @Operation(summary = "Open (khai mạc) with the attendance; needs If-Match")
    public Response open(@PathParam("id") UUID id, @HeaderParam(IfMatch.HEADER) String ifMatch,
            @NotNull @Valid ForumRequests.Open body) {
        List<Forum.GroupCount> byGroup = body.attendanceByGroup() == null ? List.of() : body.attendanceByGroup()
                .stream().map(g -> new Forum.GroupCount(g.group(), g.count())).toList();
        return run(id, ifMatch, new ForumCommand.Open(byGroup, body.totalAttendance(), day(body.effectiveOn())));
    }

    @POST
    @Path("/{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ORGANISER)
    @Operation(summary = "Close (bế mạc) with the public summary of the minutes; needs If-Match")
    public Response close(@PathParam("id") UUID id, @HeaderParam(IfMatch.HEADER) String ifMatch,
            @NotNull @Valid ForumRequests.Close body) {
        return run(id, ifMatch, new ForumCommand.Close(Text.clean("minutesSummary", body.minutesSummary()),
                day(body.effectiveOn())));
    }

    @POST
    @Path("/{id}/publish-minutes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ORGANISER)
    @Operation(summary = "Publish the minutes of a closed forum; needs If-Match")
    public Response publishMinutes(@PathParam("id") UUID id, @HeaderParam(IfMatch.HEADER) String ifMatch,
            @Valid ForumRequests.Dated body) {
        return run(id, ifMatch, new ForumCommand.PublishMinutes(day(body == null ? null : body.effectiveOn())));
    }

    @GET
    @Path("/{id}/minutes")
    @PermitAll
    @Operation(summary = "Published minutes, for anyone (no token): public summaries only, no personal data, no"
            + " opinion escalated as a denunciation or crime report")
    public MinutesView minutes(@PathParam("id") UUID id) {
        Forum f = service.load(id).state();
        if (!f.exists() || !f.minutesPublished()) {
            throw new NotFoundException("no published minutes for this forum");
        }
        return MinutesView.of(f);
    }

    private Response run(UUID id, String ifMatch, ForumCommand command) {
        access.organiserForum(id);
        var expected = IfMatch.required(ifMatch);
        service.execute(id, command, expected, caller.subject());
        ForumView view = view(id);
        return Response.ok(view).tag(Long.toString(view.version())).build();
    }

    private ForumView view(UUID id) {
        AggregateStore.Loaded<Forum> loaded = service.load(id);
        if (!loaded.state().exists()) {
            throw ForumAccess.notFound();
        }
        return ForumView.of(loaded.state(), loaded.version(), service.today());
    }

    private static Forum.Delegate delegate(ForumRequests.DelegateBody d, String field) {
        return d == null ? null : new Forum.Delegate(Text.clean(field + ".unitId", d.unitId()),
                Text.clean(field + ".title", d.title()));
    }

    private LocalDate day(LocalDate effectiveOn) {
        return effectiveOn != null ? effectiveOn : service.today();
    }

    private static LocalDate date(String field, String value, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "a day such as 2026-12-05");
        }
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
}
