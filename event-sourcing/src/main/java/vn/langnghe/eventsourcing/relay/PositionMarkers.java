package vn.langnghe.eventsourcing.relay;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The relays' positions on Kafka: one compacted, single-partition topic; a marker's key names the relay
 * and its outbox, its value is the last global position of the batch it was committed with. A marker is
 * written in the same Kafka transaction as the batch, so the last committed marker is exactly how far
 * the events are on Kafka.
 */
final class PositionMarkers {

    /** The topic every relay writes its markers to. */
    static final String TOPIC = "langnghe.relay-positions";

    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);

    private final String bootstrapServers;
    private final Duration timeout;

    PositionMarkers(String bootstrapServers, Duration timeout) {
        this.bootstrapServers = bootstrapServers;
        this.timeout = timeout;
    }

    /** The marker's key: relay name and outbox identity, so two databases with one relay name never mix. */
    static String key(String relay, String outboxId) {
        return relay + "@" + outboxId;
    }

    static ProducerRecord<String, Object> marker(String key, long position) {
        return new ProducerRecord<>(TOPIC, 0, key, Long.toString(position));
    }

    /**
     * The position of the last committed marker with this key, if there is one. Call it only after the
     * producer's {@code initTransactions()}: that aborts (or completes) what a previous holder of the
     * transactional id left open, so nothing of ours can still be pending. Reads (read_committed) up to
     * the log end as it was when called, waiting for other relays' open transactions to end.
     */
    OptionalLong lastCommitted(String key) throws Exception {
        long logEnd;
        try (Admin admin = Admin.create(adminProps())) {
            ensureTopic(admin);
            logEnd = admin.listOffsets(Map.of(PARTITION, OffsetSpec.latest())).partitionResult(PARTITION)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).offset();
        }
        OptionalLong last = OptionalLong.empty();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, String> reader = new KafkaConsumer<>(readerProps())) {
            reader.assign(List.of(PARTITION));
            reader.seekToBeginning(List.of(PARTITION));
            while (reader.position(PARTITION, timeout) < logEnd) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("position markers not readable up to offset " + logEnd
                            + " within " + timeout + " (an open transaction of another relay?)");
                }
                for (ConsumerRecord<String, String> record : reader.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key()) && record.value() != null) {
                        last = OptionalLong.of(Long.parseLong(record.value()));
                    }
                }
            }
        }
        return last;
    }

    private void ensureTopic(Admin admin) throws Exception {
        NewTopic topic = new NewTopic(TOPIC, Optional.of(1), Optional.empty())
                .configs(Map.of("cleanup.policy", "compact",
                        // roll hourly so compaction can drop superseded markers from all but the newest segment
                        "segment.ms", "3600000"));
        try {
            admin.createTopics(List.of(topic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private Properties adminProps() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(1000, timeout.toMillis() / 3));
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        return props;
    }

    private Properties readerProps() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return props;
    }
}
