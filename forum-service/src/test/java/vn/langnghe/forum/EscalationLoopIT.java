package vn.langnghe.forum;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.langnghe.personal.MasterKey;
import vn.langnghe.testsupport.infra.Infrastructure;
import vn.langnghe.testsupport.process.ServiceProcess;
import vn.langnghe.testsupport.tokens.TokenMinter;
import vn.langnghe.testsupport.tokens.Tokens;

/**
 * The loop between the two services, both running as their packaged jars on real PostgreSQL and Kafka:
 * an opinion escalated at a forum becomes an intake submission (through Kafka), an officer takes it to
 * one of the five outcomes, and forum-service closes the escalation with that outcome (through Kafka).
 * Needs intake-service packaged first (the reactor does that: intake comes before forum).
 */
class EscalationLoopIT {

    static final String CITY = "HP";
    static final String WARD = "HP-LECHAN-ANDUONG";
    static ServiceProcess intake;
    static ServiceProcess forum;

    @BeforeAll
    static void startBothServices() {
        Path forumModule = Path.of(System.getProperty("langnghe.forum.module.dir", ".")).toAbsolutePath().normalize();
        Path intakeModule = forumModule.resolveSibling("intake-service");
        Path intakeJar = intakeModule.resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(intakeJar)) {
            throw new IllegalStateException(intakeJar + " is missing: package intake-service first"
                    + " (./mvnw -pl intake-service package -DskipTests)");
        }
        Infrastructure infra = Infrastructure.shared();
        intake = ServiceProcess.quarkusApp(intakeModule).config(config(infra, "intake_loop")).start();
        forum = ServiceProcess.quarkusApp(forumModule).config(config(infra, "forum_loop")).start();
        intake.awaitReady(Duration.ofMinutes(2));
        forum.awaitReady(Duration.ofMinutes(2));
    }

    private static Map<String, String> config(Infrastructure infra, String database) {
        infra.postgres().createDatabase(database);
        TokenMinter tokens = Tokens.shared();
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.jdbc.url", infra.postgres().jdbcUrl(database));
        config.put("quarkus.datasource.username", infra.postgres().username());
        config.put("quarkus.datasource.password", infra.postgres().password());
        config.put("kafka.bootstrap.servers", infra.kafka().bootstrapServers());
        config.put("quarkus.oidc.public-key", tokens.publicKeyPem());
        config.put("quarkus.oidc.token.issuer", tokens.issuer());
        config.put("langnghe.personal.master-key", MasterKey.generate().toBase64());
        config.put("langnghe.intake.retention-after-closing", "P0D");
        return config;
    }

    @AfterAll
    static void stop() {
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> {
            if (intake != null) {
                intake.close();
            }
        });
        if (forum != null) {
            forum.close();
        }
        stopping.join();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ANSWERED", "TRANSFERRED", "NOT_ACCEPTED", "WITHDRAWN", "MERGED"})
    void anEscalatedOpinion_isClosedAtTheForum_withIntakesOutcome(String outcome) {
        try {
            runLoop(outcome);
        } catch (AssertionError | RuntimeException | java.sql.SQLException e) {
            throw new AssertionError(e.getMessage() + "\n--- intake ---\n" + intake.logTail() + "\n--- forum ---\n"
                    + forum.logTail(), e);
        }
    }

    private void runLoop(String outcome) throws java.sql.SQLException {
        String organiser = Tokens.shared().organiser(CITY);
        String officer = Tokens.shared().officer(CITY);
        UUID forumId = UUID.randomUUID();
        UUID opinionId = UUID.randomUUID();
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        at(forum, organiser).body(schedule(forumId, today)).post("/api/v1/forums").then().statusCode(201);
        at(forum, organiser).header("If-Match", "\"1\"").body(Map.of("attendanceByGroup",
                        List.of(Map.of("group", "RESIDENTIAL_GROUP", "count", 35))))
                .post("/api/v1/forums/" + forumId + "/open").then().statusCode(200);
        Map<String, Object> opinion = new HashMap<>();
        opinion.put("opinionId", opinionId.toString());
        opinion.put("speakerGroup", "RESIDENTIAL_GROUP");
        opinion.put("speaker", Map.of("fullName", "Đỗ Văn Khiếu"));
        opinion.put("topic", "ADMIN_PROCEDURES");
        opinion.put("nature", "REQUEST");
        opinion.put("publicSummary", "Khiếu nại việc chậm cấp giấy xác nhận cư trú");
        opinion.put("text", "Tôi đã nộp hồ sơ ba tháng mà chưa được giải quyết");
        at(forum, organiser).body(opinion).post("/api/v1/forums/" + forumId + "/opinions").then().statusCode(201);
        at(forum, organiser).body(Map.of("kindRequested", "COMPLAINT"))
                .post("/api/v1/forums/" + forumId + "/opinions/" + opinionId + "/escalate")
                .then().statusCode(200);

        // intake opens the submission from the escalation event: its id follows from the opinion id
        String submission = UUID.nameUUIDFromBytes(("opinion:" + opinionId).getBytes(StandardCharsets.UTF_8))
                .toString();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                at(intake, officer).get("/api/v1/submissions/" + submission).statusCode() == 200);
        Response opened = at(intake, officer).get("/api/v1/submissions/" + submission);
        assertThat(opened.<String>path("channel")).isEqualTo("FORUM");
        assertThat(opened.<Boolean>path("identified")).isTrue();
        assertThat(opened.<String>path("status")).isEqualTo("CLASSIFIED");

        takeTo(outcome, submission, officer);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            Response view = at(forum, organiser).get("/api/v1/forums/" + forumId);
            assertThat(view.<String>path("opinions[0].status")).isEqualTo("ESCALATION_CLOSED");
            assertThat(view.<String>path("opinions[0].escalation.outcome")).isEqualTo(outcome);
            assertThat(view.<String>path("opinions[0].escalation.submissionId")).isEqualTo(submission);
        });
        if (outcome.equals("WITHDRAWN")) {
            forgetTheSpeaker(submission);
        }
    }

    /**
     * The speaker's identity lives in forum-service's vault; erasing the reporter at intake (the case is
     * closed, retention P0D here) must make forum-service destroy that person's key too.
     */
    private void forgetTheSpeaker(String submission) throws java.sql.SQLException {
        long before = destroyedSpeakerKeys();
        given().baseUri(intake.baseUrl()).auth().oauth2(Tokens.shared().admin()).contentType(ContentType.JSON)
                .body(Map.of("reason", "người phát biểu yêu cầu xóa dữ liệu"))
                .post("/api/v1/submissions/" + submission + "/erase-reporter").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> destroyedSpeakerKeys() == before + 1);
    }

    private static long destroyedSpeakerKeys() throws java.sql.SQLException {
        var postgres = Infrastructure.shared().postgres();
        try (var c = java.sql.DriverManager.getConnection(postgres.jdbcUrl("forum_loop"), postgres.username(),
                        postgres.password());
                var s = c.createStatement();
                var rs = s.executeQuery("SELECT count(*) FROM keyring.subject_keys WHERE kind = 'PERSON'"
                        + " AND keyset IS NULL")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The officer's steps from a classified complaint to each outcome, with If-Match. */
    private void takeTo(String outcome, String submission, String officer) {
        switch (outcome) {
            case "ANSWERED" -> {
                step(officer, submission, "accept", 2, Map.of("complex", false));
                step(officer, submission, "start-verification", 3, Map.of());
                step(officer, submission, "conclude", 4, Map.of("conclusion", "FOUNDED"));
                step(officer, submission, "answer", 5, Map.of("answerSummary", "Đã cấp giấy xác nhận cư trú"));
            }
            case "TRANSFERRED" -> step(officer, submission, "transfer", 2,
                    Map.of("toAgency", "UBND phường An Dương", "reason", "thuộc thẩm quyền UBND"));
            case "NOT_ACCEPTED" -> step(officer, submission, "refuse", 2, Map.of("legalReason", "OUT_OF_COMPETENCE"));
            case "WITHDRAWN" -> step(officer, submission, "withdraw", 2, Map.of());
            case "MERGED" -> {
                String other = at(intake, officer).header("Idempotency-Key", UUID.randomUUID().toString())
                        .body(Map.of("kind", "COMPLAINT", "channel", "RECEPTION_DESK", "unitId", WARD))
                        .post("/api/v1/submissions").then().statusCode(201).extract().path("id");
                step(officer, submission, "merge", 2, Map.of("mergedInto", other));
            }
            default -> throw new IllegalArgumentException(outcome);
        }
    }

    private void step(String officer, String submission, String action, long version, Object body) {
        at(intake, officer).header("If-Match", "\"" + version + "\"").body(body)
                .post("/api/v1/submissions/" + submission + "/" + action).then().statusCode(200);
    }

    private static Map<String, Object> schedule(UUID id, String day) {
        return Map.of("id", id.toString(), "sessionKind", "FORUM", "hostUnitId", CITY, "venueUnitId", WARD,
                "venueName", "Hội trường UBND phường An Dương", "startsAt", day + "T08:00:00",
                "delegationHead", Map.of("unitId", CITY, "title", "Phó Giám đốc Công an thành phố"),
                "invitedGroups", List.of("RESIDENTIAL_GROUP", "CITIZEN_REPRESENTATIVE"));
    }

    private static RequestSpecification at(ServiceProcess service, String token) {
        return given().baseUri(service.baseUrl()).auth().oauth2(token).contentType(ContentType.JSON);
    }
}
