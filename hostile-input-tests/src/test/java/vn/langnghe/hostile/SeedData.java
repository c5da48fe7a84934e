package vn.langnghe.hostile;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import vn.langnghe.testsupport.tokens.Tokens;

/**
 * A little valid data, written through the public APIs before the hostile cases run, so that path ids name real
 * resources: the callers' own (unit {@value #CITY}, partner {@value #PARTNER}) and those of another unit
 * ({@value #OTHER_CITY}) and another partner ({@value #OTHER_PARTNER}), which the callers must never reach.
 */
record SeedData(
        String submission, String partnerSubmissionKey, String trackingCode, String otherUnitSubmission,
        String otherUnitTrackingCode, String partnerSubmission, String partnerTrackingCode,
        String otherPartnerSubmission, String otherPartnerTrackingCode, String importJob, String open311Service,
        String forum, String opinion, String otherUnitForum, String otherUnitOpinion, String rebuild) {

    static final String CITY = "HP";
    static final String WARD = "HP-LECHAN-ANDUONG";
    static final String OTHER_CITY = "HN";
    static final String OTHER_WARD = "HN-THANHTRI-THANHLIET";
    static final String PARTNER = "portal-hostile-a";
    static final String OTHER_PARTNER = "portal-hostile-b";
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    static String today() {
        return LocalDate.now(VIETNAM).toString();
    }

    static SeedData write(ServiceFleet fleet) {
        var tokens = Tokens.shared();
        String officer = tokens.officer(CITY);
        String otherOfficer = tokens.officer(OTHER_CITY);
        String key = UUID.randomUUID().toString();
        Response own = submit(fleet.intake, officer, UUID.randomUUID().toString(), WARD, "COMPLAINT",
                "RECEPTION_DESK");
        Response other = submit(fleet.intake, otherOfficer, UUID.randomUUID().toString(), OTHER_WARD, "COMPLAINT",
                "RECEPTION_DESK");
        // the partner's key: POST /api/v1/submissions is called as the partner, so its replay is the partner's
        Response partner = submit(fleet.intake, tokens.partner(PARTNER), key, WARD, "PETITION", null);
        Response otherPartner = submit(fleet.intake, tokens.partner(OTHER_PARTNER), UUID.randomUUID().toString(),
                WARD, "PETITION", null);
        String open311Service = given().baseUri(fleet.intake.apiBaseUrl()).auth().oauth2(tokens.partner(PARTNER)).get("/open311/v2/services.json")
                .then().statusCode(200).extract().path("[0].service_code");

        String line = "{\"externalRef\":\"HOSTILE-SEED-1\",\"kind\":\"PETITION\",\"channel\":\"MAIL\",\"unitId\":\""
                + WARD + "\",\"receivedOn\":\"" + today() + "\"}\n";
        String job = given().baseUri(fleet.intake.apiBaseUrl()).auth().oauth2(officer)
                .config(io.restassured.RestAssured.config().encoderConfig(io.restassured.config.EncoderConfig
                        .encoderConfig().encodeContentTypeAs("application/x-ndjson", ContentType.TEXT)))
                .contentType("application/x-ndjson").body(line).post("/api/v1/imports")
                .then().statusCode(202).extract().path("id");

        String organiser = tokens.organiser(CITY);
        String otherOrganiser = tokens.organiser(OTHER_CITY);
        String forum = scheduleAndOpen(fleet.forum, organiser, CITY, WARD);
        String opinion = recordOpinion(fleet.forum, organiser, forum);
        String otherForum = scheduleAndOpen(fleet.forum, otherOrganiser, OTHER_CITY, OTHER_WARD);
        String otherOpinion = recordOpinion(fleet.forum, otherOrganiser, otherForum);

        String rebuild = given().baseUri(fleet.reporting.apiBaseUrl()).auth().oauth2(tokens.admin())
                .post("/api/v1/admin/projections/flow/rebuild").then().statusCode(202).extract().path("id");
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                !"RUNNING".equals(given().baseUri(fleet.reporting.apiBaseUrl()).auth().oauth2(tokens.admin())
                        .get("/api/v1/admin/projections/flow/rebuild/" + rebuild).path("state")));

        return new SeedData(own.path("id"), key, own.path("trackingCode"), other.path("id"),
                other.path("trackingCode"), partner.path("id"), partner.path("trackingCode"), otherPartner.path("id"),
                otherPartner.path("trackingCode"), job, open311Service, forum, opinion, otherForum, otherOpinion,
                rebuild);
    }

    private static Response submit(ServiceUnderTest intake, String token, String key, String unit, String kind,
            String channel) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        body.put("unitId", unit);
        if (channel != null) {
            body.put("channel", channel);
        }
        body.put("description", "Đề nghị kiểm tra việc lấn chiếm vỉa hè trước số 12");
        body.put("reporter", Map.of("fullName", "Nguyễn Thị Hạnh", "phone", "0912345678"));
        return at(intake, token).header("Idempotency-Key", key).body(body)
                .post("/api/v1/submissions").then().statusCode(201).extract().response();
    }

    private static String scheduleAndOpen(ServiceUnderTest forum, String organiser, String host, String venue) {
        String id = UUID.randomUUID().toString();
        at(forum, organiser).body(Map.of("id", id, "sessionKind", "FORUM", "hostUnitId", host,
                        "venueUnitId", venue, "venueName", "Hội trường UBND", "startsAt", today() + "T08:00:00",
                        "delegationHead", Map.of("unitId", host, "title", "Phó Giám đốc"),
                        "invitedGroups", List.of("RESIDENTIAL_GROUP")))
                .post("/api/v1/forums").then().statusCode(201);
        at(forum, organiser).header("If-Match", "\"1\"")
                .body(Map.of("attendanceByGroup", List.of(Map.of("group", "RESIDENTIAL_GROUP", "count", 40))))
                .post("/api/v1/forums/" + id + "/open").then().statusCode(200);
        return id;
    }

    private static String recordOpinion(ServiceUnderTest forum, String organiser, String forumId) {
        String opinionId = UUID.randomUUID().toString();
        at(forum, organiser).body(Map.of("opinionId", opinionId, "speakerGroup", "RESIDENTIAL_GROUP",
                        "topic", "ADMIN_PROCEDURES", "nature", "REQUEST",
                        "publicSummary", "Đề nghị rút ngắn thời gian cấp căn cước",
                        "speaker", Map.of("fullName", "Trần Văn Bình"), "text", "Tôi chờ hai tháng chưa có"))
                .post("/api/v1/forums/" + forumId + "/opinions").then().statusCode(201);
        return opinionId;
    }

    private static RequestSpecification at(ServiceUnderTest service, String token) {
        return given().baseUri(service.apiBaseUrl()).auth().oauth2(token).contentType(ContentType.JSON);
    }
}
