package vn.langnghe.eventsourcing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
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
import org.junit.jupiter.api.Test;
import vn.langnghe.eventsourcing.consumer.CheckpointedApplier;
import vn.langnghe.eventsourcing.consumer.ConsumerSettings;
import vn.langnghe.eventsourcing.consumer.KafkaEventConsumer;
import vn.langnghe.eventsourcing.consumer.UndecodableEvent;

/** Undecodable records go to the dead-letter topic with their reason and are counted; the rest flows. */
class DeadLetterTest {

    @Test
    void undecodableRecords_goToTheDeadLetterTopic_andTheFollowingEventIsStillApplied() throws Exception {
        AgroalDataSource db = TestInfra.freshDatabase();
        Effects.createTable(db);
        String topic = TestInfra.uniqueTopic("dlq");
        TestInfra.kafka().createTopic(topic, 1);
        try (KafkaProducer<String, byte[]> producer = producer()) {
            // 1: not a CloudEvent at all
            producer.send(new ProducerRecord<>(topic, "s1", "hello".getBytes(StandardCharsets.UTF_8))).get();
            // 2: a CloudEvent whose data is not JSON
            producer.send(cloudEvent(topic, "s1", "1", "{not json")).get();
            // 3: a CloudEvent without a stream version
            producer.send(cloudEvent(topic, "s1", null, "{}")).get();
            // 4: a good event, rejected by the handler as not fitting its type
            producer.send(cloudEvent(topic, "s2", "1", "{\"poison\":true}")).get();
            // 5: a good event
            producer.send(cloudEvent(topic, "s1", "1", "{}")).get();
        }
        KafkaEventConsumer consumer = new KafkaEventConsumer(
                ConsumerSettings.of("dlq-consumer", List.of(topic), TestInfra.kafka().bootstrapServers()),
                new CheckpointedApplier(db, "dlq-consumer", (tx, event) -> {
                    if (event.dataJson().contains("poison")) {
                        throw new UndecodableEvent("poison does not fit " + event.type());
                    }
                    Effects.COUNTING.apply(tx, event);
                })).start();
        try {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> Effects.query(db, "SELECT count(*) FROM effects WHERE stream_id = 's1'") == 1);
            assertThat(consumer.stats().deadLettered()).isEqualTo(4);
        } finally {
            consumer.close();
        }

        List<String> reasons = readReasons(ConsumerSettings.deadLetterTopic(topic), 4);
        assertThat(reasons).hasSize(4);
        assertThat(reasons.get(0)).contains("not a CloudEvent");
        assertThat(reasons.get(1)).contains("not valid JSON");
        assertThat(reasons.get(2)).contains("streamversion");
        assertThat(reasons.get(3)).contains("poison");
        assertThat(Effects.query(db, "SELECT count(*) FROM effects WHERE stream_id = 's2'")).isZero();
        db.close();
    }

    private static ProducerRecord<String, byte[]> cloudEvent(String topic, String key, String version, String data) {
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(topic, key, data.getBytes(StandardCharsets.UTF_8));
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", UUID.randomUUID().toString());
        headers.put("ce_type", "test.ThingHappened.v1");
        headers.put("ce_source", "/test");
        headers.put("ce_time", Instant.now().toString());
        headers.put("ce_partitionkey", key);
        if (version != null) {
            headers.put("ce_streamversion", version);
        }
        headers.put("content-type", "application/json");
        headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafka().bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    private static List<String> readReasons(String topic, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafka().bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + topic);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        List<String> reasons = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            while (reasons.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    Header reason = record.headers().lastHeader("dlq_reason");
                    reasons.add(reason == null ? "" : new String(reason.value(), StandardCharsets.UTF_8));
                }
            }
        }
        return reasons;
    }
}
