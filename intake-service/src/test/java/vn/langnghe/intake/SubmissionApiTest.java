package vn.langnghe.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import vn.langnghe.testsupport.prism.ContractCheck;
import vn.langnghe.testsupport.quarkus.PostgresKafkaResource;
import vn.langnghe.testsupport.quarkus.PrismContractResource;
import vn.langnghe.testsupport.tokens.Tokens;

/** Partner portals and officers through the REST API, with real signed tokens. */
@QuarkusTest
@QuarkusTestResource(PostgresKafkaResource.class)
@QuarkusTestResource(PrismContractResource.class)
class SubmissionApiTest {

    static final String WARD = "HP-LECHAN-ANDUONG";
    /** Since 1 March 2025 wards report straight to the province: the officer's unit as the tree stands today. */
    static final String DISTRICT = "HP";
    static final String OTHER_DISTRICT = "HN";

    static {
        io.restassured.RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Inject
    DataSource dataSource;

    static String partner() {
        return Tokens.shared().partner("cong-dvc-hp");
    }

    static Map<String, Object> complaint() {
        return Map.of("kind", "COMPLAINT", "unitId", WARD, "topic", "ADMIN_PROCEDURES",
                "description", "Tôi khiếu nại việc chậm cấp căn cước",
                "reporter", Map.of("fullName", "Nguyễn Văn A", "phone", "0912345678"));
    }

    static ValidatableResponse submit(String token, Object body, String key) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).post("/api/v1/submissions").then();
    }

    /** A body that breaks the published schema on purpose: the contract check forgives the request, not the answer. */
    static ValidatableResponse submitInvalid(String token, Object body, String key) {
        return given().filter(ContractCheck.invalidRequestOnPurpose()).auth().oauth2(token)
                .contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).post("/api/v1/submissions").then();
    }

    @Test
    void aPartnerSubmits_getsATrackingCodeAndDueDates_andAReplayReturnsTheSameSubmission() {
        String key = UUID.randomUUID().toString();
        String id = submit(partner(), complaint(), key)
                .statusCode(201)
                .header("ETag", "\"1\"")
                .header("Location", notNullValue())
                .body("trackingCode", matchesPattern("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}"))
                .body("status", equalTo("RECEIVED"))
                .body("identified", equalTo(true))
                .body("due.acceptance", notNullValue())
                .extract().path("id");

        submit(partner(), complaint(), key).statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(id));
        submit(partner(), Map.of("kind", "TIP", "unitId", WARD), key)
                .statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("Idempotency-Key"));
    }

    /** Found by the hostile-input properties: Quarkus answered a body over the limit with a bare 413. */
    @Test
    void aBodyOverTheLimit_isA413Problem() {
        byte[] body = ("{\"description\":\"" + "a".repeat(10 * 1024 * 1024) + "\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        given().auth().oauth2(partner()).contentType(ContentType.JSON).header("Idempotency-Key", "too-large")
                .body(body).post("/api/v1/submissions")
                .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413))
                .body("title", notNullValue());
    }

    /**
     * Found by the hostile-input properties: a limit that was no number was answered 404, JAX-RS's answer to an
     * Integer query parameter it cannot convert, as if the list did not exist.
     */
    @Test
    void aLimitThatIsNoNumber_isA400NamingIt() {
        given().filter(ContractCheck.invalidRequestOnPurpose()).auth().oauth2(partner()).queryParam("limit", "{}")
                .get("/api/v1/submissions").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("limit"));
        given().filter(ContractCheck.invalidRequestOnPurpose()).auth().oauth2(partner()).queryParam("limit", "1e309")
                .get("/api/v1/submissions/changes").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().filter(ContractCheck.invalidRequestOnPurpose()).auth().oauth2(Tokens.shared().officer(DISTRICT))
                .queryParam("limit", "NaN").get("/api/v1/inbox").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
    }

    /**
     * A portal that times out and retries at once: twins with one key may share a group commit or wait on each
     * other's key. One submission is stored; every twin gets it, all but one marked as a replay.
     */
    @Test
    void concurrentTwinsWithOneKey_storeOneSubmission_andEachGetsIt() throws Exception {
        String key = UUID.randomUUID().toString();
        String token = partner();
        int twins = 8;
        ExecutorService callers = Executors.newFixedThreadPool(twins);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ExtractableResponse<Response>>> answers = new ArrayList<>();
        for (int i = 0; i < twins; i++) {
            answers.add(callers.submit(() -> {
                start.await();
                return submit(token, complaint(), key).extract();
            }));
        }
        start.countDown();
        Set<String> ids = new HashSet<>();
        int originals = 0;
        for (var answer : answers) {
            var response = answer.get(60, TimeUnit.SECONDS);
            assertThat(response.statusCode()).as(response.body().asString()).isEqualTo(201);
            ids.add(response.path("id"));
            originals += response.header("Idempotent-Replayed") == null ? 1 : 0;
        }
        callers.shutdown();

        assertThat(ids).hasSize(1);
        assertThat(originals).isEqualTo(1);
    }

    /** Found by the hostile-input properties: the fingerprint left the (redacted) reporter out. */
    @Test
    void theSameKeyWithAnotherReporter_isRefused_notReplayed() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> first = new java.util.HashMap<>(complaint());
        first.put("reporter", Map.of("fullName", "Lê Văn Tám", "phone", "0912000001"));
        submit(partner(), first, key).statusCode(201);
        Map<String, Object> other = new java.util.HashMap<>(complaint());
        other.put("reporter", Map.of("fullName", "Lê Văn Tám", "phone", "0912000002"));
        submit(partner(), other, key).statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("Idempotency-Key"));
        submit(partner(), first, key).statusCode(201).header("Idempotent-Replayed", "true");
    }

    @Test
    void anOfficerAtTheReceptionDesk_mayUseAnIdempotencyKeyToo() {
        String officer = Tokens.shared().officer(DISTRICT);
        String key = UUID.randomUUID().toString();
        Map<String, Object> visit = Map.of("kind", "PETITION", "channel", "RECEPTION_DESK", "unitId", WARD);
        String id = submit(officer, visit, key).statusCode(201).body("channel", equalTo("RECEPTION_DESK"))
                .extract().path("id");
        submit(officer, visit, key).statusCode(201).body("id", equalTo(id));
    }

    @Test
    void aPartnerWithoutAnIdempotencyKey_isToldWhichHeaderIsMissing() {
        given().auth().oauth2(partner()).contentType(ContentType.JSON).body(complaint())
                .post("/api/v1/submissions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void badInput_namesTheField_andStoresNothing() throws Exception {
        long before = count("events");
        submitInvalid(partner(), Map.of("kind", "GOSSIP", "unitId", WARD), UUID.randomUUID().toString())
                .statusCode(400).body("errors[0].field", equalTo("kind"));
        submit(partner(), Map.of("kind", "TIP", "unitId", WARD, "colour", "red"), UUID.randomUUID().toString())
                .statusCode(400).body("errors[0].field", equalTo("colour"));
        submitInvalid(partner(), Map.of("kind", "TIP"), UUID.randomUUID().toString())
                .statusCode(400).body("errors.field", hasItem("unitId"));
        submit(partner(), Map.of("kind", "TIP", "unitId", "NOWHERE"), UUID.randomUUID().toString())
                .statusCode(422).body("errors[0].field", equalTo("unitId"));
        submit(partner(), Map.of("kind", "TIP", "unitId", WARD, "receivedOn", "2999-01-01"), UUID.randomUUID().toString())
                .statusCode(422).body("errors[0].field", equalTo("receivedOn"));
        submit(partner(), Map.of("kind", "TIP", "unitId", WARD, "description", "bad\u0000byte"),
                UUID.randomUUID().toString())
                .statusCode(400).body("errors[0].field", equalTo("description"));
        given().auth().oauth2(partner()).contentType(ContentType.JSON).header("Idempotency-Key", "k")
                .body("{\"kind\": \"TIP\", \"unitId\": ").post("/api/v1/submissions")
                .then().statusCode(400).contentType("application/problem+json");

        assertThat(count("events")).isEqualTo(before);
    }

    @Test
    void readers_seeOnlyWhatIsTheirs() {
        String id = submit(partner(), complaint(), UUID.randomUUID().toString()).statusCode(201).extract().path("id");
        String code = given().auth().oauth2(partner()).get("/api/v1/submissions/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").extract().path("trackingCode");

        given().auth().oauth2(Tokens.shared().partner("another-portal")).get("/api/v1/submissions/" + id)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.shared().officer(DISTRICT)).get("/api/v1/submissions/" + id)
                .then().statusCode(200);
        given().auth().oauth2(Tokens.shared().officer(OTHER_DISTRICT)).get("/api/v1/submissions/" + id)
                .then().statusCode(404);
        given().auth().oauth2(Tokens.shared().analyst("HP")).get("/api/v1/submissions/" + id)
                .then().statusCode(403);
        given().get("/api/v1/submissions/" + id).then().statusCode(401);
        given().auth().oauth2(partner()).get("/api/v1/submissions/by-tracking-code/" + code.toLowerCase())
                .then().statusCode(200).body("id", equalTo(id));
        given().auth().oauth2(Tokens.shared().partner("another-portal"))
                .get("/api/v1/submissions/by-tracking-code/" + code).then().statusCode(404);
    }

    @Test
    void anOfficerCarriesAComplaintThroughItsLifecycle_withIfMatch() {
        String id = submit(partner(), complaint(), UUID.randomUUID().toString()).statusCode(201).extract().path("id");
        String officer = Tokens.shared().officer(DISTRICT);
        Map<String, Object> classify = Map.of("kind", "COMPLAINT", "topic", "ADMIN_PROCEDURES",
                "tags", java.util.List.of("REPORT_HANDLING"), "unitId", WARD,
                "publicSummary", "Khiếu nại về thời gian cấp căn cước");

        action(officer, id, "classify", null, classify).statusCode(428).body("errors[0].field", equalTo("If-Match"));
        action(officer, id, "classify", "\"7\"", classify).statusCode(412);
        action(officer, id, "classify", "\"1\"", classify).statusCode(200).header("ETag", "\"2\"")
                .body("status", equalTo("CLASSIFIED"));
        action(officer, id, "accept", "\"2\"", Map.of("complex", false)).statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("due.resolution", notNullValue())
                .body("due.clock", equalTo("ON_TIME"));
        action(officer, id, "answer", "\"3\"", Map.of("answerSummary", "x")).statusCode(409);
        action(officer, id, "start-verification", "\"3\"", Map.of()).statusCode(200);
        action(officer, id, "conclude", "\"4\"", Map.of("conclusion", "FOUNDED", "findings", "Cán bộ B chậm trễ"))
                .statusCode(200);
        action(officer, id, "answer", "\"5\"", Map.of("answerSummary", "Đã cấp căn cước, xin lỗi công dân",
                "letter", "Kính gửi ông Nguyễn Văn A ...")).statusCode(200).body("status", equalTo("ANSWERED"))
                .body("closedOn", notNullValue());

        given().auth().oauth2(officer).get("/api/v1/submissions/" + id + "/history")
                .then().statusCode(200)
                .body("type", org.hamcrest.Matchers.contains("intake.SubmissionReceived.v1",
                        "intake.SubmissionClassified.v1", "intake.SubmissionAccepted.v1",
                        "intake.VerificationStarted.v1", "intake.SubmissionConcluded.v1",
                        "intake.SubmissionAnswered.v1"))
                .body("[1].recordedBy", equalTo("officer-" + DISTRICT));
        action(Tokens.shared().officer(OTHER_DISTRICT), id, "withdraw", "\"6\"", Map.of()).statusCode(404);
    }

    @Test
    void theInbox_listsTheSubtreesOpenSubmissions_mostUrgentFirst() {
        submit(partner(), complaint(), UUID.randomUUID().toString()).statusCode(201);
        submit(partner(), Map.of("kind", "TIP", "unitId", WARD), UUID.randomUUID().toString()).statusCode(201);

        java.util.List<String> dues = given().auth().oauth2(Tokens.shared().officer(DISTRICT)).get("/api/v1/inbox")
                .then().statusCode(200).extract().jsonPath().getList("due.next");
        java.util.List<String> present = dues.stream().filter(java.util.Objects::nonNull).toList();
        assertThat(present).isSorted();
        assertThat(dues.indexOf(null)).as("undated (tips) last").isIn(-1, present.size());
        given().auth().oauth2(Tokens.shared().officer(OTHER_DISTRICT)).get("/api/v1/inbox")
                .then().statusCode(200).body("unitId", org.hamcrest.Matchers.not(hasItem(WARD)));
    }

    @Test
    void aPartnersListAndChangesFeed_pageThroughItsOwnSubmissionsOnly() {
        String portal = Tokens.shared().partner("feed-portal");
        for (int i = 0; i < 3; i++) {
            submit(portal, Map.of("kind", "PETITION", "unitId", WARD), UUID.randomUUID().toString()).statusCode(201);
        }
        var first = given().auth().oauth2(portal).queryParam("limit", 2).get("/api/v1/submissions")
                .then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("items")).hasSize(2);
        var second = given().auth().oauth2(portal).queryParam("limit", 2).queryParam("after", first.getString("next"))
                .get("/api/v1/submissions").then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("items")).hasSize(1);
        assertThat(second.getString("next")).isNull();

        var changes = given().auth().oauth2(portal).get("/api/v1/submissions/changes")
                .then().statusCode(200).extract().jsonPath();
        assertThat(changes.getList("items")).hasSize(3);
        given().auth().oauth2(portal).queryParam("after", changes.getString("next"))
                .get("/api/v1/submissions/changes").then().statusCode(200).body("items.size()", equalTo(0));
        given().auth().oauth2(portal).queryParam("after", "yesterday").get("/api/v1/submissions/changes")
                .then().statusCode(400).body("errors[0].field", equalTo("after"));
    }

    @Test
    void trackingCodeLookups_areRateLimitedPerClient() {
        String portal = Tokens.shared().partner("rate-limited-portal");
        int answered = 0;
        int status = 0;
        while (answered < 130 && (status = given().auth().oauth2(portal)
                .get("/api/v1/submissions/by-tracking-code/ZZZZ-ZZZZ-ZZZZ").statusCode()) == 404) {
            answered++;
        }
        assertThat(status).isEqualTo(429);
        assertThat(answered).isLessThanOrEqualTo(120); // at most two one-minute windows of 60
        given().auth().oauth2(portal).get("/api/v1/submissions/by-tracking-code/ZZZZ-ZZZZ-ZZZZ")
                .then().statusCode(429).header("Retry-After", notNullValue());
        given().auth().oauth2(Tokens.shared().partner("another-portal"))
                .get("/api/v1/submissions/by-tracking-code/ZZZZ-ZZZZ-ZZZZ").then().statusCode(404);
    }

    @Test
    void text_isStoredInNormalisedUnicode() throws Exception {
        String decomposed = "Xa\u0303 Thanh Lie\u0302\u0323t"; // "Xã Thanh Liệt" typed with combining marks
        String id = submit(partner(), Map.of("kind", "PETITION", "unitId", WARD, "description", decomposed),
                UUID.randomUUID().toString()).statusCode(201).extract().path("id");
        String stored = given().auth().oauth2(Tokens.shared().officer(DISTRICT)).queryParam("purpose", "kiểm tra")
                .get("/api/v1/submissions/" + id + "/texts").then().statusCode(200)
                .extract().path("texts.DESCRIPTION");
        assertThat(stored).isEqualTo("Xã Thanh Liệt")
                .isEqualTo(java.text.Normalizer.normalize(decomposed, java.text.Normalizer.Form.NFC));
    }

    static ValidatableResponse action(String token, String id, String action, String ifMatch, Object body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.post("/api/v1/submissions/" + id + "/" + action).then();
    }

    private long count(String table) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
