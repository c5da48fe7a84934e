package vn.langnghe.servicekit.eventsourcing;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the relay and consumer threads run. Kafka being down does not make the service
 * unhealthy: the outbox keeps accepting commands and the relay catches up later.
 */
@Liveness
@ApplicationScoped
public class EventFlowHealth implements HealthCheck {

    private final EventStoreSetup eventStore;
    private final ConsumerSetup consumers;

    EventFlowHealth(EventStoreSetup eventStore, ConsumerSetup consumers) {
        this.eventStore = eventStore;
        this.consumers = consumers;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("event-flow").up();
        eventStore.relay().ifPresent(relay -> {
            response.withData("relay.leader", relay.isLeader());
            response.withData("relay.publishedPosition", relay.publishedPosition());
            if (relay.lastError() != null) {
                response.withData("relay.lastError", relay.lastError());
            }
            if (!relay.isRunning()) {
                response.down();
            }
        });
        consumers.stats().forEach((name, stats) -> response.withData(name + ".lag", stats.lag()));
        if (!consumers.allRunning()) {
            response.down();
        }
        return response.build();
    }
}
