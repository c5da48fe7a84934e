package vn.langnghe.servicekit.eventsourcing;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.langnghe.eventsourcing.consumer.CheckpointedApplier;
import vn.langnghe.eventsourcing.consumer.ConsumerSettings;
import vn.langnghe.eventsourcing.consumer.ConsumerStats;
import vn.langnghe.eventsourcing.consumer.KafkaEventConsumer;
import vn.langnghe.eventsourcing.store.Migrations;

/** Starts every {@link ConsumerBinding} the service declares, with checkpoints in its own database. */
@ApplicationScoped
public class ConsumerSetup {

    private final Instance<ConsumerBinding> bindings;
    private final DataSource dataSource;
    private final Optional<String> bootstrapServers;
    private final Duration retryBackoff;
    private final int maxPollRecords;
    private final int members;
    private final MeterRegistry metrics;
    private final Map<String, KafkaEventConsumer> running = new LinkedHashMap<>();

    ConsumerSetup(
            Instance<ConsumerBinding> bindings,
            DataSource dataSource,
            @ConfigProperty(name = "kafka.bootstrap.servers") Optional<String> bootstrapServers,
            @ConfigProperty(name = "langnghe.consumers.retry-backoff", defaultValue = "1s") Duration retryBackoff,
            @ConfigProperty(name = "langnghe.consumers.max-poll-records", defaultValue = "500") int maxPollRecords,
            @ConfigProperty(name = "langnghe.consumers.members", defaultValue = "1") int members,
            MeterRegistry metrics) {
        this.bindings = bindings;
        this.dataSource = dataSource;
        this.bootstrapServers = bootstrapServers;
        this.retryBackoff = retryBackoff;
        this.maxPollRecords = maxPollRecords;
        this.members = members;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent event) {
        List<ConsumerBinding> declared = new ArrayList<>();
        bindings.forEach(declared::add);
        if (declared.isEmpty()) {
            return;
        }
        String servers = bootstrapServers.orElseThrow(() ->
                new IllegalStateException("kafka.bootstrap.servers is not set: consumers have nothing to read"));
        Migrations.migrateConsumer(dataSource);
        for (ConsumerBinding binding : declared) {
            KafkaEventConsumer consumer = new KafkaEventConsumer(
                    new ConsumerSettings(binding.name(), binding.topics(), servers, retryBackoff, maxPollRecords,
                            members),
                    new CheckpointedApplier(dataSource, binding.name(), binding.handler()));
            synchronized (running) {
                running.put(binding.name(), consumer);
            }
            registerMetrics(binding.name(), consumer.stats());
            consumer.start();
        }
    }

    private void registerMetrics(String name, ConsumerStats stats) {
        Tags tags = Tags.of("consumer", name);
        Gauge.builder("langnghe.consumer.lag", stats, ConsumerStats::lag).tags(tags)
                .description("Records on the consumer's partitions not yet processed").register(metrics);
        FunctionCounter.builder("langnghe.consumer.applied", stats, ConsumerStats::applied).tags(tags)
                .description("Events applied").register(metrics);
        FunctionCounter.builder("langnghe.consumer.duplicates", stats, ConsumerStats::duplicates).tags(tags)
                .description("Redelivered events recognised and skipped").register(metrics);
        FunctionCounter.builder("langnghe.consumer.parked", stats, ConsumerStats::parked).tags(tags)
                .description("Events that arrived ahead of a missing predecessor").register(metrics);
        FunctionCounter.builder("langnghe.consumer.dead.lettered", stats, ConsumerStats::deadLettered).tags(tags)
                .description("Undecodable events sent to the dead-letter topic").register(metrics);
    }

    void stop(@Observes ShutdownEvent event) {
        List<KafkaEventConsumer> all;
        synchronized (running) {
            all = List.copyOf(running.values());
        }
        all.forEach(KafkaEventConsumer::close);
    }

    /**
     * Stops and forgets a consumer whose work another one took over (reporting: the generation a rebuild
     * replaced): it no longer counts for health, status or metrics. Unknown names are ignored.
     */
    public void retire(String name) {
        KafkaEventConsumer consumer;
        synchronized (running) {
            consumer = running.remove(name);
        }
        if (consumer != null) {
            consumer.close();
            List.copyOf(metrics.getMeters()).stream().filter(m -> name.equals(m.getId().getTag("consumer")))
                    .forEach(metrics::remove);
        }
    }

    /** Each consumer's counters, by name. */
    public Map<String, ConsumerStats> stats() {
        Map<String, ConsumerStats> stats = new LinkedHashMap<>();
        synchronized (running) {
            running.forEach((name, consumer) -> stats.put(name, consumer.stats()));
        }
        return stats;
    }

    public boolean allRunning() {
        synchronized (running) {
            return running.values().stream().allMatch(KafkaEventConsumer::isRunning);
        }
    }
}
