package vn.langnghe.eventsourcing.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.langnghe.eventsourcing.Load;
import vn.langnghe.eventsourcing.TestInfra;
import vn.langnghe.eventsourcing.store.EventStore;

/**
 * How fast the relay drains a backlog of 10,000 events (one Kafka transaction per batch), printed for the
 * record; and that it drained it exactly once.
 */
class RelayThroughputTest {

    private static final int EVENTS = 10_000;

    @ParameterizedTest(name = "batch {0}")
    @ValueSource(ints = {500, 2_000})
    void drainsTenThousandEventsExactlyOnce(int batch) throws Exception {
        AgroalDataSource db = TestInfra.freshDatabase();
        String topic = TestInfra.uniqueTopic("relay-throughput");
        TestInfra.kafka().createTopic(topic, 8);
        new Load(new EventStore(db, Clock.systemUTC()), "tp-", 8, EVENTS, 500).runToEnd();
        long last = RelayDatabase.lastPosition(db);
        RelayConfig config = new RelayConfig("throughput-relay", URI.create("/test"), Map.of("thing", topic),
                TestInfra.kafka().bootstrapServers(), batch, Duration.ofMillis(20), Duration.ofMillis(500),
                Duration.ofSeconds(30));

        long started = System.nanoTime();
        try (OutboxRelay relay = new OutboxRelay(db, config).start()) {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(5))
                    .until(() -> relay.publishedPosition() == last);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("RELAY THROUGHPUT batch %d: %d events in %.2f s = %.0f events/s (%d failures)%n",
                    batch, EVENTS, seconds, EVENTS / seconds, relay.failureCount());
            assertThat(relay.failureCount()).isZero();
        }
        TopicContents committed = TopicContents.readCommitted(topic);
        assertThat(committed.records()).isEqualTo(EVENTS);
        assertThat(committed.duplicated()).isZero();
        db.close();
    }
}
