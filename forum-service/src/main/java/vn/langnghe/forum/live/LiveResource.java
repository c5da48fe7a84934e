package vn.langnghe.forum.live;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.langnghe.forum.rest.ForumAccess;
import vn.langnghe.servicekit.problem.InvalidInput;
import vn.langnghe.servicekit.security.Caller;
import vn.langnghe.servicekit.security.Roles;

/**
 * The live feed of a forum (Server-Sent Events) and the short-lived tickets that open it from a browser,
 * whose EventSource cannot send an Authorization header: a bearer token never goes into a URL.
 */
@Path("/api/v1/forums/{id}")
@Tag(name = "Live feed / Theo dõi trực tiếp")
public class LiveResource {

    static final String LAST_EVENT_ID = "Last-Event-ID";

    private final ForumAccess access;
    private final Caller caller;
    private final LiveTickets tickets;
    private final LiveFeed feed;

    LiveResource(ForumAccess access, Caller caller, LiveTickets tickets, LiveFeed feed) {
        this.access = access;
        this.caller = caller;
        this.tickets = tickets;
        this.feed = feed;
    }

    @POST
    @Path("/live-ticket")
    @RolesAllowed(Roles.ORGANISER)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A ticket that opens this forum's live feed for 60 seconds (for EventSource: no token"
            + " in the URL)")
    public LiveTickets.Ticket ticket(@PathParam("id") UUID id) {
        access.organiserForum(id);
        return tickets.issue(id, caller.subject());
    }

    @GET
    @Path("/live")
    @PermitAll
    @Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Every event of the forum as it is stored, in order (SSE; id = stream version); resumes"
            + " after Last-Event-ID. Authenticate with ?ticket= from live-ticket, or a bearer header")
    public void live(@PathParam("id") UUID id, @QueryParam("ticket") String ticket,
            @HeaderParam(LAST_EVENT_ID) String lastEventId, @QueryParam("lastEventId") String lastEventIdParam,
            @Context SseEventSink sink, @Context Sse sse) {
        authorize(id, ticket);
        long after = lastEventId != null ? version(LAST_EVENT_ID, lastEventId) : version("lastEventId", lastEventIdParam);
        feed.start(id, after, sink, sse);
    }

    private void authorize(UUID id, String ticket) {
        if (ticket != null) {
            if (tickets.verify(ticket, id).isEmpty()) {
                throw new UnauthorizedException("the ticket is invalid, expired or for another forum");
            }
            return;
        }
        if (caller.isAnonymous()) {
            throw new UnauthorizedException("a ticket or a bearer token is required");
        }
        if (!caller.hasRole(Roles.ORGANISER)) {
            throw new ForbiddenException();
        }
        access.organiserForum(id);
    }

    /** @param field the header or query parameter the value came from, named back when it is not a version */
    private static long version(String field, String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            long version = Long.parseLong(value.strip());
            if (version < 0) {
                throw new NumberFormatException();
            }
            return version;
        } catch (NumberFormatException e) {
            throw new InvalidInput(field, "must be the id of an event this feed sent");
        }
    }
}
