package vn.langnghe.reporting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.langnghe.servicekit.eventsourcing.ConsumerSetup;
import vn.langnghe.servicekit.security.Roles;

/** How far behind the projections are: analysts see whether a report is up to date. */
@Path("/api/v1/status")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Status / Trạng thái")
public class StatusResource {

    public record ConsumerStatus(String consumer, long lag, long applied, long duplicates, long parked,
            long deadLettered, String lastError) {}

    private final ConsumerSetup consumers;

    StatusResource(ConsumerSetup consumers) {
        this.consumers = consumers;
    }

    @GET
    @Path("/consumers")
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "Lag and counters of every projection consumer")
    public List<ConsumerStatus> consumers() {
        return consumers.stats().entrySet().stream()
                .map(e -> new ConsumerStatus(e.getKey(), e.getValue().lag(), e.getValue().applied(),
                        e.getValue().duplicates(), e.getValue().parked(), e.getValue().deadLettered(),
                        e.getValue().lastError()))
                .toList();
    }
}
