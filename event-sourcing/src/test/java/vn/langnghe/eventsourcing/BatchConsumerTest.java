package vn.langnghe.eventsourcing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import vn.langnghe.eventsourcing.consumer.CheckpointedApplier;
import vn.langnghe.eventsourcing.consumer.ConsumedEvent;
import vn.langnghe.eventsourcing.consumer.ConsumerSettings;
import vn.langnghe.eventsourcing.consumer.EventHandler;
import vn.langnghe.eventsourcing.consumer.KafkaEventConsumer;
import vn.langnghe.eventsourcing.consumer.UndecodableEvent;
import vn.langnghe.testsupport.kafka.TestCloudEvents;

/**
 * The consumer applies a poll in one transaction; a poison event in it, or a database failure while applying it,
 * still ends with every other event applied exactly once.
 */
class BatchConsumerTest {

    /** Stream and version of each record, in the order produced; one partition, so one poll takes them all. */
    private static final List<String> RECORDS = List.of("a@1", "a@2", "b@1", "a@2", "c@1", "a@3", "b@2", "d@1");

    @Test
    void givenAPoisonEventMidPoll_whenConsumed_thenItIsDeadLettered_andEveryOtherEventIsAppliedOnce() throws Exception {
        AgroalDataSource db = TestInfra.freshDatabase();
        Effects.createTable(db);
        String topic = produce("poison", RECORDS);
        List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        EventHandler rejectingC = new EventHandler() {
            @Override
            public void apply(Connection tx, ConsumedEvent event) throws SQLException {
                if (event.streamId().startsWith("c-")) {
                    throw new UndecodableEvent("poison does not fit " + event.type());
                }
                Effects.COUNTING.apply(tx, event);
            }

            @Override
            public void applyAll(Connection tx, List<ConsumedEvent> events) throws SQLException {
                batchSizes.add(events.size());
                EventHandler.super.applyAll(tx, events);
            }
        };
        KafkaEventConsumer consumer = consumer(topic, db, rejectingC);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> consumer.stats().deadLettered() == 1
                    && Effects.query(db, "SELECT count(*) FROM effects") == 6);
        } finally {
            consumer.close();
        }

        assertThat(batchSizes.getFirst()).as("the poll was first tried as one batch").isGreaterThan(1);
        assertThat(Effects.query(db, "SELECT count(*) FROM effects WHERE times <> 1")).isZero();
        assertThat(Effects.query(db, "SELECT count(*) FROM effects WHERE stream_id LIKE 'c-%'")).isZero();
        assertThat(consumer.stats().applied()).isEqualTo(6);
        assertThat(consumer.stats().duplicates()).isEqualTo(1);
        List<TestCloudEvents.Received> dead = TestCloudEvents.readUntil(TestInfra.kafka().bootstrapServers(),
                ConsumerSettings.deadLetterTopic(topic), r -> !r.isEmpty(), Duration.ofSeconds(30));
        assertThat(dead).singleElement().satisfies(r -> assertThat(r.key()).startsWith("c-"));
        db.close();
    }

    @Test
    void givenTheDatabaseFailsMidPoll_whenConsumed_thenNothingOfThePollIsKept_andTheRetryAppliesEveryEventOnce()
            throws Exception {
        AgroalDataSource db = TestInfra.freshDatabase();
        Effects.createTable(db);
        String topic = produce("db-failure", RECORDS);
        AtomicBoolean failed = new AtomicBoolean();
        List<Long> effectsSeenAtRetry = new CopyOnWriteArrayList<>();
        EventHandler failingOnce = new EventHandler() {
            @Override
            public void apply(Connection tx, ConsumedEvent event) throws SQLException {
                Effects.COUNTING.apply(tx, event);
            }

            @Override
            public void applyAll(Connection tx, List<ConsumedEvent> events) throws SQLException {
                if (failed.get()) {
                    effectsSeenAtRetry.add(Effects.query(db, "SELECT count(*) FROM effects"));
                }
                EventHandler.super.applyAll(tx, events);
                if (failed.compareAndSet(false, true)) {
                    try (Statement s = tx.createStatement()) {
                        s.execute("SELECT pg_terminate_backend(pg_backend_pid())"); // the connection is lost
                    }
                }
            }
        };
        KafkaEventConsumer consumer = consumer(topic, db, failingOnce);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> Effects.query(db, "SELECT count(*) FROM effects") == 7);
        } finally {
            consumer.close();
        }

        assertThat(failed).isTrue();
        assertThat(effectsSeenAtRetry.getFirst()).as("effects kept from the failed attempt").isZero();
        assertThat(Effects.query(db, "SELECT count(*) FROM effects WHERE times <> 1")).isZero();
        assertThat(consumer.stats().retries()).isGreaterThanOrEqualTo(1);
        assertThat(consumer.stats().applied()).isEqualTo(7);
        assertThat(consumer.stats().duplicates()).isEqualTo(1);
        assertThat(consumer.stats().deadLettered()).isZero();
        db.close();
    }

    /**
     * Two members of one group on four partitions, each applying its polls in its own transaction while both add to
     * one shared sum row (as a projection's report cells do): stopped midway and started again, every event is
     * applied once, the sum counts each once, and both members did some of the work.
     */
    @Test
    void givenTwoMembers_whenStoppedMidwayAndStartedAgain_thenEveryEventIsAppliedOnce_andTheSharedSumCountsEachOnce()
            throws Exception {
        AgroalDataSource db = TestInfra.freshDatabase();
        Effects.createTable(db);
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE total (id INT PRIMARY KEY, n BIGINT NOT NULL)");
            s.execute("INSERT INTO total VALUES (1, 0)");
        }
        String topic = TestInfra.uniqueTopic("members");
        TestInfra.kafka().createTopic(topic, 4);
        int streams = 120;
        int versions = 5;
        try (KafkaProducer<String, byte[]> producer = TestCloudEvents.producer(TestInfra.kafka().bootstrapServers())) {
            for (int v = 1; v <= versions; v++) {
                for (int i = 0; i < streams; i++) {
                    producer.send(TestCloudEvents.record(topic, "s" + i + "-" + topic, v, "test.ThingHappened.v1",
                            "/test", Instant.parse("2026-11-23T00:00:00Z").toString(), "{}"));
                }
            }
            producer.flush();
        }
        List<String> threads = new CopyOnWriteArrayList<>();
        EventHandler summing = new EventHandler() {
            @Override
            public void apply(Connection tx, ConsumedEvent event) throws SQLException {
                Effects.COUNTING.apply(tx, event);
            }

            @Override
            public void applyAll(Connection tx, List<ConsumedEvent> events) throws SQLException {
                threads.add(Thread.currentThread().getName());
                EventHandler.super.applyAll(tx, events);
                pauseBriefly(); // work that takes time, so the second member joins before the first took everything
                try (Statement s = tx.createStatement()) {
                    s.executeUpdate("UPDATE total SET n = n + " + events.size() + " WHERE id = 1");
                }
            }
        };
        String name = "members-" + topic;
        ConsumerSettings settings = new ConsumerSettings(name, List.of(topic), TestInfra.kafka().bootstrapServers(),
                Duration.ofMillis(200), 20, 2);
        KafkaEventConsumer first = new KafkaEventConsumer(settings, new CheckpointedApplier(db, name, summing)).start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> first.stats().applied() >= 60);
        } finally {
            first.close();
        }
        KafkaEventConsumer second = new KafkaEventConsumer(settings, new CheckpointedApplier(db, name, summing))
                .start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    Effects.query(db, "SELECT count(*) FROM effects") == streams * versions
                            && second.stats().lag() == 0);
        } finally {
            second.close();
        }

        assertThat(Effects.query(db, "SELECT count(*) FROM effects WHERE times <> 1")).isZero();
        assertThat(Effects.query(db, "SELECT n FROM total")).isEqualTo(streams * versions);
        assertThat(threads.stream().distinct()).as("threads that applied polls").contains(
                "event-consumer-" + name + "-0", "event-consumer-" + name + "-1");
        db.close();
    }

    private static void pauseBriefly() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static KafkaEventConsumer consumer(String topic, AgroalDataSource db, EventHandler handler) {
        String name = "batch-" + topic;
        return new KafkaEventConsumer(new ConsumerSettings(name, List.of(topic), TestInfra.kafka().bootstrapServers(),
                Duration.ofMillis(200)), new CheckpointedApplier(db, name, handler)).start();
    }

    /** Produces {@code stream@version} records; stream names get the topic's suffix so tests share nothing. */
    private static String produce(String prefix, List<String> records) throws Exception {
        String topic = TestInfra.uniqueTopic(prefix);
        TestInfra.kafka().createTopic(topic, 1);
        try (KafkaProducer<String, byte[]> producer = TestCloudEvents.producer(TestInfra.kafka().bootstrapServers())) {
            for (String record : records) {
                String stream = record.substring(0, record.indexOf('@')) + "-" + topic;
                long version = Long.parseLong(record.substring(record.indexOf('@') + 1));
                producer.send(TestCloudEvents.record(topic, stream, version, "test.ThingHappened.v1", "/test",
                        Instant.parse("2026-11-23T00:00:00Z").toString(), "{}")).get();
            }
        }
        return topic;
    }
}
