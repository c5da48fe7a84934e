package vn.langnghe.servicekit.eventsourcing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.langnghe.eventsourcing.relay.OutboxRelay;
import vn.langnghe.eventsourcing.relay.RelayConfig;
import vn.langnghe.eventsourcing.store.EventStore;
import vn.langnghe.eventsourcing.store.Migrations;

/** Creates the event store's tables at start, starts the outbox relay, and stops it on shutdown. */
@ApplicationScoped
public class EventStoreSetup {

    private final EventStoreSettings settings;
    private final DataSource dataSource;
    private final String bootstrapServers;
    private final MeterRegistry metrics;
    private volatile OutboxRelay relay;

    EventStoreSetup(
            EventStoreSettings settings,
            DataSource dataSource,
            @ConfigProperty(name = "kafka.bootstrap.servers") Optional<String> bootstrapServers,
            MeterRegistry metrics) {
        this.settings = settings;
        this.dataSource = dataSource;
        this.bootstrapServers = bootstrapServers.orElse(null);
        this.metrics = metrics;
    }

    @Produces
    @Singleton
    EventStore eventStore(Clock clock) {
        return new EventStore(dataSource, clock);
    }

    void start(@Observes StartupEvent event) {
        if (!settings.enabled()) {
            return;
        }
        Migrations.migrateEventStore(dataSource);
        EventStoreSettings.Relay config = settings.relay();
        if (!config.enabled()) {
            return;
        }
        if (bootstrapServers == null) {
            throw new IllegalStateException("kafka.bootstrap.servers is not set: the outbox relay has nowhere to publish");
        }
        relay = new OutboxRelay(dataSource, new RelayConfig(config.name(), URI.create("/" + config.name()),
                        config.topics(), bootstrapServers, config.batchSize(), config.idlePoll(),
                        config.retryBackoff(), config.deliveryTimeout()))
                .start();
        Gauge.builder("langnghe.relay.published.position", relay, OutboxRelay::publishedPosition)
                .description("Last global position the outbox relay knows is on Kafka")
                .register(metrics);
        Gauge.builder("langnghe.relay.published.events", relay, OutboxRelay::publishedCount)
                .description("Events committed to Kafka since start (aborted rounds do not count)")
                .register(metrics);
        Gauge.builder("langnghe.relay.failures", relay, OutboxRelay::failureCount)
                .description("Rounds that failed, were aborted and retried from the last committed position marker")
                .register(metrics);
    }

    void stop(@Observes ShutdownEvent event) {
        if (relay != null) {
            relay.close();
        }
    }

    /** The running relay, if this service has one. */
    public Optional<OutboxRelay> relay() {
        return Optional.ofNullable(relay);
    }
}
