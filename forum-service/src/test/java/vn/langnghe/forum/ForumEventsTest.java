package vn.langnghe.forum;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.langnghe.forum.Forums.F;
import static vn.langnghe.forum.Forums.WARD;
import static vn.langnghe.forum.Forums.answerBody;
import static vn.langnghe.forum.Forums.officer;
import static vn.langnghe.forum.Forums.onOpinion;
import static vn.langnghe.forum.Forums.openForum;
import static vn.langnghe.forum.Forums.opinionBody;
import static vn.langnghe.forum.Forums.organiser;
import static vn.langnghe.forum.Forums.post;
import static vn.langnghe.forum.Forums.record;
import static vn.langnghe.forum.Forums.today;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.langnghe.contracts.ContractJson;
import vn.langnghe.contracts.ContractRegistry;
import vn.langnghe.contracts.ContractValidator;
import vn.langnghe.contracts.Topics;
import vn.langnghe.contracts.events.OpinionEscalated;
import vn.langnghe.contracts.events.SubmissionKind;
import vn.langnghe.contracts.events.SubmissionNotAccepted;
import vn.langnghe.contracts.events.NotAcceptedReason;
import vn.langnghe.testsupport.kafka.TestCloudEvents;
import vn.langnghe.testsupport.quarkus.PostgresKafkaResource;
import vn.langnghe.testsupport.quarkus.PrismContractResource;

/**
 * Every event forum-service produces matches its released contract and reaches Kafka through the relay; the
 * outcome of an escalated opinion's submission comes back from intake and closes it, once.
 */
@QuarkusTest
@QuarkusTestResource(PostgresKafkaResource.class)
@QuarkusTestResource(PrismContractResource.class)
class ForumEventsTest {

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final ObjectMapper json = ContractJson.mapper();

    @Test
    void everyEventOfAForumsLife_validatesAgainstItsContract_andReachesKafka_andIntakesOutcomeClosesTheEscalation()
            throws Exception {
        UUID forum = openForum();
        String organiser = organiser();
        UUID answered = UUID.randomUUID();
        UUID followedUp = UUID.randomUUID();
        UUID escalated = UUID.randomUUID();
        record(organiser, forum, opinionBody(answered, "Đề nghị phân luồng cổng trường")).statusCode(201);
        record(organiser, forum, opinionBody(followedUp, "Đề nghị tăng tuần tra")).statusCode(201);
        Map<String, Object> speaker = opinionBody(escalated, "Tố cáo tụ điểm ma túy");
        speaker.put("speaker", Map.of("fullName", "Phạm Văn E"));
        speaker.put("topic", "DRUGS");
        speaker.put("tags", List.of());
        record(organiser, forum, speaker).statusCode(201);
        Map<String, Object> answer = new java.util.HashMap<>(answerBody("Sẽ bố trí lực lượng"));
        answer.put("commitmentSummary", "Bố trí lực lượng giờ tan học");
        onOpinion(organiser, forum, answered, "answer", answer).statusCode(200);
        onOpinion(organiser, forum, followedUp, "follow-up", Map.of("ownerUnitId", WARD,
                "dueOn", today().plusDays(10).toString())).statusCode(200);
        onOpinion(officer(), forum, followedUp, "follow-up-answer", Map.of("answerSummary", "Đã tăng tuần tra"))
                .statusCode(200);
        onOpinion(officer(), forum, answered, "commitment-fulfilled", Map.of("fulfilmentSummary", "Đã bố trí"))
                .statusCode(200);
        onOpinion(organiser, forum, escalated, "escalate", Map.of("kindRequested", "CRIME_REPORT")).statusCode(200);
        String version = given().auth().oauth2(organiser).get(F + "/" + forum).then().extract().header("ETag");
        post(organiser, forum, "close", version, Map.of("minutesSummary", "40 đại biểu, 3 ý kiến")).statusCode(200);
        String closed = "\"" + (Long.parseLong(version.replace("\"", "")) + 1) + "\"";
        post(organiser, forum, "publish-minutes", closed, Map.of()).statusCode(200);

        // intake ends the submission opened for the escalated opinion: the outcome comes back, twice
        UUID submission = UUID.randomUUID();
        SubmissionNotAccepted outcome = new SubmissionNotAccepted(submission, "7K2M-Q9XA-4TRB",
                SubmissionKind.CRIME_REPORT, WARD, escalated, Instant.now(), NotAcceptedReason.OUT_OF_COMPETENCE, null);
        String data = json.writeValueAsString(outcome);
        try (KafkaProducer<String, byte[]> producer = TestCloudEvents.producer(bootstrapServers)) {
            for (int delivery = 0; delivery < 2; delivery++) {
                producer.send(TestCloudEvents.record(Topics.INTAKE_SUBMISSION_EVENTS, "submission-" + submission, 1,
                        SubmissionNotAccepted.TYPE, "/intake-service", Instant.now().toString(), data)).get();
            }
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(organiser)
                .get(F + "/" + forum).then().statusCode(200)
                .body("opinions.find { it.id == '" + escalated + "' }.status",
                        org.hamcrest.Matchers.equalTo("ESCALATION_CLOSED"))
                .body("opinions.find { it.id == '" + escalated + "' }.escalation.outcome",
                        org.hamcrest.Matchers.equalTo("NOT_ACCEPTED")));

        List<String[]> stored = storedEvents(forum);
        Set<String> types = new TreeSet<>();
        stored.forEach(e -> types.add(e[0]));
        Set<String> forumContracts = new TreeSet<>();
        ContractRegistry.standard().all().stream().filter(c -> c.kafkaTopic().equals(Topics.FORUM_FORUM_EVENTS))
                .forEach(c -> forumContracts.add(c.typeName()));
        assertThat(types).as("one forum's life produces every forum event type").isEqualTo(forumContracts);
        assertThat(stored.stream().filter(e -> e[0].equals("forum.EscalationOutcomeRecorded.v1")))
                .as("a redelivered outcome changes nothing").hasSize(1);
        ContractValidator validator = ContractValidator.standard();
        for (String[] event : stored) {
            assertThat(validator.validate(event[0], json.readTree(event[1]))).as("%s %s", event[0], event[1]).isEmpty();
            assertThat(event[1]).doesNotContain("Phạm Văn E");
        }

        String stream = "forum-" + forum;
        List<TestCloudEvents.Received> published = TestCloudEvents.readUntil(bootstrapServers,
                Topics.FORUM_FORUM_EVENTS,
                read -> read.stream().filter(r -> stream.equals(r.key())).count() >= stored.size(),
                Duration.ofSeconds(60));
        List<TestCloudEvents.Received> ours = published.stream().filter(r -> stream.equals(r.key())).toList();
        assertThat(ours.stream().map(TestCloudEvents.Received::type))
                .containsExactlyElementsOf(stored.stream().map(e -> e[0]).toList());
        for (TestCloudEvents.Received received : ours) {
            assertThat(validator.validate(received.type(), json.readTree(received.data())))
                    .as("on Kafka: %s", received.type()).isEmpty();
        }
        OpinionEscalated onKafka = json.readValue(ours.stream().filter(r -> r.type().equals(OpinionEscalated.TYPE))
                .findFirst().orElseThrow().data(), OpinionEscalated.class);
        assertThat(onKafka.opinionId()).isEqualTo(escalated);
        assertThat(onKafka.kindRequested()).isEqualTo(SubmissionKind.CRIME_REPORT);
        assertThat(onKafka.speakerIdentityRef()).startsWith("idv-");
        assertThat(onKafka.topic()).isEqualTo("DRUGS");
    }

    @Test
    void anOutcomeOfASubmissionNotFromAForum_isIgnored() throws Exception {
        UUID submission = UUID.randomUUID();
        SubmissionNotAccepted outcome = new SubmissionNotAccepted(submission, "7K2M-Q9XA-4TRC",
                SubmissionKind.COMPLAINT, WARD, null, Instant.now(), NotAcceptedReason.TIME_BARRED, null);
        long before = count();
        try (KafkaProducer<String, byte[]> producer = TestCloudEvents.producer(bootstrapServers)) {
            producer.send(TestCloudEvents.record(Topics.INTAKE_SUBMISSION_EVENTS, "submission-" + submission, 1,
                    SubmissionNotAccepted.TYPE, "/intake-service", Instant.now().toString(),
                    json.writeValueAsString(outcome))).get();
        }
        // wait until the consumer has taken the event (its checkpoint moved), then nothing may have changed
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> checkpointOf("submission-" + submission) == 1);
        assertThat(count()).isEqualTo(before);
    }

    private long checkpointOf(String stream) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT coalesce(max(version), 0) FROM consumer_checkpoints WHERE consumer = ? AND stream_id = ?")) {
            s.setString(1, "forum-service.intake-outcomes");
            s.setString(2, stream);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long count() throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM events WHERE event_type = 'forum.EscalationOutcomeRecorded.v1'");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<String[]> storedEvents(UUID forum) throws Exception {
        List<String[]> events = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT event_type, data::text FROM events WHERE stream_id = ? ORDER BY version")) {
            s.setString(1, "forum-" + forum);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    events.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        return events;
    }
}
