package vn.langnghe.reporting.projection.rebuild;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.langnghe.eventsourcing.consumer.CheckpointedApplier;
import vn.langnghe.eventsourcing.consumer.ConsumerSettings;
import vn.langnghe.eventsourcing.consumer.ConsumerStats;
import vn.langnghe.eventsourcing.consumer.KafkaEventConsumer;
import vn.langnghe.reporting.projection.Projections;
import vn.langnghe.servicekit.eventsourcing.ConsumerSetup;

/**
 * Rebuilds a projection from offset zero into a fresh generation while the active one keeps serving: a new
 * consumer group and checkpoint owner ({@code reporting-service.<name>.g<N>}) reads the topics from the
 * start into schema {@code rp_<name>_g<N>}; once it has processed every record that existed when the
 * rebuild started and has no lag, the pointer switches in one transaction and that consumer simply goes
 * on as the projection's live consumer. The replaced generation's consumer is stopped then: it would only skip
 * events, and every rebuild would leave one more consumer polling Kafka and taking database connections (a
 * few hundred rebuilds in one process exhausted the pool, found by the hostile-input properties). Progress:
 * records processed of the records to read, events per second, estimated seconds left. The records to read
 * are counted in the rebuild's own thread while its consumer already reads: counting 10 million records takes
 * longer than an HTTP client waits, so the start request answers at once with {@code totalEvents} null.
 *
 * <p>The rebuild's consumer runs {@code langnghe.consumers.rebuild-members} members of its group (2): while one
 * member's poll is in PostgreSQL, the other decodes and evolves its own, so a rebuild keeps both cores of a small
 * machine busy. Once switched, it is replaced by a consumer with the live setting ({@code langnghe.consumers.members},
 * 1), which resumes from the committed offsets: under live load, fewer and larger transactions cost less CPU.
 */
@ApplicationScoped
public class RebuildService {

    private static final Logger LOG = Logger.getLogger(RebuildService.class);

    public enum State { RUNNING, SWITCHED, FAILED, CANCELLED }

    /** {@code totalEvents} and {@code etaSeconds} are null while the records to read are being counted. */
    public record RebuildStatus(String id, String projection, int generation, String consumer, State state,
            Instant startedAt, Instant switchedAt, Long totalEvents, long processedEvents, double eventsPerSecond,
            Long etaSeconds, long restarts, String error) {}

    /** One rebuild and its consumer. */
    private final class Rebuild {
        final String id = UUID.randomUUID().toString();
        final String projection;
        final int generation;
        final String consumerName;
        final Instant startedAt;
        /** Null until counted. */
        volatile Long total;
        volatile KafkaEventConsumer consumer;
        volatile long processedBefore;
        volatile long restarts;
        volatile State state = State.RUNNING;
        volatile Instant switchedAt;
        volatile String error;
        /** Stopped because a later rebuild replaced its generation. */
        volatile boolean retired;

        Rebuild(String projection, int generation) {
            this.projection = projection;
            this.generation = generation;
            this.consumerName = Projections.consumerName(projection, generation);
            this.startedAt = clock.instant();
        }

        long processed() {
            ConsumerStats s = consumer.stats();
            return processedBefore + s.applied() + s.duplicates() + s.parked() + s.deadLettered();
        }

        RebuildStatus status() {
            long processed = processed();
            Instant end = switchedAt != null ? switchedAt : clock.instant();
            double seconds = Math.max(0.001, Duration.between(startedAt, end).toMillis() / 1000.0);
            double rate = processed / seconds;
            Long total = this.total;
            Long eta = state != State.RUNNING ? Long.valueOf(0)
                    : rate <= 0 || total == null ? null
                    : Long.valueOf((long) Math.ceil(Math.max(0, total - processed) / rate));
            return new RebuildStatus(id, projection, generation, consumerName, state, startedAt, switchedAt, total,
                    processed, Math.round(rate * 10) / 10.0, eta, restarts, error);
        }
    }

    private final Projections projections;
    private final ConsumerSetup consumers;
    private final RecordCounter counter;
    private final DataSource dataSource;
    private final Optional<String> bootstrapServers;
    private final Duration retryBackoff;
    private final int maxPollRecords;
    private final int liveMembers;
    private final int rebuildMembers;
    private final Clock clock;
    private final Map<String, Rebuild> rebuilds = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    RebuildService(Projections projections, ConsumerSetup consumers, RecordCounter counter, DataSource dataSource,
            @ConfigProperty(name = "kafka.bootstrap.servers") Optional<String> bootstrapServers,
            @ConfigProperty(name = "langnghe.consumers.retry-backoff", defaultValue = "1s") Duration retryBackoff,
            @ConfigProperty(name = "langnghe.consumers.max-poll-records", defaultValue = "500") int maxPollRecords,
            @ConfigProperty(name = "langnghe.consumers.members", defaultValue = "1") int liveMembers,
            @ConfigProperty(name = "langnghe.consumers.rebuild-members", defaultValue = "2") int rebuildMembers,
            Clock clock) {
        this.projections = projections;
        this.consumers = consumers;
        this.counter = counter;
        this.dataSource = dataSource;
        this.bootstrapServers = bootstrapServers;
        this.retryBackoff = retryBackoff;
        this.maxPollRecords = maxPollRecords;
        this.liveMembers = liveMembers;
        this.rebuildMembers = rebuildMembers;
        this.clock = clock;
    }

    /** Thrown when a rebuild of the projection is already running. */
    public static final class AlreadyRunning extends RuntimeException {
        public AlreadyRunning(String message) {
            super(message);
        }
    }

    public synchronized RebuildStatus start(String name) {
        projections.get(name);
        for (Rebuild r : rebuilds.values()) {
            if (r.projection.equals(name) && r.state == State.RUNNING) {
                throw new AlreadyRunning("projection " + name + " is being rebuilt (" + r.id + ")");
            }
        }
        String servers = bootstrapServers.orElseThrow(() -> new IllegalStateException("kafka.bootstrap.servers is unset"));
        int generation = projections.createGeneration(name);
        Rebuild rebuild = new Rebuild(name, generation);
        rebuild.consumer = newConsumer(rebuild, servers, rebuildMembers).start();
        rebuilds.put(rebuild.id, rebuild);
        Thread.ofVirtual().name("rebuild-" + name + "-g" + generation).start(() -> watch(rebuild, servers));
        LOG.infof("rebuilding %s into generation %d; counting the records to read", name, generation);
        return rebuild.status();
    }

    /** Thrown when a rebuild to stop has already switched, failed or been stopped. */
    public static final class AlreadyEnded extends RuntimeException {
        public AlreadyEnded(String message) {
            super(message);
        }
    }

    /**
     * Stops a running rebuild: its consumer stops, its consumer group and its generation's tables are dropped,
     * and the serving generation stays as it is. Empty when there is no such rebuild of the projection.
     */
    public synchronized Optional<RebuildStatus> cancel(String name, String id) {
        Rebuild r = rebuilds.get(id);
        if (r == null || !r.projection.equals(name)) {
            return Optional.empty();
        }
        if (r.state != State.RUNNING) {
            throw new AlreadyEnded("rebuild " + id + " of " + name + " has already ended: " + r.state);
        }
        r.state = State.CANCELLED;
        r.retired = true;
        r.consumer.close();
        projections.dropGeneration(name, r.generation);
        deleteConsumerGroup(r.consumerName);
        LOG.infof("rebuild %s of %s stopped; generation %d dropped", id, name, r.generation);
        return Optional.of(r.status());
    }

    public Optional<RebuildStatus> status(String name, String id) {
        Rebuild r = rebuilds.get(id);
        return r == null || !r.projection.equals(name) ? Optional.empty() : Optional.of(r.status());
    }

    public List<RebuildStatus> all() {
        List<RebuildStatus> all = new ArrayList<>();
        rebuilds.values().forEach(r -> all.add(r.status()));
        return all;
    }

    /**
     * Counters of the consumers rebuilds started (they keep running as live consumers after the switch), but
     * those a later rebuild retired.
     */
    public Map<String, ConsumerStats> stats() {
        Map<String, ConsumerStats> stats = new LinkedHashMap<>();
        rebuilds.values().stream().filter(r -> !r.retired)
                .forEach(r -> stats.put(r.consumerName, r.consumer.stats()));
        return stats;
    }

    /** Closes the rebuild's consumer and starts it again: what a crash and restart of the replica does to it. */
    public synchronized void restart(String id) {
        Rebuild r = rebuilds.get(id);
        if (r == null) {
            throw new IllegalArgumentException("no rebuild " + id);
        }
        if (r.state == State.CANCELLED) {
            throw new IllegalArgumentException("rebuild " + id + " was stopped");
        }
        replaceConsumer(r, r.state == State.RUNNING ? rebuildMembers : liveMembers);
        r.restarts++;
    }

    /** Closes the rebuild's consumer and starts one with that many members; it resumes where the old one stopped. */
    private void replaceConsumer(Rebuild r, int members) {
        KafkaEventConsumer old = r.consumer;
        old.close();
        ConsumerStats s = old.stats();
        r.processedBefore += s.applied() + s.duplicates() + s.parked() + s.deadLettered();
        r.consumer = newConsumer(r, bootstrapServers.orElseThrow(), members).start();
    }

    private void watch(Rebuild r, String servers) {
        try {
            long counting = System.nanoTime();
            r.total = counter.count(servers, projections.get(r.projection).topics(),
                    () -> stopping || r.state != State.RUNNING);
            LOG.infof("rebuilding %s into generation %d: %d records to read (counted in %d ms)", r.projection,
                    r.generation, r.total, (System.nanoTime() - counting) / 1_000_000);
            while (r.state == State.RUNNING) {
                Thread.sleep(200);
                switchWhenCaughtUp(r);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(r, "interrupted");
        } catch (CancellationException e) { // the service is stopping, or the rebuild was stopped
            fail(r, e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf(e, "rebuild %s of %s failed", r.id, r.projection);
            fail(r, e.toString());
            r.consumer.close();
        }
    }

    /** Synchronized with {@link #cancel}: a rebuild being stopped never switches. */
    private synchronized void switchWhenCaughtUp(Rebuild r) {
        KafkaEventConsumer consumer = r.consumer;
        if (r.state == State.RUNNING && r.processed() >= r.total && consumer.stats().lag() == 0
                && consumer.isRunning()) {
            int replaced = projections.switchTo(r.projection, r.generation);
            r.switchedAt = clock.instant();
            r.state = State.SWITCHED;
            retire(r.projection, replaced);
            if (rebuildMembers != liveMembers) {
                // Caught up, it goes on as the live consumer: fewer, larger transactions cost the live path less CPU.
                replaceConsumer(r, liveMembers);
            }
        }
    }

    private synchronized void fail(Rebuild r, String error) {
        if (r.state == State.RUNNING) {
            r.state = State.FAILED;
            r.error = error;
        }
    }

    /**
     * Stops the consumer of a generation a rebuild replaced (the one started with the service, or a rebuild's)
     * and deletes its consumer group, which would otherwise stay in Kafka lagging behind for good. The switch has
     * happened: a failure here is logged, never the rebuild's.
     */
    private void retire(String projection, int generation) {
        String name = Projections.consumerName(projection, generation);
        try {
            consumers.retire(name);
            for (Rebuild r : rebuilds.values()) {
                if (r.consumerName.equals(name)) {
                    r.retired = true;
                    r.consumer.close();
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("retiring %s, the consumer of a replaced generation: %s", name, e.toString());
        }
        deleteConsumerGroup(name);
    }

    /** Deletes a consumer group that will never read again; a failure is logged, the group then stays idle. */
    private void deleteConsumerGroup(String name) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers.orElseThrow()))) {
            admin.deleteConsumerGroups(List.of(name)).all().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.warnf("deleting consumer group %s: %s", name, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private KafkaEventConsumer newConsumer(Rebuild r, String servers, int members) {
        return new KafkaEventConsumer(
                new ConsumerSettings(r.consumerName, projections.get(r.projection).topics(), servers, retryBackoff,
                        maxPollRecords, members),
                new CheckpointedApplier(dataSource, r.consumerName, projections.handler(r.projection, r.generation)));
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        rebuilds.values().stream().filter(r -> !r.retired).forEach(r -> r.consumer.close());
    }
}
