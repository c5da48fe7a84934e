package vn.langnghe.eventsourcing;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.langnghe.eventsourcing.cloudevents.EventHeaders;
import vn.langnghe.eventsourcing.relay.OutboxRelay;
import vn.langnghe.eventsourcing.relay.RelayConfig;
import vn.langnghe.eventsourcing.store.EventContext;
import vn.langnghe.eventsourcing.store.EventStore;
import vn.langnghe.eventsourcing.store.ExpectedVersion;
import vn.langnghe.eventsourcing.store.NewEvent;
import vn.langnghe.eventsourcing.store.Transactions;

/** The relay against a real broker, read back with a plain consumer and the CloudEvents SDK. */
class OutboxRelayOrderTest {

    private AgroalDataSource dataSource;
    private EventStore store;
    private String topic;
    private OutboxRelay relay;

    @BeforeEach
    void setUp() {
        dataSource = TestInfra.freshDatabase();
        store = new EventStore(dataSource, Clock.systemUTC());
        topic = TestInfra.uniqueTopic("relay-order");
        TestInfra.kafka().createTopic(topic, 8);
        relay = new OutboxRelay(dataSource, RelayConfig.of("test-relay", Map.of("thing", topic),
                        TestInfra.kafka().bootstrapServers()))
                .start();
    }

    @AfterEach
    void tearDown() {
        relay.close();
        dataSource.close();
    }

    @Test
    void tenThousandEventsFromEightThreadsOverFiveHundredStreams_allReachKafka_inStreamOrder() throws Exception {
        new Load(store, "order-", 8, 10_000, 500).runToEnd();

        Map<String, List<Long>> versionsByStream = readBack(10_000, Duration.ofSeconds(120));

        assertThat(versionsByStream.values().stream().mapToInt(List::size).sum()).isEqualTo(10_000);
        versionsByStream.forEach((stream, versions) -> {
            for (int i = 0; i < versions.size(); i++) {
                assertThat(versions.get(i)).as("version %d of %s", i + 1, stream).isEqualTo(i + 1L);
            }
        });
        assertThat(relay.publishedPosition()).isPositive();
        assertThat(relay.backlog()).isZero();
    }

    @Test
    void aSlowTransactionThatStartedFirst_isNeverSkipped() throws Exception {
        // Without the append lock, the fast append would take a higher position, commit first, be
        // published, and the relay would move past the slow one's lower position for good.
        CountDownLatch slowHasAppended = new CountDownLatch(1);
        CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> Transactions.inTransaction(dataSource, tx -> {
            store.append(tx, "gap-slow", "thing", ExpectedVersion.noStream(),
                    List.of(NewEvent.of("test.ThingHappened.v1", "{}")), EventContext.at(Instant.now(), "slow"));
            slowHasAppended.countDown();
            pauseInsideTransaction(tx, 1.5);
            return null;
        }));
        assertThat(slowHasAppended.await(10, TimeUnit.SECONDS)).isTrue();
        store.append("gap-fast", "thing", ExpectedVersion.noStream(),
                List.of(NewEvent.of("test.ThingHappened.v1", "{}")), EventContext.at(Instant.now(), "fast"));
        slow.get(30, TimeUnit.SECONDS);

        Map<String, List<Long>> seen = readBack(2, Duration.ofSeconds(30));

        assertThat(seen).containsOnlyKeys("gap-slow", "gap-fast");
    }

    /** Keeps the transaction open on the server side, as a slow request would. */
    private static void pauseInsideTransaction(Connection tx, double seconds) throws java.sql.SQLException {
        try (var s = tx.createStatement()) {
            s.execute("SELECT pg_sleep(" + seconds + ")");
        }
    }

    private Map<String, List<Long>> readBack(int expected, Duration timeout) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafka().bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + topic);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, CloudEventDeserializer.class.getName());
        Map<String, List<Long>> versions = new HashMap<>();
        int count = 0;
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            while (count < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofMillis(500))) {
                    CloudEvent event = record.value();
                    assertThat(event.getSpecVersion().toString()).isEqualTo("1.0");
                    assertThat(event.getType()).isEqualTo("test.ThingHappened.v1");
                    assertThat(event.getSubject()).isEqualTo(record.key());
                    assertThat(event.getExtension(EventHeaders.PARTITION_KEY)).isEqualTo(record.key());
                    long version = Long.parseLong(event.getExtension(EventHeaders.STREAM_VERSION).toString());
                    versions.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(version);
                    count++;
                }
            }
            // Anything beyond the expected count would be a duplicate: give it a moment to show up.
            for (ConsumerRecord<String, CloudEvent> extra : consumer.poll(Duration.ofMillis(500))) {
                versions.computeIfAbsent(extra.key(), k -> new ArrayList<>())
                        .add(Long.parseLong(extra.value().getExtension(EventHeaders.STREAM_VERSION).toString()));
                count++;
            }
        }
        assertThat(count).as("records read from %s", topic).isEqualTo(expected);
        return versions;
    }
}
