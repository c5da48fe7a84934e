package vn.langnghe.testsupport.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaTest {

    @Test
    void producesConsumesAndKeepsRecordsAcrossAKill() throws Exception {
        try (EmbeddedKafka kafka = new EmbeddedKafka()) {
            long t0 = System.nanoTime();
            kafka.start();
            System.out.printf("EmbeddedKafka %s started in %d ms%n", EmbeddedKafka.version(), (System.nanoTime() - t0) / 1_000_000);
            kafka.createTopic("things", 2);
            kafka.createTopic("things", 2); // idempotent

            send(kafka, "things", "k1", "before");
            assertThat(readAll(kafka, "things", 1)).containsExactly("before");

            kafka.kill();
            t0 = System.nanoTime();
            kafka.restart();
            System.out.printf("EmbeddedKafka restarted after kill in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            send(kafka, "things", "k1", "after");
            assertThat(readAll(kafka, "things", 2)).containsExactly("before", "after");
        }
    }

    static void send(KafkaServer kafka, String topic, String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    /** Reads the topic from the start with a fresh group until {@code expected} records arrived. */
    static List<String> readAll(KafkaServer kafka, String topic, int expected) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "g-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
            return values;
        }
    }
}
