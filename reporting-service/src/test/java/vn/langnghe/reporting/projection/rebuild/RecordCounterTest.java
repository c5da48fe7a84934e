package vn.langnghe.reporting.projection.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import vn.langnghe.testsupport.infra.Infrastructure;

/**
 * The relay publishes in Kafka transactions: each commit leaves a marker that takes an offset and is never
 * delivered, and aborted records are never delivered either. A rebuild that expected end minus start offset
 * records never switched (found by the fault-injection run, docs/fault-injection.md).
 */
class RecordCounterTest {

    @Test
    void countsOnlyCommittedRecords_notTransactionMarkersOrAbortedRecords() {
        String servers = Infrastructure.shared().kafka().bootstrapServers();
        String topic = "rebuild-count-" + UUID.randomUUID();
        // created by the first send (the test broker auto-creates topics with 4 partitions)
        try (KafkaProducer<String, String> producer = transactionalProducer(servers)) {
            producer.initTransactions();
            send(producer, topic, 3, true);
            send(producer, topic, 4, false);
            send(producer, topic, 2, true);
        }

        assertThat(new RecordCounter().count(servers, List.of(topic), () -> false)).isEqualTo(5);
    }

    @Test
    void stopsWhenCancelled_asWhenTheServiceStops() {
        String servers = Infrastructure.shared().kafka().bootstrapServers();
        String topic = "rebuild-count-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = transactionalProducer(servers)) {
            producer.initTransactions();
            send(producer, topic, 3, true);
        }

        assertThatThrownBy(() -> new RecordCounter().count(servers, List.of(topic), () -> true))
                .isInstanceOf(CancellationException.class);
    }

    private static KafkaProducer<String, String> transactionalProducer(String servers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "records-to-read-" + UUID.randomUUID());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    private static void send(KafkaProducer<String, String> producer, String topic, int records, boolean commit) {
        producer.beginTransaction();
        for (int i = 0; i < records; i++) {
            producer.send(new ProducerRecord<>(topic, "stream-" + i, "event " + i));
        }
        producer.flush();
        if (commit) {
            producer.commitTransaction();
        } else {
            producer.abortTransaction();
        }
    }
}
