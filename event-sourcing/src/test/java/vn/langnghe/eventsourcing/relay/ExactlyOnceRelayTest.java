package vn.langnghe.eventsourcing.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.langnghe.eventsourcing.Effects;
import vn.langnghe.eventsourcing.Load;
import vn.langnghe.eventsourcing.TestInfra;
import vn.langnghe.eventsourcing.consumer.CheckpointedApplier;
import vn.langnghe.eventsourcing.consumer.ConsumerSettings;
import vn.langnghe.eventsourcing.consumer.KafkaEventConsumer;
import vn.langnghe.eventsourcing.store.EventStore;

/**
 * Exactly once on Kafka (ADR 0010): a relay killed at the worst moments, or a broker killed under load,
 * leaves every event id on the topic exactly once (read_committed), none missing.
 */
class ExactlyOnceRelayTest {

    private static final String RELAY = "eo-relay";
    private static final int BATCH = 500;

    private AgroalDataSource db;
    private EventStore store;
    private String topic;
    private RelayConfig config;

    @BeforeEach
    void setUp() {
        // A killed relay's thread ends with an uncaught KillRelay: that is the point, not a test failure.
        Awaitility.doNotCatchUncaughtExceptionsByDefault();
        db = TestInfra.freshDatabase();
        store = new EventStore(db, Clock.systemUTC());
        topic = TestInfra.uniqueTopic("exactly-once");
        TestInfra.kafka().createTopic(topic, 8);
        config = new RelayConfig(RELAY, URI.create("/test"), Map.of("thing", topic), TestInfra.kafka().bootstrapServers(),
                BATCH, Duration.ofMillis(20), Duration.ofMillis(500), Duration.ofSeconds(10));
    }

    @AfterEach
    void tearDown() {
        Awaitility.reset();
        db.close();
    }

    @Test
    void relayKilledAfterTheKafkaCommitBeforeStoringItsPosition_successorSendsNothingTwice() throws Exception {
        new Load(store, "commit-", 4, 2_000, 100).runToEnd();
        AtomicInteger commits = new AtomicInteger();
        OutboxRelay first = new OutboxRelay(db, config);
        first.injectFaults(new RelayFaults() {
            @Override
            public void afterCommit() {
                if (commits.incrementAndGet() == 2) {
                    throw new KillRelay("after its second Kafka commit");
                }
            }
        });
        first.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> !first.isRunning());
        // The window the old relay re-sent: Kafka has two batches, outbox_position remembers one.
        assertThat(first.publishedPosition()).isEqualTo(RelayDatabase.positionOfEvent(db, 2 * BATCH));
        assertThat(RelayDatabase.storedPosition(db, RELAY)).isEqualTo(RelayDatabase.positionOfEvent(db, BATCH));
        assertThat(RelayDatabase.endLeaderSession(db)).as("the dead relay's session").isEqualTo(1);

        OutboxRelay second = new OutboxRelay(db, config).start();
        try {
            awaitEverythingPublished(second);
            assertThat(second.publishedCount()).as("events the successor sent").isEqualTo(2_000 - 2 * BATCH);
        } finally {
            second.close();
            first.close();
        }
        assertExactlyOnceOnKafka(2_000);
    }

    @Test
    void relayKilledInsideItsTransaction_successorAbortsIt_nothingDuplicatedOrLost() throws Exception {
        new Load(store, "open-", 4, 2_000, 100).runToEnd();
        AtomicInteger rounds = new AtomicInteger();
        OutboxRelay first = new OutboxRelay(db, config);
        first.injectFaults(new RelayFaults() {
            @Override
            public void beforeCommit() {
                if (rounds.incrementAndGet() == 2) {
                    throw new KillRelay("with its second batch sent but not committed");
                }
            }
        });
        first.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> !first.isRunning());
        assertThat(RelayDatabase.endLeaderSession(db)).as("the dead relay's session").isEqualTo(1);

        OutboxRelay second = new OutboxRelay(db, config).start();
        try {
            awaitEverythingPublished(second);
            assertThat(second.publishedCount()).isEqualTo(2_000 - BATCH);
        } finally {
            second.close();
            first.close();
        }
        assertExactlyOnceOnKafka(2_000);
        // The aborted batch is still in the log: only read_committed keeps it out.
        TopicContents everything = TopicContents.readUncommitted(topic);
        assertThat(everything.records()).isEqualTo(2_000 + BATCH);
        assertThat(everything.duplicated()).isEqualTo(BATCH);
    }

    @Test
    void brokerKilledUnderLoad_andRelayReplaced_everyEventOnceOnKafka_andAppliedOnce() throws Exception {
        int events = 6_000;
        AgroalDataSource consumerDb = TestInfra.freshDatabase();
        Effects.createTable(consumerDb);
        KafkaEventConsumer consumer = new KafkaEventConsumer(
                new ConsumerSettings("eo-consumer", List.of(topic), TestInfra.kafka().bootstrapServers(),
                        Duration.ofMillis(500)),
                new CheckpointedApplier(consumerDb, "eo-consumer", Effects.COUNTING)).start();
        AtomicBoolean killNow = new AtomicBoolean();
        OutboxRelay first = new OutboxRelay(db, config);
        first.injectFaults(new RelayFaults() {
            @Override
            public void beforeCommit() {
                if (killNow.get()) {
                    throw new KillRelay("mid-transaction, under load");
                }
            }
        });
        first.start();
        Load load = new Load(store, "load-", 8, events, 300);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> appenders = load.start(pool);
        OutboxRelay second = null;
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> load.appended() >= events / 4 && first.publishedCount() > 0);
            TestInfra.kafka().kill();
            await().atMost(Duration.ofSeconds(60)).until(() -> load.appended() >= events / 2);
            TestInfra.kafka().restart();
            await().atMost(Duration.ofSeconds(60)).until(() -> load.appended() >= 3 * events / 4);
            killNow.set(true);
            await().atMost(Duration.ofSeconds(60)).until(() -> !first.isRunning());
            RelayDatabase.endLeaderSession(db);
            second = new OutboxRelay(db, config).start();
            for (Future<?> appender : appenders) {
                appender.get(120, TimeUnit.SECONDS);
            }
            awaitEverythingPublished(second);
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                    .until(() -> Effects.query(consumerDb, "SELECT count(*) FROM effects") >= events);
        } finally {
            pool.shutdownNow();
            if (second != null) {
                second.close();
            }
            first.close();
            consumer.close();
        }
        assertExactlyOnceOnKafka(events);
        assertThat(Effects.query(consumerDb, "SELECT count(*) FROM effects")).isEqualTo(events);
        assertThat(Effects.query(consumerDb, "SELECT count(*) FROM effects WHERE times <> 1")).isZero();
        consumerDb.close();
    }

    private void awaitEverythingPublished(OutboxRelay relay) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .until(() -> relay.publishedPosition() == RelayDatabase.lastPosition(db)
                        && RelayDatabase.storedPosition(db, RELAY) == RelayDatabase.lastPosition(db));
    }

    private void assertExactlyOnceOnKafka(int events) {
        TopicContents committed = TopicContents.readCommitted(topic);
        assertThat(committed.timesById().keySet()).as("event ids on Kafka").isEqualTo(RelayDatabase.eventIds(db));
        assertThat(committed.duplicated()).as("event ids on Kafka more than once").isZero();
        assertThat(committed.records()).isEqualTo(events);
    }
}
