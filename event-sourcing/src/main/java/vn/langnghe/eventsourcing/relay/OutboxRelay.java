package vn.langnghe.eventsourcing.relay;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import vn.langnghe.eventsourcing.cloudevents.CloudEventMapping;
import vn.langnghe.eventsourcing.store.EventStore;
import vn.langnghe.eventsourcing.store.RecordedEvent;

/**
 * Publishes committed events to Kafka, in global-position order, exactly once per event (ADR 0010).
 *
 * <p>A round reads a batch after the current position and sends it in one Kafka transaction together with
 * a position marker (the batch's last global position, in the compacted topic {@link PositionMarkers#TOPIC});
 * the commit makes the events and the marker visible together or not at all. Only then is the position
 * mirrored into {@code outbox_position}, which is no longer the source of truth. On becoming leader the
 * relay calls {@code initTransactions()} with its stable transactional id, which fences any previous
 * holder and aborts the transaction it left open, and then starts from the last committed marker. Any
 * failure drops the producer and starts again that way, so a round is never committed twice and never
 * skipped. Consumers must read with {@code isolation.level=read_committed}.
 *
 * <p>Only one relay per database publishes at a time: it holds a session-level advisory lock on its
 * own connection, so replicas of a service can all run one and a stand-by takes over when the holder
 * dies (its connection closes and the lock goes with it).
 */
public final class OutboxRelay implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(OutboxRelay.class.getName());
    /** "LNRL" in ASCII, distinct from the append lock. */
    private static final long LEADER_LOCK = 0x4C4E524CL;

    private final DataSource dataSource;
    private final RelayConfig config;
    private final PositionMarkers markers;
    private final Thread thread;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong position = new AtomicLong(-1);
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong rounds = new AtomicLong();
    private volatile boolean running = true;
    private volatile boolean leader;
    private volatile String lastError;
    private volatile RelayFaults faults = RelayFaults.NONE;
    private Connection connection;
    private Producer<String, Object> producer;
    private String markerKey;
    /** The operators' rewind this leadership started from, cleared with the first stored position. */
    private Long rewindTaken;

    public OutboxRelay(DataSource dataSource, RelayConfig config) {
        this.dataSource = dataSource;
        this.config = config;
        this.markers = new PositionMarkers(config.bootstrapServers(), config.deliveryTimeout());
        this.thread = Thread.ofPlatform().name("outbox-relay-" + config.name()).daemon().unstarted(this::run);
    }

    public OutboxRelay start() {
        thread.start();
        return this;
    }

    /** Test seam (see {@link RelayFaults}); set it before {@link #start()}. */
    void injectFaults(RelayFaults faults) {
        this.faults = faults;
    }

    /** Events this relay committed to Kafka since it started (an aborted round does not count). */
    public long publishedCount() {
        return published.get();
    }

    /** The last global position known to be on Kafka, or -1 before the relay first read it. */
    public long publishedPosition() {
        return position.get();
    }

    /** Rounds committed to Kafka since it started, each one Kafka transaction. */
    public long roundCount() {
        return rounds.get();
    }

    public long failureCount() {
        return failures.get();
    }

    public boolean isLeader() {
        return leader;
    }

    public String lastError() {
        return lastError;
    }

    public boolean isRunning() {
        return thread.isAlive();
    }

    /** Events committed but not yet on Kafka, as far as outbox_position knows (reads the database). */
    public long backlog() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT count(*) FROM events WHERE global_position > "
                        + "coalesce((SELECT position FROM outbox_position WHERE relay = ?), 0)")) {
            s.setString(1, config.name());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void run() {
        while (running) {
            try {
                if (!ensureLeader()) {
                    sleep(config.retryBackoff());
                    continue;
                }
                long started = System.nanoTime();
                int sent = publishOneRound();
                if (sent == 0) {
                    sleep(config.idlePoll());
                } else if (sent < config.batchSize()) {
                    // caught up: let the next round gather what arrives meanwhile
                    long left = config.roundInterval().toNanos() - (System.nanoTime() - started);
                    if (left > 0) {
                        sleep(Duration.ofNanos(left));
                    }
                }
            } catch (Exception e) {
                if (!running) {
                    break;
                }
                failures.incrementAndGet();
                lastError = e.toString();
                LOG.log(Level.WARNING, "outbox relay " + config.name() + " failed, starting again from the last committed marker: "
                        + e);
                resetConnections();
                sleep(config.retryBackoff());
            }
        }
        resetConnections();
    }

    private boolean ensureLeader() throws Exception {
        if (connection == null || connection.isClosed()) {
            leader = false;
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
        }
        if (!leader) {
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                lock.setLong(1, LEADER_LOCK);
                try (ResultSet rs = lock.executeQuery()) {
                    rs.next();
                    leader = rs.getBoolean(1);
                }
            }
            if (leader) {
                String outboxId = outboxId();
                markerKey = PositionMarkers.key(config.name(), outboxId);
                producer = newProducer(outboxId);
                producer.initTransactions(); // fences the previous holder and aborts what it left open
                position.set(startingPosition());
                LOG.log(Level.INFO, "outbox relay " + config.name() + " is publishing after position " + position.get());
            }
        }
        return leader;
    }

    /**
     * Where a new leader starts: an operator's rewind if one is asked for, else the last committed marker,
     * else (a relay that never wrote one) outbox_position. Never beyond the last event in the database: a
     * marker ahead of it means the database was restored from a backup and would otherwise reuse positions
     * the relay skips.
     */
    private long startingPosition() throws Exception {
        rewindTaken = null;
        long stored = 0;
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT position, rewind_to FROM outbox_position WHERE relay = ?")) {
            s.setString(1, config.name());
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    stored = rs.getLong(1);
                    long rewind = rs.getLong(2);
                    if (!rs.wasNull()) {
                        rewindTaken = rewind;
                    }
                }
            }
        }
        if (rewindTaken != null) {
            LOG.log(Level.WARNING, "outbox relay " + config.name() + " rewinds to position " + rewindTaken
                    + " as asked in outbox_position.rewind_to: events after it are published again");
            return rewindTaken;
        }
        OptionalLong marker = markers.lastCommitted(markerKey);
        long start = marker.orElse(stored);
        long last = lastEventPosition();
        if (start > last) {
            LOG.log(Level.ERROR, "outbox relay " + config.name() + ": Kafka has position " + start
                    + " but the database's last event is " + last + " (restored from a backup?); publishing after " + last);
            return last;
        }
        return start;
    }

    private int publishOneRound() throws Exception {
        List<RecordedEvent> batch = EventStore.readAfter(connection, position.get(), config.batchSize());
        if (batch.isEmpty()) {
            return 0;
        }
        long last = batch.getLast().globalPosition();
        producer.beginTransaction();
        for (RecordedEvent event : batch) {
            producer.send(new ProducerRecord<>(config.topicOf(event.streamType()), event.streamId(),
                    CloudEventMapping.toCloudEvent(event, config.source())));
        }
        producer.send(PositionMarkers.marker(markerKey, last));
        producer.flush(); // every record is on the broker, still invisible to read_committed consumers
        faults.beforeCommit();
        producer.commitTransaction(); // fails if any send failed, and then nothing of the round is visible
        position.set(last);
        published.addAndGet(batch.size());
        rounds.incrementAndGet();
        faults.afterCommit();
        storePosition(last);
        return batch.size();
    }

    private String outboxId() throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT id FROM outbox_identity");
                ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("outbox_identity is empty: event store migrations not applied");
            }
            return rs.getString(1);
        }
    }

    private long lastEventPosition() throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT coalesce(max(global_position), 0) FROM events");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Mirrors the committed position for the backlog metric and operators; clears a rewind once taken. */
    private void storePosition(long last) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "INSERT INTO outbox_position (relay, position, published_at) VALUES (?, ?, now())"
                        + " ON CONFLICT (relay) DO UPDATE SET position = excluded.position, published_at = now(),"
                        + " rewind_to = CASE WHEN outbox_position.rewind_to IS NOT DISTINCT FROM ?"
                        + " THEN NULL ELSE outbox_position.rewind_to END")) {
            s.setString(1, config.name());
            s.setLong(2, last);
            if (rewindTaken == null) {
                s.setNull(3, java.sql.Types.BIGINT);
            } else {
                s.setLong(3, rewindTaken);
            }
            s.executeUpdate();
        }
        rewindTaken = null;
    }

    /**
     * One producer per leadership. The transactional id is stable for this relay and outbox, so replicas
     * and restarts share it and each new leader fences the one before.
     */
    private Producer<String, Object> newProducer(String outboxId) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + config.name());
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId(config.name(), outboxId));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        int timeout = (int) config.deliveryTimeout().toMillis();
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1000, timeout / 3));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
        // A transaction left open by a relay that died without a successor is aborted by the broker after
        // this; until then read_committed consumers wait at it.
        props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, Math.max(10_000, 2 * timeout));
        props.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, RelayRecordSerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    static String transactionalId(String relay, String outboxId) {
        return "outbox-relay-" + relay + "-" + outboxId;
    }

    /** Drops the producer (its open transaction is aborted by the next leader's initTransactions) and the lock. */
    private void resetConnections() {
        leader = false;
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException ignored) {
                // a producer that cannot close cleanly is dropped anyway
            }
            producer = null;
        }
        if (connection != null) {
            try {
                connection.close(); // releases the leader lock
            } catch (SQLException ignored) {
                // the database is already gone
            }
            connection = null;
        }
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
