package vn.langnghe.servicekit.eventsourcing;

import io.micrometer.core.instrument.FunctionCounter;
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
import vn.langnghe.eventsourcing.store.GroupCommit;
import vn.langnghe.eventsourcing.store.GroupCommitSettings;
import vn.langnghe.eventsourcing.store.Migrations;
import vn.langnghe.eventsourcing.store.TransactionRunner;

/**
 * Creates the event store's tables at start, starts the group commit and the outbox relay, and stops them on
 * shutdown.
 */
@ApplicationScoped
public class EventStoreSetup {

    private final EventStoreSettings settings;
    private final DataSource dataSource;
    private final String bootstrapServers;
    private final MeterRegistry metrics;
    private volatile OutboxRelay relay;
    private GroupCommit groupCommit;
    private TransactionRunner commandTransactions;

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
        return new EventStore(dataSource, clock, commandTransactions());
    }

    /** A group commit when this service owns aggregates and it is enabled, else a transaction per command. */
    synchronized TransactionRunner commandTransactions() {
        if (commandTransactions != null) {
            return commandTransactions;
        }
        EventStoreSettings.GroupCommit config = settings.groupCommit();
        if (!settings.enabled() || !config.enabled()) {
            commandTransactions = TransactionRunner.ownTransactions(dataSource);
            return commandTransactions;
        }
        groupCommit = new GroupCommit(dataSource,
                new GroupCommitSettings(config.maxBatch(), config.linger(), config.timeout()));
        // Recent mean batch size = rate(commands) / rate(batches).
        FunctionCounter.builder("langnghe.group.commit.batches", groupCommit, GroupCommit::batches)
                .description("Transactions the group commit ran, each holding one or more commands").register(metrics);
        FunctionCounter.builder("langnghe.group.commit.commands", groupCommit, GroupCommit::commands)
                .description("Commands run through the group commit").register(metrics);
        FunctionCounter.builder("langnghe.group.commit.failed.batches", groupCommit, GroupCommit::failedBatches)
                .description("Batches whose commit failed, failing each of their commands").register(metrics);
        Gauge.builder("langnghe.group.commit.batch.size.mean", groupCommit, GroupCommit::meanBatchSize)
                .description("Mean commands per transaction since start").register(metrics);
        Gauge.builder("langnghe.group.commit.batch.size.max", groupCommit, GroupCommit::largestBatch)
                .description("Largest batch since start").register(metrics);
        Gauge.builder("langnghe.group.commit.queued", groupCommit, GroupCommit::queued)
                .description("Commands waiting for the next batch").register(metrics);
        commandTransactions = groupCommit;
        return commandTransactions;
    }

    void start(@Observes StartupEvent event) {
        if (!settings.enabled()) {
            return;
        }
        Migrations.migrateEventStore(dataSource);
        commandTransactions(); // the committer and its metrics are there before the first request
        EventStoreSettings.Relay config = settings.relay();
        if (!config.enabled()) {
            return;
        }
        if (bootstrapServers == null) {
            throw new IllegalStateException("kafka.bootstrap.servers is not set: the outbox relay has nowhere to publish");
        }
        relay = new OutboxRelay(dataSource, new RelayConfig(config.name(), URI.create("/" + config.name()),
                        config.topics(), bootstrapServers, config.batchSize(), config.idlePoll(),
                        config.retryBackoff(), config.deliveryTimeout(), config.roundInterval()))
                .start();
        Gauge.builder("langnghe.relay.published.position", relay, OutboxRelay::publishedPosition)
                .description("Last global position the outbox relay knows is on Kafka")
                .register(metrics);
        Gauge.builder("langnghe.relay.published.events", relay, OutboxRelay::publishedCount)
                .description("Events committed to Kafka since start (aborted rounds do not count)")
                .register(metrics);
        Gauge.builder("langnghe.relay.rounds", relay, OutboxRelay::roundCount)
                .description("Rounds committed to Kafka since start, each one Kafka transaction")
                .register(metrics);
        Gauge.builder("langnghe.relay.failures", relay, OutboxRelay::failureCount)
                .description("Rounds that failed, were aborted and retried from the last committed position marker")
                .register(metrics);
    }

    void stop(@Observes ShutdownEvent event) {
        synchronized (this) {
            if (groupCommit != null) {
                groupCommit.close(); // runs what is queued, then refuses with 503
            }
        }
        if (relay != null) {
            relay.close();
        }
    }

    /** The running relay, if this service has one. */
    public Optional<OutboxRelay> relay() {
        return Optional.ofNullable(relay);
    }
}
