package vn.langnghe.reporting.projection.rebuild;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Counts the committed records on topics now, from the log start: what a rebuild must have read before it may
 * switch. Counted by reading them (read_committed), not from offsets: the relays publish in Kafka transactions
 * (ADR 0010), and every commit or abort marker and every aborted record takes an offset that no consumer ever
 * receives. Reading takes time in proportion to the topic (10 million records take longer than an HTTP client
 * waits), so a rebuild counts in its own thread, never in the request that starts it.
 */
@ApplicationScoped
public class RecordCounter {

    /** Without any advance for this long, Kafka is taken to be unreachable and the count fails. */
    static final Duration STALL_LIMIT = Duration.ofSeconds(60);

    /**
     * @param cancelled checked between polls; when it turns true the count stops with a {@link CancellationException}
     * @throws IllegalStateException when the read positions have not advanced for {@link #STALL_LIMIT}
     */
    public long count(String servers, List<String> topics, BooleanSupplier cancelled) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<byte[], byte[]> probe = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                List<PartitionInfo> infos = probe.partitionsFor(topic, Duration.ofSeconds(10));
                if (infos != null) {
                    infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
                }
            }
            probe.assign(partitions);
            probe.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = probe.endOffsets(partitions, Duration.ofSeconds(10));
            long records = 0;
            long lastPositions = -1;
            long lastAdvance = System.nanoTime();
            while (true) {
                long positions = 0;
                boolean done = true;
                for (TopicPartition p : partitions) {
                    long position = probe.position(p, Duration.ofSeconds(10));
                    positions += position;
                    done &= position >= end.get(p);
                }
                if (done) {
                    return records;
                }
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("counting the records on " + topics + " was cancelled");
                }
                if (positions != lastPositions) {
                    lastPositions = positions;
                    lastAdvance = System.nanoTime();
                } else if (System.nanoTime() - lastAdvance > STALL_LIMIT.toNanos()) {
                    throw new IllegalStateException("counting the records on " + topics + ": no progress for "
                            + STALL_LIMIT.toSeconds() + " s at " + records + " records");
                }
                for (ConsumerRecord<byte[], byte[]> record : probe.poll(Duration.ofMillis(200))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        records++;
                    }
                }
            }
        }
    }
}
