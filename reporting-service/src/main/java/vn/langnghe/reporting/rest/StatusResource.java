package vn.langnghe.reporting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.langnghe.eventsourcing.consumer.ConsumerStats;
import vn.langnghe.reporting.projection.rebuild.RebuildService;
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
    private final RebuildService rebuilds;

    StatusResource(ConsumerSetup consumers, RebuildService rebuilds) {
        this.consumers = consumers;
        this.rebuilds = rebuilds;
    }

    @GET
    @Path("/consumers")
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "Lag and counters of every projection consumer, rebuilds' included")
    public List<ConsumerStatus> consumers() {
        Map<String, ConsumerStats> all = new LinkedHashMap<>(consumers.stats());
        all.putAll(rebuilds.stats());
        return all.entrySet().stream()
                .map(e -> new ConsumerStatus(e.getKey(), e.getValue().lag(), e.getValue().applied(),
                        e.getValue().duplicates(), e.getValue().parked(), e.getValue().deadLettered(),
                        e.getValue().lastError()))
                .toList();
    }
}
