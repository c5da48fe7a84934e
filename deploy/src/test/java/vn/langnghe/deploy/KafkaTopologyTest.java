package vn.langnghe.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Strimzi resources: 3 brokers, every topic RF 3 / min ISR 2 / kept forever (markers: compacted), partitions for scaling out. */
class KafkaTopologyTest {

    static final List<String> EVENT_TOPICS = List.of("intake.submission.events", "forum.forum.events");
    /** The outbox relays' position markers (ADR 0010; the name is OutboxRelay's). */
    static final String RELAY_POSITIONS = "langnghe.relay-positions";

    static Kafka kafka() {
        assertThat(Manifests.base("Kafka")).hasSize(1);
        return StrictModel.read(Manifests.base("Kafka").getFirst().tree(), Kafka.class);
    }

    static List<KafkaTopic> topics() {
        return Manifests.base("KafkaTopic").stream().map(d -> StrictModel.read(d.tree(), KafkaTopic.class)).toList();
    }

    @Test
    void threeBrokersWithSafeDefaults() {
        Kafka kafka = kafka();
        String cluster = kafka.getMetadata().getName();
        int brokers = Manifests.base("KafkaNodePool").stream()
                .map(d -> StrictModel.read(d.tree(), KafkaNodePool.class))
                .filter(p -> cluster.equals(p.getMetadata().getLabels().get("strimzi.io/cluster")))
                .filter(p -> p.getSpec().getRoles().contains(ProcessRoles.BROKER))
                .mapToInt(p -> p.getSpec().getReplicas()).sum();
        assertThat(brokers).isEqualTo(3);
        Map<String, Object> config = kafka.getSpec().getKafka().getConfig();
        assertThat(config).containsEntry("default.replication.factor", 3).containsEntry("min.insync.replicas", 2)
                .containsEntry("offsets.topic.replication.factor", 3).containsEntry("transaction.state.log.min.isr", 2)
                .containsEntry("auto.create.topics.enable", false);
        assertThat(kafka.getSpec().getEntityOperator().getTopicOperator()).as("KafkaTopic resources need the topic operator").isNotNull();
    }

    @Test
    void servicesBootstrapFromThePlainListener() {
        Kafka kafka = kafka();
        GenericKafkaListener listener = kafka.getSpec().getKafka().getListeners().getFirst();
        String bootstrap = kafka.getMetadata().getName() + "-kafka-bootstrap:" + listener.getPort();
        for (String service : WorkloadPolicyTest.SERVICES) {
            assertThat(ManifestModelTest.configMapData(service + "-config").get("KAFKA_BOOTSTRAP_SERVERS").asText())
                    .isEqualTo(bootstrap);
        }
    }

    @Test
    void everyTopicReplicatedThriceKeptForever() {
        String cluster = kafka().getMetadata().getName();
        List<KafkaTopic> topics = topics();
        assertThat(topics).extracting(t -> t.getSpec().getTopicName()).containsExactlyInAnyOrder(
                "intake.submission.events", "forum.forum.events", "intake.submission.events.dlq", "forum.forum.events.dlq",
                RELAY_POSITIONS);
        for (KafkaTopic topic : topics) {
            String name = topic.getSpec().getTopicName();
            assertThat(topic.getMetadata().getLabels()).as(name).containsEntry("strimzi.io/cluster", cluster);
            assertThat(topic.getSpec().getReplicas()).as(name + " replicas").isEqualTo(3);
            Map<String, Object> config = topic.getSpec().getConfig();
            assertThat(config).as(name).containsEntry("min.insync.replicas", 2);
            if (name.equals(RELAY_POSITIONS)) {
                continue; // checked below: compacted, the newest marker per relay is what is kept
            }
            assertThat(config).as(name).containsEntry("retention.ms", -1).containsEntry("retention.bytes", -1);
            assertThat(config.getOrDefault("cleanup.policy", "delete")).as(name + ": not compacted").isEqualTo("delete");
        }
    }

    @Test
    void relayPositionsAreOneCompactedPartition() {
        KafkaTopic markers = topics().stream().filter(t -> t.getSpec().getTopicName().equals(RELAY_POSITIONS))
                .findFirst().orElseThrow();
        assertThat(markers.getSpec().getPartitions()).isEqualTo(1);
        assertThat(markers.getSpec().getConfig()).containsEntry("cleanup.policy", "compact");
    }

    @Test
    void eventTopicsHavePartitionsToScaleConsumersOut() {
        for (KafkaTopic topic : topics()) {
            if (EVENT_TOPICS.contains(topic.getSpec().getTopicName())) {
                int partitions = topic.getSpec().getPartitions();
                assertThat(partitions).as(topic.getSpec().getTopicName()).isGreaterThanOrEqualTo(12);
                assertThat(partitions % 3).as("even over 3 brokers").isZero();
            }
        }
    }
}
