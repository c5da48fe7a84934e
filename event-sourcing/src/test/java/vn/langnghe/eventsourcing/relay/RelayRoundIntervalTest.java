package vn.langnghe.eventsourcing.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.langnghe.eventsourcing.Load;
import vn.langnghe.eventsourcing.TestInfra;
import vn.langnghe.eventsourcing.store.EventContext;
import vn.langnghe.eventsourcing.store.EventStore;
import vn.langnghe.eventsourcing.store.ExpectedVersion;
import vn.langnghe.eventsourcing.store.NewEvent;

/**
 * The relay's round interval: while events trickle in, a round waits for the interval to gather them, so there
 * are few Kafka transactions; a backlog still drains in full batches one after the other.
 */
class RelayRoundIntervalTest {

    @Test
    void eventsArrivingOneByOne_arePublishedInFewRounds_exactlyOnce() throws Exception {
        AgroalDataSource db = TestInfra.freshDatabase();
        String topic = TestInfra.uniqueTopic("relay-interval");
        TestInfra.kafka().createTopic(topic, 2);
        EventStore store = new EventStore(db, Clock.systemUTC());
        Duration interval = Duration.ofMillis(250);
        try (OutboxRelay relay = new OutboxRelay(db, config(topic, 2_000, interval)).start()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> relay.publishedPosition() >= 0);
            long started = System.nanoTime();
            int events = 0;
            while (System.nanoTime() - started < Duration.ofMillis(1_500).toNanos()) {
                store.append("trickle-" + events, "thing", ExpectedVersion.noStream(),
                        List.of(NewEvent.of("test.ThingHappened.v1", "{\"n\":" + events + "}")),
                        EventContext.at(Instant.now(), "test"));
                events++;
            }
            long appending = System.nanoTime() - started;
            long last = RelayDatabase.lastPosition(db);
            await().atMost(Duration.ofSeconds(30)).until(() -> relay.publishedPosition() == last);

            long mostRounds = appending / interval.toNanos() + 2;
            assertThat(events).as("events appended").isGreaterThan(20);
            assertThat(relay.roundCount()).as("rounds for %d events over %d ms", events, appending / 1_000_000)
                    .isBetween(1L, mostRounds);
            TopicContents committed = TopicContents.readCommitted(topic);
            assertThat(committed.records()).isEqualTo(events);
            assertThat(committed.duplicated()).isZero();
        }
        db.close();
    }

    @Test
    void aBacklog_drainsInFullBatches_withoutWaitingBetweenThem() throws Exception {
        AgroalDataSource db = TestInfra.freshDatabase();
        String topic = TestInfra.uniqueTopic("relay-interval-backlog");
        TestInfra.kafka().createTopic(topic, 2);
        new Load(new EventStore(db, Clock.systemUTC()), "backlog-", 4, 1_000, 200).runToEnd();
        long last = RelayDatabase.lastPosition(db);
        try (OutboxRelay relay = new OutboxRelay(db, config(topic, 100, Duration.ofSeconds(2))).start()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> relay.publishedPosition() >= 0);
            // ten full rounds; were the interval applied between them, this would take 18 s
            await().atMost(Duration.ofSeconds(10)).until(() -> relay.publishedPosition() == last);
            assertThat(relay.roundCount()).isEqualTo(10);
        }
        assertThat(TopicContents.readCommitted(topic).records()).isEqualTo(1_000);
        db.close();
    }

    private static RelayConfig config(String topic, int batch, Duration interval) {
        return new RelayConfig("interval-relay", URI.create("/test"), Map.of("thing", topic),
                TestInfra.kafka().bootstrapServers(), batch, Duration.ofMillis(20), Duration.ofMillis(500),
                Duration.ofSeconds(30), interval);
    }
}
