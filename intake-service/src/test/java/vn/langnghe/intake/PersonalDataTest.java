package vn.langnghe.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;
import static vn.langnghe.intake.SubmissionApiTest.action;
import static vn.langnghe.intake.SubmissionApiTest.partner;
import static vn.langnghe.intake.SubmissionApiTest.submit;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.langnghe.contracts.Topics;
import vn.langnghe.testsupport.kafka.TestCloudEvents;
import vn.langnghe.testsupport.quarkus.PostgresKafkaResource;
import vn.langnghe.testsupport.quarkus.PrismContractResource;
import vn.langnghe.testsupport.tokens.Tokens;

/** Reading and erasing a case's personal data: purpose, audit, the denouncer's secrecy, crypto-shredding. */
@QuarkusTest
@QuarkusTestResource(PostgresKafkaResource.class)
@QuarkusTestResource(PrismContractResource.class)
class PersonalDataTest {

    static final String WARD = SubmissionApiTest.WARD;

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final String officer = Tokens.shared().officer("HP");
    private final String admin = Tokens.shared().admin();

    private String submitWithReporter(String kind) {
        return submit(partner(), Map.of("kind", kind, "unitId", WARD, "description", "Lời kể của công dân",
                        "reporter", Map.of("fullName", "Lê Văn C", "phone", "0901234567")),
                UUID.randomUUID().toString()).statusCode(201).extract().path("id");
    }

    @Test
    void anOfficerReadsAComplainantsIdentity_namingThePurpose_andTheReadIsAuditedWithoutTouchingTheCase() throws Exception {
        String id = submitWithReporter("COMPLAINT");
        given().auth().oauth2(officer).get("/api/v1/submissions/" + id + "/reporter")
                .then().statusCode(400).body("errors[0].field", equalTo("purpose"));

        given().auth().oauth2(officer).queryParam("purpose", "gọi lại để xác minh")
                .get("/api/v1/submissions/" + id + "/reporter")
                .then().statusCode(200).body("fullName", equalTo("Lê Văn C")).body("phone", equalTo("0901234567"));

        assertThat(auditRows(id, true)).isEqualTo(1);
        given().auth().oauth2(officer).get("/api/v1/submissions/" + id).then().header("ETag", "\"1\"");
    }

    @Test
    void aDenouncersIdentity_isRefusedToTheOfficer_andTheRefusalAudited_butAnAdminMayRead() throws Exception {
        String id = submitWithReporter("DENUNCIATION");
        given().auth().oauth2(officer).queryParam("purpose", "xác minh tố cáo")
                .get("/api/v1/submissions/" + id + "/reporter")
                .then().statusCode(403).contentType("application/problem+json").body("detail", containsString("56"));
        assertThat(auditRows(id, false)).isEqualTo(1);

        given().auth().oauth2(admin).queryParam("purpose", "yêu cầu của thủ trưởng")
                .get("/api/v1/submissions/" + id + "/reporter")
                .then().statusCode(200).body("fullName", equalTo("Lê Văn C"));
        // the denunciation's content itself is for the verifying officer
        given().auth().oauth2(officer).queryParam("purpose", "xác minh tố cáo")
                .get("/api/v1/submissions/" + id + "/texts")
                .then().statusCode(200).body("texts.DESCRIPTION", equalTo("Lời kể của công dân"));
    }

    @Test
    void aPartnerReadsOnlyTheAnswerLetter() {
        String id = submitWithReporter("PETITION");
        action(officer, id, "classify", "\"1\"", Map.of("kind", "PETITION", "topic", "PATROLS", "unitId", WARD,
                "publicSummary", "Đề nghị tăng cường tuần tra")).statusCode(200);
        action(officer, id, "answer", "\"2\"", Map.of("answerSummary", "Đã bố trí tuần tra",
                "letter", "Kính gửi ông C: công an phường đã bố trí tuần tra.")).statusCode(200);

        given().auth().oauth2(partner()).queryParam("purpose", "chuyển thư trả lời cho công dân")
                .get("/api/v1/submissions/" + id + "/texts")
                .then().statusCode(200)
                .body("texts.ANSWER_LETTER", containsString("Kính gửi"))
                .body("texts.DESCRIPTION", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void erasure_isRefusedWhileOpen_thenShredsTheIdentity_andTellsTheOtherServices() throws Exception {
        String id = submitWithReporter("COMPLAINT");
        Map<String, String> reason = Map.of("reason", "công dân yêu cầu xóa dữ liệu");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(reason)
                .post("/api/v1/submissions/" + id + "/erase-reporter")
                .then().statusCode(409).body("detail", containsString("open"));
        action(partner(), id, "withdraw", "\"1\"", Map.of()).statusCode(200);

        given().auth().oauth2(admin).contentType(ContentType.JSON).body(reason)
                .post("/api/v1/submissions/" + id + "/erase-reporter").then().statusCode(200);

        given().auth().oauth2(admin).queryParam("purpose", "kiểm tra sau khi xóa")
                .get("/api/v1/submissions/" + id + "/reporter").then().statusCode(410);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(reason)
                .post("/api/v1/submissions/" + id + "/erase-reporter").then().statusCode(409);
        given().auth().oauth2(officer).get("/api/v1/submissions/" + id).then().statusCode(200)
                .body("status", equalTo("WITHDRAWN")); // the case and its statistics stay
        assertThat(TestCloudEvents.readUntil(bootstrapServers, Topics.INTAKE_SUBMISSION_EVENTS,
                        read -> read.stream().anyMatch(r -> r.key().equals("submission-" + id)
                                && r.type().equals("intake.ReporterIdentityErased.v1")),
                        Duration.ofSeconds(60)))
                .anyMatch(r -> r.key().equals("submission-" + id) && r.type().equals("intake.ReporterIdentityErased.v1"));
        assertThat(destroyedKeys(id)).isEqualTo(1);
    }

    private long auditRows(String caseId, boolean allowed) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM personal_access_audit WHERE case_id = ?::uuid AND allowed = ?"
                        + " AND subject_type = 'IDENTITY' AND purpose IS NOT NULL AND actor IS NOT NULL")) {
            s.setString(1, caseId);
            s.setBoolean(2, allowed);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Person keys destroyed for this case's reporter (via the vault's own tables). */
    private long destroyedKeys(String caseId) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM keyring.subject_keys k JOIN personal_identities i ON i.person_id = k.subject_id"
                        + " WHERE i.record_id = ? AND k.kind = 'PERSON' AND k.keyset IS NULL AND k.destroyed_at IS NOT NULL")) {
            s.setString(1, caseId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
