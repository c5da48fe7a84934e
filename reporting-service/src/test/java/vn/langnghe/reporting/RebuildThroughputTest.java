package vn.langnghe.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import vn.langnghe.contracts.Topics;
import vn.langnghe.contracts.events.Channel;
import vn.langnghe.contracts.events.SubmissionKind;
import vn.langnghe.contracts.events.SubmissionReceived;
import vn.langnghe.reporting.projection.Projections;
import vn.langnghe.reporting.projection.intake.IntakeProjection;
import vn.langnghe.testsupport.kafka.TestCloudEvents;
import vn.langnghe.testsupport.quarkus.PostgresKafkaResource;
import vn.langnghe.testsupport.quarkus.PrismContractResource;
import vn.langnghe.testsupport.tokens.Tokens;

/**
 * How fast the intake projection takes in a synthetic history, as the benchmark's rebuild figure measures it, in
 * one test JVM (PostgreSQL with fsync on, in-JVM Kafka): {@code N} submissions received (one stream of one event
 * each, as {@code ./langnghe bench} produces them) straight to Kafka; the live consumer's catch-up (events / time
 * since production started), then a rebuild into a fresh generation (events / time to SWITCHED). Measures and
 * reports; asserts no timing. Runs only when asked:
 * {@code -Dtest=RebuildThroughputTest -Dlangnghe.benchmark=true [-Dlangnghe.benchmark.events=20000]}; the figures
 * go to stdout and {@code target/rebuild-throughput.txt}.
 */
@QuarkusTest
@QuarkusTestResource(PostgresKafkaResource.class)
@QuarkusTestResource(PrismContractResource.class)
@EnabledIfSystemProperty(named = "langnghe.benchmark", matches = "true")
class RebuildThroughputTest {

    private static final List<String> WARDS = List.of("HP-LECHAN-ANDUONG", "HN-THANHTRI-THANHLIET",
            "NA-HOANGMAI-QUYNHXUAN", "CM-CAMAU-P5", "HCM-Q1-BENNGHE");
    private static final Instant YEAR_START = Instant.parse("2022-01-01T01:00:00Z");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String servers;

    @Inject
    DataSource dataSource;

    @Inject
    Projections projections;

    @Test
    void intakeProjection_catchUpAndRebuild_eventsPerSecond() throws IOException {
        int events = Integer.getInteger("langnghe.benchmark.events", 20_000);
        String facts = projections.activeSchema(IntakeProjection.NAME) + ".intake_facts";
        long before = Feed.count(dataSource, "SELECT count(*) FROM " + facts);

        long started = System.nanoTime();
        produce(events);
        double produced = (System.nanoTime() - started) / 1e9;
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> Feed.count(dataSource, "SELECT count(*) FROM " + facts) >= before + events);
        double catchUp = (System.nanoTime() - started) / 1e9;

        String admin = Tokens.shared().admin();
        long rebuildStarted = System.nanoTime();
        String id = given().auth().oauth2(admin).post("/api/v1/admin/projections/intake/rebuild").then()
                .statusCode(202).extract().jsonPath().getString("id");
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(100)).until(() -> "SWITCHED"
                .equals(status(admin, id).getString("state")));
        double rebuild = (System.nanoTime() - rebuildStarted) / 1e9;
        JsonPath done = status(admin, id);

        String report = String.format(Locale.ROOT, "events %d (produced in %.1f s)%n"
                + "live catch-up: %.1f s, %.0f events/s%n"
                + "rebuild: %.1f s wall, %.0f events/s; progress endpoint %s events/s over %s events%n",
                events, produced, catchUp, events / catchUp, rebuild, done.getLong("processedEvents") / rebuild,
                done.getString("eventsPerSecond"), done.getString("processedEvents"));
        System.out.println(report);
        Files.writeString(Path.of("target", "rebuild-throughput.txt"), report);
        assertThat(done.getLong("processedEvents")).isGreaterThanOrEqualTo(events);
    }

    private static JsonPath status(String token, String id) {
        return given().auth().oauth2(token).get("/api/v1/admin/projections/intake/rebuild/" + id).then()
                .statusCode(200).extract().jsonPath();
    }

    /** As the benchmark's SyntheticEvents: a new submission per event, its unit, kind, channel and day at random. */
    private void produce(int count) {
        SplittableRandom random = new SplittableRandom(20261123);
        SubmissionKind[] kinds = {SubmissionKind.TIP, SubmissionKind.PETITION, SubmissionKind.COMPLAINT,
            SubmissionKind.CRIME_REPORT};
        Channel[] channels = {Channel.HOTLINE, Channel.RECEPTION_DESK, Channel.PARTNER_PORTAL, Channel.MAIL};
        String[] topics = {"DRUGS", "THEFT", "TRAFFIC_SAFETY", "PUBLIC_DISORDER"};
        try (KafkaProducer<String, byte[]> producer = TestCloudEvents.producer(servers)) {
            for (int i = 0; i < count; i++) {
                UUID id = new UUID(random.nextLong(), random.nextLong());
                Instant effective = YEAR_START.plusSeconds(random.nextLong(364L * 24 * 3600));
                SubmissionReceived received = new SubmissionReceived(id, Feed.trackingCode(),
                        kinds[random.nextInt(kinds.length)], channels[random.nextInt(channels.length)],
                        WARDS.get(random.nextInt(WARDS.size())), false, null, null, null,
                        topics[random.nextInt(topics.length)], effective);
                producer.send(TestCloudEvents.record(Topics.INTAKE_SUBMISSION_EVENTS, "submission-" + id, 1,
                        SubmissionReceived.TYPE, "/intake-service", effective.toString(), json(received)));
            }
            producer.flush();
        }
    }

    private static String json(Object event) {
        try {
            return Feed.JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
