package vn.langnghe.testsupport.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes and reads CloudEvents (binary mode) with plain Kafka clients, as another service would: for
 * tests that play a producer or check what a service published.
 */
public final class TestCloudEvents {

    /** A record read back: key, CloudEvents attributes from the ce_ headers, and the data as text. */
    public record Received(String key, Map<String, String> attributes, String data) {
        public String type() {
            return attributes.get("type");
        }
    }

    private TestCloudEvents() {}

    public static KafkaProducer<String, byte[]> producer(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    /** A CloudEvent record as the outbox relay writes it. */
    public static ProducerRecord<String, byte[]> record(String topic, String streamId, long version, String type,
            String source, String effectiveTime, String dataJson) {
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(topic, streamId, dataJson.getBytes(StandardCharsets.UTF_8));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", UUID.randomUUID().toString());
        headers.put("ce_type", type);
        headers.put("ce_source", source);
        headers.put("ce_subject", streamId);
        headers.put("ce_time", effectiveTime);
        headers.put("ce_partitionkey", streamId);
        headers.put("ce_streamversion", Long.toString(version));
        headers.put("ce_effectivetime", effectiveTime);
        headers.put("content-type", "application/json");
        headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    /** Reads the topic from the start until {@code enough} holds for what was read, or the timeout passes. */
    public static List<Received> readUntil(String bootstrapServers, String topic, Predicate<List<Received>> enough,
            Duration timeout) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // the relays publish in Kafka transactions: see only committed records, as the services do
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        List<Received> read = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            while (!enough.test(read) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(300))) {
                    Map<String, String> attributes = new LinkedHashMap<>();
                    for (Header header : record.headers()) {
                        if (header.key().startsWith("ce_")) {
                            attributes.put(header.key().substring(3), new String(header.value(), StandardCharsets.UTF_8));
                        }
                    }
                    read.add(new Received(record.key(), attributes,
                            record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8)));
                }
            }
        }
        return read;
    }
}
