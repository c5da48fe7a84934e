package vn.langnghe.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.langnghe.intake.SubmissionApiTest.action;
import static vn.langnghe.intake.SubmissionApiTest.partner;
import static vn.langnghe.intake.SubmissionApiTest.submit;

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
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.langnghe.contracts.ContractJson;
import vn.langnghe.contracts.ContractValidator;
import vn.langnghe.contracts.Topics;
import vn.langnghe.contracts.events.OpinionEscalated;
import vn.langnghe.contracts.events.SubmissionKind;
import vn.langnghe.testsupport.kafka.TestCloudEvents;
import vn.langnghe.testsupport.quarkus.PostgresKafkaResource;
import vn.langnghe.testsupport.quarkus.PrismContractResource;
import vn.langnghe.testsupport.tokens.Tokens;

/** Every event intake produces matches its released contract; forum escalations open submissions once. */
@QuarkusTest
@QuarkusTestResource(PostgresKafkaResource.class)
@QuarkusTestResource(PrismContractResource.class)
class SubmissionEventsTest {

    static final String WARD = SubmissionApiTest.WARD;

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final ObjectMapper json = ContractJson.mapper();
    private final String officer = Tokens.shared().officer("HP");

    @Test
    void everyEventOfEveryLifecyclePath_validatesAgainstItsContract_andReachesKafka() throws Exception {
        List<String> ids = new ArrayList<>();
        // answered after verification, with a reclassification and an extension on the way
        String denunciation = newSubmission(Map.of("kind", "DENUNCIATION", "unitId", WARD,
                "reporter", Map.of("phone", "0987654321")));
        classify(denunciation, "1", "DENUNCIATION", "REPORT_HANDLING");
        classify(denunciation, "2", "DENUNCIATION", "SOCIAL_EVILS");
        action(officer, denunciation, "accept", "\"3\"", Map.of("complex", true)).statusCode(200);
        action(officer, denunciation, "extend-deadline", "\"4\"",
                Map.of("reasonCode", "COMPLEX", "reason", "Vụ việc phức tạp, nhiều nơi")).statusCode(200);
        action(officer, denunciation, "start-verification", "\"5\"", Map.of()).statusCode(200);
        action(officer, denunciation, "conclude", "\"6\"", Map.of("conclusion", "UNFOUNDED")).statusCode(200);
        action(officer, denunciation, "answer", "\"7\"", Map.of("answerSummary", "Tố cáo không đúng")).statusCode(200);
        ids.add(denunciation);
        // a valuable tip, answered without verification
        String tip = newSubmission(Map.of("kind", "TIP", "unitId", WARD));
        classify(tip, "1", "TIP", "DRUGS");
        action(officer, tip, "rate-valuable", "\"2\"", Map.of()).statusCode(200);
        action(officer, tip, "answer", "\"3\"", Map.of("answerSummary", "Cảm ơn người cung cấp tin")).statusCode(200);
        ids.add(tip);
        // the side exits
        String transferred = newSubmission(Map.of("kind", "PETITION", "unitId", WARD));
        action(officer, transferred, "transfer", "\"1\"", Map.of("toAgency", "UBND phường", "reason", "thẩm quyền"))
                .statusCode(200);
        ids.add(transferred);
        String refused = newSubmission(Map.of("kind", "COMPLAINT", "unitId", WARD, "reporter", Map.of("fullName", "B")));
        action(officer, refused, "refuse", "\"1\"", Map.of("legalReason", "TIME_BARRED")).statusCode(200);
        ids.add(refused);
        String merged = newSubmission(Map.of("kind", "TIP", "unitId", WARD));
        action(officer, merged, "merge", "\"1\"", Map.of("mergedInto", tip)).statusCode(200);
        ids.add(merged);
        String withdrawn = newSubmission(Map.of("kind", "PETITION", "unitId", WARD));
        action(partner(), withdrawn, "withdraw", "\"1\"", Map.of()).statusCode(200);
        ids.add(withdrawn);

        ContractValidator validator = ContractValidator.standard();
        List<String[]> stored = storedEvents(ids);
        assertThat(stored).hasSize(20);
        for (String[] event : stored) {
            assertThat(validator.validate(event[0], json.readTree(event[1])))
                    .as("%s %s", event[0], event[1]).isEmpty();
        }
        List<String> streams = ids.stream().map(id -> "submission-" + id).toList();
        List<TestCloudEvents.Received> published = TestCloudEvents.readUntil(bootstrapServers,
                Topics.INTAKE_SUBMISSION_EVENTS,
                read -> read.stream().filter(r -> streams.contains(r.key())).count() >= stored.size(),
                Duration.ofSeconds(60));
        assertThat(published.stream().filter(r -> streams.contains(r.key())).map(TestCloudEvents.Received::type))
                .containsExactlyInAnyOrderElementsOf(stored.stream().map(e -> e[0]).toList());
    }

    @Test
    void anEscalatedOpinion_opensOneForumSubmission_whoseAnswerNamesTheOpinion() throws Exception {
        UUID opinion = UUID.randomUUID();
        UUID forum = UUID.randomUUID();
        OpinionEscalated escalated = new OpinionEscalated(opinion, forum, SubmissionKind.COMPLAINT, "TRAFFIC_SAFETY",
                List.of("SCHOOL_GATE_CONGESTION"), WARD, "idv-speaker-7",
                "Khiếu nại việc xử lý vi phạm giao thông cổng trường", Instant.parse("2026-11-02T03:00:00Z"));
        String data = json.writeValueAsString(escalated);
        try (KafkaProducer<String, byte[]> producer = TestCloudEvents.producer(bootstrapServers)) {
            for (int delivery = 0; delivery < 2; delivery++) { // the second is a redelivery
                producer.send(TestCloudEvents.record(Topics.FORUM_FORUM_EVENTS, "forum-" + forum, 1,
                        OpinionEscalated.TYPE, "/forum-service", "2026-11-02T03:00:00Z", data)).get();
            }
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> submissionsOfOpinion(opinion) == 1);
        String id = submissionIdOfOpinion(opinion);
        given().auth().oauth2(officer).get("/api/v1/submissions/" + id).then().statusCode(200)
                .body("channel", org.hamcrest.Matchers.equalTo("FORUM"))
                .body("status", org.hamcrest.Matchers.equalTo("CLASSIFIED"))
                .body("identified", org.hamcrest.Matchers.equalTo(true));

        action(officer, id, "refuse", "\"2\"", Map.of("legalReason", "OUT_OF_COMPETENCE")).statusCode(200);
        List<TestCloudEvents.Received> outcome = TestCloudEvents.readUntil(bootstrapServers,
                Topics.INTAKE_SUBMISSION_EVENTS,
                read -> read.stream().anyMatch(r -> r.type().equals("intake.SubmissionNotAccepted.v1")
                        && r.key().equals("submission-" + id)),
                Duration.ofSeconds(60));
        String notAccepted = outcome.stream().filter(r -> r.key().equals("submission-" + id)
                && r.type().equals("intake.SubmissionNotAccepted.v1")).findFirst().orElseThrow().data();
        assertThat(json.readTree(notAccepted).get("originatingOpinionId").asText()).isEqualTo(opinion.toString());
        assertThat(submissionsOfOpinion(opinion)).isEqualTo(1);
    }

    private String newSubmission(Map<String, Object> body) {
        return submit(partner(), body, UUID.randomUUID().toString()).statusCode(201).extract().path("id");
    }

    private void classify(String id, String version, String kind, String topic) {
        action(officer, id, "classify", "\"" + version + "\"", Map.of("kind", kind, "topic", topic, "unitId", WARD,
                "publicSummary", "Tóm tắt công khai")).statusCode(200);
    }

    private List<String[]> storedEvents(List<String> ids) throws Exception {
        List<String[]> events = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT event_type, data::text FROM events WHERE stream_id = ANY (?) ORDER BY global_position")) {
            s.setArray(1, c.createArrayOf("text", ids.stream().map(id -> "submission-" + id).toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    events.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        return events;
    }

    private long submissionsOfOpinion(UUID opinion) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM submissions WHERE originating_opinion = ?")) {
            s.setObject(1, opinion);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private String submissionIdOfOpinion(UUID opinion) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT id FROM submissions WHERE originating_opinion = ?")) {
            s.setObject(1, opinion);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
