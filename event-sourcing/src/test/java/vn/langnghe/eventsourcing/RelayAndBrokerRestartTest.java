package vn.langnghe.eventsourcing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import vn.langnghe.eventsourcing.consumer.CheckpointedApplier;
import vn.langnghe.eventsourcing.consumer.ConsumerSettings;
import vn.langnghe.eventsourcing.consumer.KafkaEventConsumer;
import vn.langnghe.eventsourcing.relay.OutboxRelay;
import vn.langnghe.eventsourcing.relay.RelayConfig;
import vn.langnghe.eventsourcing.relay.TopicContents;
import vn.langnghe.eventsourcing.store.EventStore;
import vn.langnghe.eventsourcing.store.Transactions;

/**
 * The relay is stopped and replaced, its mirrored position in outbox_position is wound back (what made the
 * at-least-once relay re-send a window), and the broker is restarted, all while eight threads append.
 * Nothing may be missing, nothing may be on Kafka twice (the successor starts from the position marker
 * committed with the last batch, not from outbox_position), and every event is applied once.
 */
class RelayAndBrokerRestartTest {

    private static final int EVENTS = 10_000;
    private static final int REWOUND = 300;

    @Test
    void restartsUnderLoad_loseNothing_sendNothingTwice_applyEverythingOnce() throws Exception {
        AgroalDataSource producerDb = TestInfra.freshDatabase();
        AgroalDataSource consumerDb = TestInfra.freshDatabase();
        Effects.createTable(consumerDb);
        String topic = TestInfra.uniqueTopic("relay-faults");
        TestInfra.kafka().createTopic(topic, 8);
        RelayConfig relayConfig = new RelayConfig("fault-relay", java.net.URI.create("/test"), Map.of("thing", topic),
                TestInfra.kafka().bootstrapServers(), 500, Duration.ofMillis(20), Duration.ofMillis(500),
                Duration.ofSeconds(10));
        EventStore store = new EventStore(producerDb, Clock.systemUTC());
        KafkaEventConsumer consumer = new KafkaEventConsumer(
                new ConsumerSettings("fault-consumer", List.of(topic), TestInfra.kafka().bootstrapServers(),
                        Duration.ofMillis(500)),
                new CheckpointedApplier(consumerDb, "fault-consumer", Effects.COUNTING)).start();
        OutboxRelay relay = new OutboxRelay(producerDb, relayConfig).start();
        Load load = new Load(store, "fault-", 8, EVENTS, 500);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> appenders = load.start(pool);
        long firstRelayPublished;
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> load.appended() >= EVENTS / 4 && relay.publishedCount() >= 3L * REWOUND);
            relay.close();
            firstRelayPublished = relay.publishedCount();
            rewindRelayPosition(producerDb, REWOUND);
            OutboxRelay second = new OutboxRelay(producerDb, relayConfig).start();
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> load.appended() >= EVENTS / 2);
                TestInfra.kafka().restart();
                for (Future<?> appender : appenders) {
                    appender.get(120, java.util.concurrent.TimeUnit.SECONDS);
                }
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                        .until(() -> Effects.query(consumerDb, "SELECT count(*) FROM effects") >= EVENTS);

                // At most: a commit whose answer was lost in the broker restart is on Kafka but not counted.
                assertThat(firstRelayPublished + second.publishedCount()).as("events committed by the two relays")
                        .isLessThanOrEqualTo(EVENTS);
            } finally {
                second.close();
            }
        } finally {
            pool.shutdownNow();
            consumer.close();
        }

        assertThat(Effects.query(consumerDb, "SELECT count(*) FROM effects")).isEqualTo(EVENTS);
        assertThat(Effects.query(consumerDb, "SELECT count(*) FROM effects WHERE times <> 1"))
                .as("events applied more than once").isZero();
        assertThat(Effects.query(consumerDb, "SELECT count(*) FROM (SELECT stream_id FROM effects GROUP BY stream_id"
                + " HAVING max(version) <> count(*)) holes")).as("streams with a missing version").isZero();
        TopicContents onKafka = TopicContents.readCommitted(topic);
        assertThat(onKafka.records()).as("records on Kafka").isEqualTo(EVENTS);
        assertThat(onKafka.timesById()).as("distinct event ids on Kafka").hasSize(EVENTS);
        assertThat(onKafka.duplicated()).as("event ids on Kafka more than once").isZero();
        producerDb.close();
        consumerDb.close();
    }

    /** What an at-least-once relay that crashed after sending, but before storing its position, left behind. */
    private static void rewindRelayPosition(AgroalDataSource dataSource, int events) {
        Transactions.inTransaction(dataSource, tx -> {
            try (Statement s = tx.createStatement()) {
                s.executeUpdate("UPDATE outbox_position SET position = greatest(0, position - " + events
                        + ") WHERE relay = 'fault-relay'");
            }
            return null;
        });
    }
}
