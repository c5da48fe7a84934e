package vn.langnghe.forum;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.langnghe.contracts.Topics;
import vn.langnghe.testsupport.infra.Infrastructure;
import vn.langnghe.testsupport.kafka.TestCloudEvents;
import vn.langnghe.testsupport.quarkus.PostgresKafkaResource;
import vn.langnghe.testsupport.quarkus.PrismContractResource;

/** The outbox decouples recording from Kafka; the service's own database down means fast 503s, then recovery. */
@QuarkusTest
@QuarkusTestResource(PostgresKafkaResource.class)
@QuarkusTestResource(PrismContractResource.class)
class AvailabilityTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void withKafkaDown_opinionsAreStillRecorded_andPublishedOnceItIsBack() {
        UUID forum = Forums.openForum();
        UUID opinion = UUID.randomUUID();
        Infrastructure.shared().kafka().stop();
        try {
            Forums.record(Forums.organiser(), forum, Forums.opinionBody(opinion, "Ghi khi Kafka ngừng")).statusCode(201);
        } finally {
            Infrastructure.shared().kafka().start();
        }
        String stream = "forum-" + forum;
        assertThat(TestCloudEvents.readUntil(bootstrapServers, Topics.FORUM_FORUM_EVENTS,
                read -> read.stream().anyMatch(r -> stream.equals(r.key()) && r.data().contains(opinion.toString())),
                Duration.ofSeconds(90)))
                .anyMatch(r -> stream.equals(r.key()) && r.type().equals("forum.OpinionRecorded.v1"));
    }

    @Test
    void withItsDatabaseDown_theServiceAnswersFast503sWithRetryAfter_andRecoversByItself() {
        UUID forum = Forums.openForum();
        String organiser = Forums.organiser();
        Infrastructure.shared().postgres().stop();
        try {
            long started = System.nanoTime();
            given().auth().oauth2(organiser).get(Forums.F).then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", org.hamcrest.Matchers.notNullValue());
            Forums.record(organiser, forum, Forums.opinionBody(UUID.randomUUID(), "Khi cơ sở dữ liệu ngừng"))
                    .statusCode(503).header("Retry-After", org.hamcrest.Matchers.notNullValue());
            given().get(Forums.F + "/" + forum + "/minutes").then().statusCode(503);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        } finally {
            Infrastructure.shared().postgres().start();
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().auth().oauth2(organiser).get(Forums.F + "/" + forum).then().statusCode(200));
        given().get("/q/health/ready").then().statusCode(200);
    }
}
