package vn.langnghe.eventsourcing.consumer;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Follows topics (read_committed) and hands each poll's events to a {@link CheckpointedApplier}, which applies
 * them in one transaction. Offsets are committed only after that transaction, so a crash re-delivers and the
 * checkpoints absorb it. An event that cannot be decoded goes to {@code <topic>.dlq} with the reason and is
 * counted; so does one a handler rejects as poison (the poll is then applied again event by event, so that the
 * other events still apply). A failure of the consumer's own database rolls the whole poll back and retries it
 * after the back-off.
 *
 * <p>With {@link ConsumerSettings#members()} above one, the instance runs that many members of the group, each
 * with its own Kafka consumer, thread and partitions, sharing the applier and the counters. Their transactions
 * touch different streams; the rows they share (a projection's sums) are written in one sorted order, so they wait
 * for each other but never deadlock.
 */
public final class KafkaEventConsumer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(KafkaEventConsumer.class.getName());

    private final ConsumerSettings settings;
    private final CheckpointedApplier applier;
    private final CloudEventDecoder decoder = new CloudEventDecoder();
    private final ConsumerStats stats = new ConsumerStats();
    private final KafkaProducer<String, byte[]> deadLetters;
    private final List<Member> members = new ArrayList<>();
    private volatile boolean running = true;

    public KafkaEventConsumer(ConsumerSettings settings, CheckpointedApplier applier) {
        this.settings = settings;
        this.applier = applier;
        this.deadLetters = new KafkaProducer<>(deadLetterProps(settings));
        for (int i = 0; i < settings.members(); i++) {
            members.add(new Member(i));
        }
    }

    public KafkaEventConsumer start() {
        members.forEach(m -> m.thread.start());
        return this;
    }

    public ConsumerStats stats() {
        return stats;
    }

    /** True while every member runs. */
    public boolean isRunning() {
        return members.stream().allMatch(m -> m.thread.isAlive());
    }

    /** The records not yet processed on all members' partitions, each as of its last poll. */
    private void updateLag() {
        stats.lag.set(members.stream().mapToLong(m -> m.lag).sum());
    }

    /** One member of the group: its own Kafka consumer on its own thread. */
    private final class Member {
        final KafkaConsumer<String, byte[]> consumer;
        final Thread thread;
        /** What this member last committed per partition, to commit a position only when it moved. */
        final Map<TopicPartition, Long> committedUpTo = new HashMap<>();
        volatile long lag;

        Member(int index) {
            String clientId = settings.members() == 1 ? settings.name() : settings.name() + "-" + index;
            this.consumer = new KafkaConsumer<>(consumerProps(settings, clientId));
            this.thread = Thread.ofPlatform().name("event-consumer-" + clientId).daemon().unstarted(this::run);
        }

        private void run() {
            try {
                consumer.subscribe(settings.topics());
                while (running) {
                    pollOnce();
                }
            } catch (WakeupException e) {
                if (running) {
                    throw e;
                }
            } finally {
                consumer.close(Duration.ofSeconds(5));
            }
        }

        /**
         * The relays publish in Kafka transactions: after the last record of a partition comes a commit marker that
         * takes an offset and is never delivered. Committing the consumer's position (past the marker), not the last
         * record's offset + 1, lets the group's lag as Kafka tools see it reach 0 when everything is applied.
         */
        private void commitPastTransactionMarkers(Map<TopicPartition, OffsetAndMetadata> done) {
            for (TopicPartition partition : consumer.assignment()) {
                long position = consumer.position(partition, Duration.ofSeconds(5));
                Long committed = committedUpTo.get(partition);
                if (committed == null || position > committed) {
                    done.put(partition, new OffsetAndMetadata(position));
                }
            }
        }

        private void pollOnce() {
            boolean failed = false;
            try {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                failed = !records.isEmpty() && !processPoll(records, done);
                if (!failed) {
                    commitPastTransactionMarkers(done);
                }
                if (!done.isEmpty()) {
                    consumer.commitSync(done);
                    done.forEach((partition, offset) -> committedUpTo.put(partition, offset.offset()));
                }
                long total = 0;
                for (TopicPartition partition : consumer.assignment()) {
                    OptionalLong partitionLag = consumer.currentLag(partition);
                    if (partitionLag.isPresent()) {
                        total += partitionLag.getAsLong();
                    }
                }
                lag = total;
                updateLag();
            } catch (WakeupException e) {
                throw e;
            } catch (RuntimeException e) {
                // Kafka unreachable or a commit refused after a rebalance: redelivery is harmless.
                stats.lastError = e.toString();
                LOG.log(Level.WARNING, "consumer " + settings.name() + " failed a round: " + e);
                failed = true;
            }
            if (failed) {
                stats.retries.incrementAndGet();
                pause(settings.retryBackoff());
            }
        }

        /**
         * Applies the poll's events in one transaction, then sets its undecodable records aside; fills {@code done}
         * with the offsets to commit. Returns false when something must be retried after the back-off.
         */
        private boolean processPoll(ConsumerRecords<String, byte[]> records,
                Map<TopicPartition, OffsetAndMetadata> done) {
            List<ConsumedEvent> events = new ArrayList<>(records.count());
            Map<ConsumerRecord<String, byte[]>, UndecodableEvent> undecodable = new IdentityHashMap<>();
            for (ConsumerRecord<String, byte[]> record : records) {
                try {
                    events.add(decoder.decode(record));
                } catch (UndecodableEvent e) {
                    undecodable.put(record, e);
                }
            }
            try {
                applier.applyAll(events).forEach(stats::count);
            } catch (UndecodableEvent poison) {
                // A handler refused one event and the batch rolled back: event by event, only the poison is set aside.
                LOG.log(Level.INFO, "consumer " + settings.name() + " applies a poll event by event: "
                        + poison.getMessage());
                return processOneByOne(records, done);
            } catch (RuntimeException e) {
                stats.lastError = e.toString();
                LOG.log(Level.WARNING, "consumer " + settings.name() + " could not apply a poll of " + events.size()
                        + " events, will retry: " + e);
                for (TopicPartition partition : records.partitions()) {
                    consumer.seek(partition, records.records(partition).getFirst().offset());
                }
                return false;
            }
            // Committed: only now the undecodable records go to the dead-letter topic (a retried poll sends none twice).
            boolean complete = true;
            for (TopicPartition partition : records.partitions()) {
                for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                    UndecodableEvent reason = undecodable.get(record);
                    if (reason != null && !deadLetter(record, reason)) {
                        consumer.seek(partition, record.offset()); // the later ones are redelivered as duplicates
                        complete = false;
                        break;
                    }
                    done.put(partition, new OffsetAndMetadata(record.offset() + 1));
                }
            }
            return complete;
        }

        /** Each record in a transaction of its own: what a poll falls back to when a handler finds poison in it. */
        private boolean processOneByOne(ConsumerRecords<String, byte[]> records,
                Map<TopicPartition, OffsetAndMetadata> done) {
            boolean complete = true;
            for (TopicPartition partition : records.partitions()) {
                for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                    if (!process(record)) {
                        consumer.seek(partition, record.offset()); // try this record again next poll
                        complete = false;
                        break;
                    }
                    done.put(partition, new OffsetAndMetadata(record.offset() + 1));
                }
            }
            return complete;
        }
    }

    /** Returns false when the record must be retried (the consumer's database failed). */
    private boolean process(ConsumerRecord<String, byte[]> record) {
        try {
            stats.count(applier.apply(decoder.decode(record)));
            return true;
        } catch (UndecodableEvent e) {
            return deadLetter(record, e);
        } catch (RuntimeException e) {
            stats.lastError = e.toString();
            LOG.log(Level.WARNING, "consumer " + settings.name() + " could not apply " + record.topic() + "-"
                    + record.partition() + "@" + record.offset() + ", will retry: " + e);
            return false;
        }
    }

    /** Returns false when the dead-letter topic did not take it: then the record is retried. */
    private boolean deadLetter(ConsumerRecord<String, byte[]> record, UndecodableEvent reason) {
        ProducerRecord<String, byte[]> copy = new ProducerRecord<>(
                ConsumerSettings.deadLetterTopic(record.topic()), null, record.key(), record.value(), record.headers());
        copy.headers().add("dlq_reason", reason.getMessage().getBytes(StandardCharsets.UTF_8));
        copy.headers().add("dlq_consumer", settings.name().getBytes(StandardCharsets.UTF_8));
        copy.headers().add("dlq_source", (record.topic() + "-" + record.partition() + "@" + record.offset())
                .getBytes(StandardCharsets.UTF_8));
        try {
            deadLetters.send(copy).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            stats.lastError = "dead-letter topic unavailable: " + e;
            return false; // not safely set aside: do not move past it
        }
        stats.deadLettered.incrementAndGet();
        LOG.log(Level.ERROR, "consumer " + settings.name() + " dead-lettered " + record.topic() + "-"
                + record.partition() + "@" + record.offset() + ": " + reason.getMessage());
        return true;
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static Properties consumerProps(ConsumerSettings settings, String clientId) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, settings.name());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // The relays publish in Kafka transactions (ADR 0010): never see a record of an aborted one.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
        props.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return props;
    }

    private static Properties deadLetterProps(ConsumerSettings settings) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        props.put(ProducerConfig.CLIENT_ID_CONFIG, settings.name() + "-dlq");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return props;
    }

    @Override
    public void close() {
        running = false;
        members.forEach(m -> m.consumer.wakeup());
        for (Member m : members) {
            try {
                m.thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        deadLetters.close(Duration.ofSeconds(5));
    }
}
