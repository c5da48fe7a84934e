package vn.langnghe.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.langnghe.intake.SubmissionApiTest.partner;
import static vn.langnghe.intake.SubmissionApiTest.submit;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.langnghe.contracts.Topics;
import vn.langnghe.testsupport.infra.Infrastructure;
import vn.langnghe.testsupport.kafka.TestCloudEvents;
import vn.langnghe.testsupport.quarkus.PostgresKafkaResource;
import vn.langnghe.testsupport.quarkus.PrismContractResource;
import vn.langnghe.testsupport.tokens.Tokens;

/** The outbox decouples intake from Kafka; its own database down means fast 503s, then recovery. */
@QuarkusTest
@QuarkusTestResource(PostgresKafkaResource.class)
@QuarkusTestResource(PrismContractResource.class)
class AvailabilityTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void withKafkaDown_submissionsStillSucceed_andArePublishedOnceItIsBack() {
        String id;
        Infrastructure.shared().kafka().stop();
        try {
            id = submit(partner(), Map.of("kind", "TIP", "unitId", SubmissionApiTest.WARD),
                    UUID.randomUUID().toString()).statusCode(201).extract().path("id");
        } finally {
            Infrastructure.shared().kafka().start();
        }
        String stream = "submission-" + id;
        assertThat(TestCloudEvents.readUntil(bootstrapServers, Topics.INTAKE_SUBMISSION_EVENTS,
                read -> read.stream().anyMatch(r -> stream.equals(r.key())), Duration.ofSeconds(90)))
                .anyMatch(r -> stream.equals(r.key()) && r.type().equals("intake.SubmissionReceived.v1"));
    }

    @Test
    void withItsDatabaseDown_intakeAnswersFast503sWithRetryAfter_andRecoversByItself() {
        String officer = Tokens.shared().officer("HP");
        Infrastructure.shared().postgres().stop();
        try {
            long started = System.nanoTime();
            given().auth().oauth2(officer).get("/api/v1/inbox")
                    .then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", org.hamcrest.Matchers.notNullValue());
            submit(partner(), Map.of("kind", "TIP", "unitId", SubmissionApiTest.WARD), UUID.randomUUID().toString())
                    .statusCode(503).header("Retry-After", org.hamcrest.Matchers.notNullValue());
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
        } finally {
            Infrastructure.shared().postgres().start();
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().auth().oauth2(officer).get("/api/v1/inbox").then().statusCode(200));
        given().get("/q/health/ready").then().statusCode(200);
    }
}
