package vn.langnghe.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.langnghe.contracts.Topics;
import vn.langnghe.eventsourcing.store.EventContext;
import vn.langnghe.eventsourcing.store.EventStore;
import vn.langnghe.eventsourcing.store.ExpectedVersion;
import vn.langnghe.eventsourcing.store.NewEvent;
import vn.langnghe.testsupport.quarkus.PostgresKafkaResource;
import vn.langnghe.testsupport.quarkus.PrismContractResource;

/** An event appended to intake's store reaches intake.submission.events through the service's relay. */
@QuarkusTest
@QuarkusTestResource(PostgresKafkaResource.class)
@QuarkusTestResource(PrismContractResource.class)
class RelayWiringTest {

    @Inject
    EventStore store;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void anAppendedEvent_isPublishedAsACloudEventKeyedByItsStream() {
        String stream = "submission-" + UUID.randomUUID();
        store.append(stream, "submission", ExpectedVersion.noStream(),
                List.of(NewEvent.of("intake.WiringChecked.v1", "{\"check\":true}")),
                EventContext.at(Instant.parse("2022-06-30T03:00:00Z"), "relay-wiring-test"));

        CloudEvent published = readUntilFound(stream);

        assertThat(published.getType()).isEqualTo("intake.WiringChecked.v1");
        assertThat(published.getSource().toString()).isEqualTo("/intake-service");
        assertThat(published.getExtension("effectivetime")).isEqualTo("2022-06-30T03:00:00Z");
    }

    private CloudEvent readUntilFound(String stream) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "wiring-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // the relays publish in Kafka transactions: see only committed records, as the services do
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, CloudEventDeserializer.class.getName());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(Topics.INTAKE_SUBMISSION_EVENTS));
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofMillis(500))) {
                    if (stream.equals(record.key())) {
                        return record.value();
                    }
                }
            }
        }
        throw new AssertionError("event of " + stream + " never reached " + Topics.INTAKE_SUBMISSION_EVENTS);
    }
}
