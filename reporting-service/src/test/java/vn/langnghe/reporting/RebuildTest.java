package vn.langnghe.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.startsWith;
import static vn.langnghe.reporting.Feed.at;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.langnghe.contracts.events.Channel;
import vn.langnghe.contracts.events.Conclusion;
import vn.langnghe.contracts.events.FollowUpCreated;
import vn.langnghe.contracts.events.ForumOpened;
import vn.langnghe.contracts.events.OpinionNature;
import vn.langnghe.contracts.events.OpinionRecorded;
import vn.langnghe.contracts.events.ParticipantGroup;
import vn.langnghe.contracts.events.SessionKind;
import vn.langnghe.contracts.events.SubmissionAccepted;
import vn.langnghe.contracts.events.SubmissionConcluded;
import vn.langnghe.contracts.events.SubmissionKind;
import vn.langnghe.contracts.events.VerificationStarted;
import vn.langnghe.eventsourcing.consumer.ConsumerStats;
import vn.langnghe.reporting.Feed.Stream;
import vn.langnghe.reporting.projection.Projections;
import vn.langnghe.reporting.projection.rebuild.RebuildService;
import vn.langnghe.reporting.projection.rebuild.RecordCounter;
import vn.langnghe.servicekit.eventsourcing.ConsumerSetup;
import vn.langnghe.testsupport.quarkus.PostgresKafkaResource;
import vn.langnghe.testsupport.quarkus.PrismContractResource;
import vn.langnghe.testsupport.tokens.Tokens;

/**
 * A rebuild from offset zero (with its consumer closed and started again midway) gives tables equal, by
 * digest over ordered rows, to the ones built incrementally from shuffled, duplicated deliveries; the switch
 * is atomic and the retired generation is never written again.
 */
@QuarkusTest
@QuarkusTestResource(PostgresKafkaResource.class)
@QuarkusTestResource(PrismContractResource.class)
class RebuildTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String servers;

    @Inject
    DataSource dataSource;

    @Inject
    Projections projections;

    @Inject
    RebuildService rebuilds;

    @Inject
    ConsumerSetup consumers;

    @Test
    void rebuiltTables_equalTheIncrementalOnes_afterRedeliveriesAndRestarts() {
        Feed feed = new Feed(servers);
        for (int i = 0; i < 20; i++) {
            Stream s = feed.received(i % 2 == 0 ? SubmissionKind.COMPLAINT : SubmissionKind.PETITION,
                    Channel.RECEPTION_DESK, "NA-HOANGMAI-QUYNHXUAN", "2022-02-0" + (1 + i % 9), "THEFT", "Đơn số " + i);
            s.add(new SubmissionAccepted(s.id, i % 3 == 0, at("2022-02-15")))
                    .add(new VerificationStarted(s.id, at("2022-02-16")))
                    .add(new SubmissionConcluded(s.id, Conclusion.FOUNDED, at("2022-03-0" + (1 + i % 9))));
            Stream f = feed.scheduled(SessionKind.RESIDENT_MEETING, "NA", "NA-HOANGMAI-QUYNHXUAN", "2022-02-01");
            UUID opinion = UUID.randomUUID();
            f.add(new ForumOpened(f.id, Feed.attendance(30 + i), at("2022-02-02")))
                    .add(new OpinionRecorded(f.id, opinion, ParticipantGroup.VILLAGE_HEAD, null, "DRUGS", List.of(),
                            OpinionNature.REQUEST, "Ý kiến " + i, at("2022-02-02")))
                    .add(new FollowUpCreated(f.id, opinion, "NA", java.time.LocalDate.parse("2022-03-01"),
                            at("2022-02-02")));
        }
        feed.sendShuffledTwice();
        feed.awaitApplied(dataSource, projections);
        awaitIdle();

        for (String name : List.of("intake", "forums")) {
            int before = projections.activeGeneration(name);
            String incremental = projections.digest(name, before);
            String admin = Tokens.shared().admin();
            JsonPath started = given().auth().oauth2(admin).post("/api/v1/admin/projections/" + name + "/rebuild")
                    .then().statusCode(202).extract().jsonPath();
            String id = started.getString("id");
            int generation = started.getInt("generation");
            assertThat(generation).isGreaterThan(before);
            given().auth().oauth2(admin).post("/api/v1/admin/projections/" + name + "/rebuild").then().statusCode(409);
            // a restart midway: close the rebuild's consumer and start it again
            await().atMost(Duration.ofSeconds(30)).until(() -> status(name, id).getLong("processedEvents") > 0);
            rebuilds.restart(id);
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                    .until(() -> "SWITCHED".equals(status(name, id).getString("state")));
            JsonPath done = status(name, id);
            assertThat(done.getLong("processedEvents")).isGreaterThanOrEqualTo(done.getLong("totalEvents"));
            assertThat(done.getDouble("eventsPerSecond")).isPositive();
            assertThat(done.getLong("etaSeconds")).isZero();
            assertThat(done.getLong("restarts")).isEqualTo(1);
            assertThat(projections.activeGeneration(name)).isEqualTo(generation);
            assertThat(projections.digest(name, generation)).as("rebuilt %s equals incremental", name)
                    .isEqualTo(incremental);
            assertThat(given().auth().oauth2(admin).get("/api/v1/admin/projections/" + name).then().statusCode(200)
                    .extract().jsonPath().getString("digest")).isEqualTo(incremental);
        }

        // after the switch, new events reach the new generation only
        int old = projections.activeGeneration("intake") - 1;
        long oldRows = Feed.count(dataSource, "SELECT count(*) FROM " + Projections.schema("intake", old)
                + ".intake_facts");
        Feed more = new Feed(servers);
        more.received(SubmissionKind.TIP, Channel.HOTLINE, "NA-HOANGMAI-QUYNHXUAN", "2022-04-01", "DRUGS", "Tin mới");
        more.send();
        more.awaitApplied(dataSource, projections);
        assertThat(Feed.count(dataSource, "SELECT count(*) FROM " + Projections.schema("intake", old)
                + ".intake_facts")).isEqualTo(oldRows);
        JsonPath report = given().auth().oauth2(Tokens.shared().analyst("NA")).queryParam("unit", "NA")
                .queryParam("period", "2022-H1").get("/api/v1/reports/intake").then().statusCode(200)
                .extract().jsonPath();
        assertThat(report.getLong("rows.find { it.role == 'TOTAL' }.figures.received.total")).isEqualTo(21);
        assertThat(report.getLong("rows.find { it.role == 'TOTAL' }.figures.resolved.byKind.COMPLAINT"))
                .isEqualTo(10);
    }

    /**
     * Found by the hostile-input properties' 1,000-case run: the consumer of every replaced generation went on
     * running, so each rebuild left one more consumer polling Kafka and taking database connections, until the
     * pool ran dry and a rebuild never finished.
     */
    @Test
    void aRebuild_stopsTheConsumerOfTheGenerationItReplaced() {
        String admin = Tokens.shared().admin();
        for (int i = 0; i < 3; i++) {
            String id = given().auth().oauth2(admin).post("/api/v1/admin/projections/flow/rebuild")
                    .then().statusCode(202).extract().path("id");
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                    .until(() -> "SWITCHED".equals(status("flow", id).getString("state")));
            String active = Projections.consumerName("flow", projections.activeGeneration("flow"));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<String> listed = given().auth().oauth2(admin).get("/api/v1/status/consumers")
                        .then().statusCode(200).extract().jsonPath().getList("consumer", String.class);
                assertThat(listed).filteredOn(c -> c.startsWith("reporting-service.flow.")).containsExactly(active);
                assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                        .filteredOn(n -> n.startsWith("event-consumer-reporting-service.flow."))
                        .containsExactly("event-consumer-" + active);
            });
        }
    }

    /**
     * Found by the full benchmark: the start request counted the records to read (all 10 million of them) before
     * it answered, and the client gave up after 30 s. The count now runs in the rebuild's own thread.
     */
    @Test
    void theStartAnswersBeforeTheRecordsAreCounted_andTheRebuildSwitchesOnlyOnceCounted() {
        CountDownLatch counted = new CountDownLatch(1);
        QuarkusMock.installMockForType(new RecordCounter() {
            @Override
            public long count(String servers, List<String> topics, BooleanSupplier cancelled) {
                try {
                    counted.await(90, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.count(servers, topics, cancelled);
            }
        }, RecordCounter.class);
        Feed feed = new Feed(servers);
        // dated outside 2022-H1, which the other test counts
        feed.received(SubmissionKind.TIP, Channel.HOTLINE, "NA-HOANGMAI-QUYNHXUAN", "2021-05-01", "DRUGS", "Tin báo");
        feed.send();
        feed.awaitApplied(dataSource, projections);

        String admin = Tokens.shared().admin();
        JsonPath started = given().auth().oauth2(admin).post("/api/v1/admin/projections/flow/rebuild")
                .then().statusCode(202).extract().jsonPath();
        String id = started.getString("id");
        assertThat(started.getString("state")).isEqualTo("RUNNING");
        assertThat((Object) started.get("totalEvents")).as("not counted yet").isNull();
        assertThat((Object) started.get("etaSeconds")).isNull();

        // its consumer reads meanwhile, and catches up, but the rebuild may not switch before the count is known
        String consumer = started.getString("consumer");
        await().atMost(Duration.ofSeconds(60)).until(() -> rebuilds.stats().get(consumer).lag() == 0
                && status("flow", id).getLong("processedEvents") > 0);
        JsonPath counting = status("flow", id);
        assertThat(counting.getString("state")).isEqualTo("RUNNING");
        assertThat((Object) counting.get("totalEvents")).isNull();

        counted.countDown();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                .until(() -> "SWITCHED".equals(status("flow", id).getString("state")));
        JsonPath done = status("flow", id);
        assertThat(done.getLong("totalEvents")).isPositive();
        assertThat(done.getLong("processedEvents")).isGreaterThanOrEqualTo(done.getLong("totalEvents"));
    }

    /**
     * An operator can stop a rebuild (the benchmark stops one whose window closed before it measures reports):
     * it never switches, its consumer group and tables go, the serving generation stays, and a new rebuild can
     * start. The count is held back so that the rebuild is surely still running when it is stopped.
     */
    @Test
    void aStoppedRebuild_neverSwitches_dropsItsGeneration_andLetsTheNextOneStart() {
        CountDownLatch never = new CountDownLatch(1);
        QuarkusMock.installMockForType(new RecordCounter() {
            @Override
            public long count(String servers, List<String> topics, BooleanSupplier cancelled) {
                while (!cancelled.getAsBoolean()) {
                    try {
                        never.await(100, TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                throw new java.util.concurrent.CancellationException("stopped while counting");
            }
        }, RecordCounter.class);
        String admin = Tokens.shared().admin();
        int serving = projections.activeGeneration("flow");
        JsonPath started = given().auth().oauth2(admin).post("/api/v1/admin/projections/flow/rebuild")
                .then().statusCode(202).extract().jsonPath();
        String id = started.getString("id");
        String schema = Projections.schema("flow", started.getInt("generation"));
        assertThat(Feed.count(dataSource, "SELECT count(*) FROM information_schema.schemata WHERE schema_name = '"
                + schema + "'")).isEqualTo(1);

        JsonPath stopped = given().auth().oauth2(admin).delete("/api/v1/admin/projections/flow/rebuild/" + id)
                .then().statusCode(200).extract().jsonPath();

        assertThat(stopped.getString("state")).isEqualTo("CANCELLED");
        assertThat(Feed.count(dataSource, "SELECT count(*) FROM information_schema.schemata WHERE schema_name = '"
                + schema + "'")).as("its tables are dropped").isZero();
        assertThat(rebuilds.stats()).doesNotContainKey(started.getString("consumer"));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> "CANCELLED".equals(status("flow", id).getString("state")));
        assertThat(projections.activeGeneration("flow")).as("the serving generation stays").isEqualTo(serving);
        given().auth().oauth2(admin).delete("/api/v1/admin/projections/flow/rebuild/" + id)
                .then().statusCode(409).contentType(startsWith("application/problem+json"));

        QuarkusMock.installMockForType(new RecordCounter(), RecordCounter.class);
        String next = given().auth().oauth2(admin).post("/api/v1/admin/projections/flow/rebuild")
                .then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                .until(() -> "SWITCHED".equals(status("flow", next).getString("state")));
    }

    private static JsonPath status(String name, String id) {
        return given().auth().oauth2(Tokens.shared().admin())
                .get("/api/v1/admin/projections/" + name + "/rebuild/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** Every consumer has polled with nothing left to read. */
    private void awaitIdle() {
        await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ofMillis(500)).until(() -> {
            Map<String, ConsumerStats> all = new java.util.HashMap<>(consumers.stats());
            all.putAll(rebuilds.stats());
            return all.values().stream().allMatch(s -> s.lag() == 0);
        });
    }
}
