package vn.langnghe.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.langnghe.contracts.Topics;
import vn.langnghe.testsupport.quarkus.PostgresKafkaResource;
import vn.langnghe.testsupport.quarkus.PrismContractResource;
import vn.langnghe.testsupport.tokens.Tokens;

/** CloudEvents on the intake topic are projected once each, even when delivered twice. */
@QuarkusTest
@QuarkusTestResource(PostgresKafkaResource.class)
@QuarkusTestResource(PrismContractResource.class)
class EventFlowPipelineTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void operationsEndpoints_answer() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("reporting-service"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("langnghe_consumer_lag"));
    }

    @Test
    void eventsAreCountedOncePerStreamVersion_evenWhenRedelivered() throws Exception {
        String stream = "submission-" + UUID.randomUUID();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (int version = 1; version <= 3; version++) {
                producer.send(event(stream, version, "2019-03-15T02:00:00Z")).get();
            }
            producer.send(event(stream, 2, "2019-03-15T02:00:00Z")).get(); // a redelivery
        }
        String analyst = Tokens.shared().analyst("HP");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(analyst)
                .queryParam("from", "2019-03-15").queryParam("to", "2019-03-15")
                .get("/api/v1/reports/event-flow")
                .then().statusCode(200)
                .body("find { it.eventType == 'intake.PipelineChecked.v1' }.events", equalTo(3)));
        JsonPath status = given().auth().oauth2(analyst).get("/api/v1/status/consumers")
                .then().statusCode(200).extract().jsonPath();
        List<Integer> duplicates = status.getList("findAll { it.consumer.startsWith('reporting-service.flow.') }"
                + ".duplicates");
        org.assertj.core.api.Assertions.assertThat(duplicates.stream().mapToLong(Integer::longValue).sum())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void anUndecodableEvent_goesToTheDeadLetterTopic_andIsCounted() throws Exception {
        String stream = "submission-" + UUID.randomUUID();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(vn.langnghe.testsupport.kafka.TestCloudEvents.record(Topics.INTAKE_SUBMISSION_EVENTS, stream,
                    1, "intake.SubmissionReceived.v1", "/intake-service", "2019-03-15T02:00:00Z",
                    "{\"submissionId\":\"not-a-uuid\"}")).get();
        }
        List<vn.langnghe.testsupport.kafka.TestCloudEvents.Received> dead = vn.langnghe.testsupport.kafka.TestCloudEvents
                .readUntil(bootstrapServers, Topics.INTAKE_SUBMISSION_EVENTS + ".dlq",
                        read -> read.stream().anyMatch(r -> stream.equals(r.key())), Duration.ofSeconds(60));
        org.assertj.core.api.Assertions.assertThat(dead).anyMatch(r -> stream.equals(r.key()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/metrics").then()
                .body(org.hamcrest.Matchers.matchesPattern("(?s).*langnghe_consumer_dead_lettered_total\\{"
                        + "consumer=\"reporting-service\\.intake\\.g\\d+\"[^}]*} [1-9].*")));
    }

    @Test
    void reportsNeedTheAnalystRole_andNameABadField() {
        given().get("/api/v1/reports/event-flow").then().statusCode(401);
        given().auth().oauth2(Tokens.shared().officer("HP-LECHAN"))
                .queryParam("from", "2019-01-01").queryParam("to", "2019-06-30")
                .get("/api/v1/reports/event-flow")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.shared().analyst("HP"))
                .queryParam("from", "2019-01-01").queryParam("to", "2018-06-30")
                .get("/api/v1/reports/event-flow")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("to"));
    }

    private static ProducerRecord<String, byte[]> event(String stream, int version, String effectiveTime) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.INTAKE_SUBMISSION_EVENTS, stream,
                "{\"check\":true}".getBytes(StandardCharsets.UTF_8));
        Map<String, String> headers = Map.of(
                "ce_specversion", "1.0",
                "ce_id", stream + "-" + version,
                "ce_type", "intake.PipelineChecked.v1",
                "ce_source", "/intake-service",
                "ce_time", "2026-11-23T00:00:00Z",
                "ce_partitionkey", stream,
                "ce_streamversion", Integer.toString(version),
                "ce_effectivetime", effectiveTime,
                "content-type", "application/json");
        headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private KafkaProducer<String, byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(props);
    }

}
