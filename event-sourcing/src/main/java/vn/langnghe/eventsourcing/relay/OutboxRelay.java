package vn.langnghe.eventsourcing.relay;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import vn.langnghe.eventsourcing.cloudevents.CloudEventMapping;
import vn.langnghe.eventsourcing.store.EventStore;
import vn.langnghe.eventsourcing.store.RecordedEvent;

/**
 * Publishes committed events to Kafka, in global-position order, and remembers how far it got.
 *
 * <p>At least once: a round is a batch read after the stored position, sent, flushed and
 * acknowledged by every in-sync replica (acks=all, idempotent producer), and only then is the new
 * position stored. A failure anywhere restarts from the stored position with a fresh producer, so a
 * round may be sent twice but never skipped; consumers de-duplicate by stream version.
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
    private final Thread thread;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong position = new AtomicLong(-1);
    private final AtomicLong failures = new AtomicLong();
    private volatile boolean running = true;
    private volatile boolean leader;
    private volatile String lastError;
    private Connection connection;
    private Producer<String, CloudEvent> producer;

    public OutboxRelay(DataSource dataSource, RelayConfig config) {
        this.dataSource = dataSource;
        this.config = config;
        this.thread = Thread.ofPlatform().name("outbox-relay-" + config.name()).daemon().unstarted(this::run);
    }

    public OutboxRelay start() {
        thread.start();
        return this;
    }

    /** Events published since this relay started (a re-sent round counts again). */
    public long publishedCount() {
        return published.get();
    }

    /** The last global position known to be on Kafka, or -1 before the relay first read it. */
    public long publishedPosition() {
        return position.get();
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

    /** Events committed but not yet on Kafka (reads the database). */
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
                int sent = publishOneRound();
                if (sent == 0) {
                    sleep(config.idlePoll());
                }
            } catch (Exception e) {
                if (!running) {
                    break;
                }
                failures.incrementAndGet();
                lastError = e.toString();
                LOG.log(Level.WARNING, "outbox relay " + config.name() + " failed, retrying from the stored position: "
                        + e);
                resetConnections();
                sleep(config.retryBackoff());
            }
        }
        resetConnections();
    }

    private boolean ensureLeader() throws SQLException {
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
                LOG.log(Level.INFO, "outbox relay " + config.name() + " is publishing");
                position.set(loadPosition());
            }
        }
        return leader;
    }

    private int publishOneRound() throws Exception {
        List<RecordedEvent> batch = EventStore.readAfter(connection, position.get(), config.batchSize());
        if (batch.isEmpty()) {
            return 0;
        }
        Producer<String, CloudEvent> kafka = producer();
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        for (RecordedEvent event : batch) {
            acks.add(kafka.send(new ProducerRecord<>(config.topicOf(event.streamType()), event.streamId(),
                    CloudEventMapping.toCloudEvent(event, config.source()))));
        }
        kafka.flush();
        for (Future<RecordMetadata> ack : acks) {
            ack.get(config.deliveryTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }
        long last = batch.getLast().globalPosition();
        storePosition(last);
        position.set(last);
        published.addAndGet(batch.size());
        return batch.size();
    }

    private long loadPosition() throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT position FROM outbox_position WHERE relay = ?")) {
            s.setString(1, config.name());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        }
    }

    private void storePosition(long last) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "INSERT INTO outbox_position (relay, position, published_at) VALUES (?, ?, now())"
                        + " ON CONFLICT (relay) DO UPDATE SET position = excluded.position, published_at = now()")) {
            s.setString(1, config.name());
            s.setLong(2, last);
            s.executeUpdate();
        }
    }

    private Producer<String, CloudEvent> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
            props.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + config.name());
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            int timeout = (int) config.deliveryTimeout().toMillis();
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1000, timeout / 3));
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout);
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
            props.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class.getName());
            producer = new KafkaProducer<>(props);
        }
        return producer;
    }

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
