package vn.langnghe.forum;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static vn.langnghe.forum.Forums.CITY;
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
import static vn.langnghe.forum.Forums.recordInvalid;
import static vn.langnghe.forum.Forums.schedule;
import static vn.langnghe.forum.Forums.scheduleBody;
import static vn.langnghe.forum.Forums.today;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import vn.langnghe.testsupport.prism.ContractCheck;
import vn.langnghe.testsupport.quarkus.PostgresKafkaResource;
import vn.langnghe.testsupport.quarkus.PrismContractResource;
import vn.langnghe.testsupport.tokens.Tokens;

/** Organisers and officers through the REST API, with real signed tokens. */
@QuarkusTest
@QuarkusTestResource(PostgresKafkaResource.class)
@QuarkusTestResource(PrismContractResource.class)
class ForumApiTest {

    @Inject
    DataSource dataSource;

    @TestHTTPResource("/")
    URI base;

    @Test
    void aForum_fromScheduleToPublishedMinutes_withIfMatchOnItsOwnChain() {
        UUID forum = UUID.randomUUID();
        String organiser = organiser();
        schedule(organiser, scheduleBody(forum, today())).statusCode(201).header("ETag", "\"1\"")
                .header("Location", notNullValue()).body("status", equalTo("SCHEDULED"));
        // a retry of the same schedule: the same forum, nothing new
        schedule(organiser, scheduleBody(forum, today())).statusCode(201).header("Idempotent-Replayed", "true")
                .header("ETag", "\"1\"");
        Map<String, Object> open = Map.of("attendanceByGroup", List.of(Map.of("group", "RESIDENTIAL_GROUP", "count", 40),
                Map.of("group", "CITIZEN_REPRESENTATIVE", "count", 25)));
        post(organiser, forum, "open", null, open).statusCode(428).body("errors[0].field", equalTo("If-Match"));
        post(organiser, forum, "open", "\"7\"", open).statusCode(412).header("ETag", "\"1\"");
        post(organiser, forum, "open", "\"1\"", open).statusCode(200).header("ETag", "\"2\"")
                .body("status", equalTo("OPEN")).body("attendance.total", equalTo(65));

        UUID praise = UUID.randomUUID();
        UUID school = UUID.randomUUID();
        UUID denunciation = UUID.randomUUID();
        Map<String, Object> praiseBody = opinionBody(praise, "Biểu dương Công an phường giải quyết nhanh thủ tục");
        praiseBody.put("nature", "PRAISE");
        praiseBody.put("topic", "ADMIN_PROCEDURES");
        praiseBody.put("tags", List.of());
        record(organiser, forum, praiseBody).statusCode(201).body("status", equalTo("RECORDED"));
        record(organiser, forum, opinionBody(school, "Đề nghị phân luồng cổng trường giờ tan học")).statusCode(201);
        Map<String, Object> accusing = opinionBody(denunciation, "Phản ánh về hành vi của một cán bộ");
        accusing.put("topic", "REPORT_HANDLING");
        accusing.put("tags", List.of());
        accusing.put("nature", "CRITICISM");
        accusing.put("speaker", Map.of("fullName", "Trần Thị B", "phone", "0912345678"));
        accusing.put("text", "Tôi tố cáo cán bộ X nhận tiền của chủ quán");
        record(organiser, forum, accusing).statusCode(201).body("speakerIdentified", equalTo(true))
                .body("$", not(org.hamcrest.Matchers.hasKey("speakerRef")));

        onOpinion(organiser, forum, praise, "answer", answerBody("Cảm ơn bà con")).statusCode(200)
                .body("status", equalTo("ANSWERED_ON_THE_SPOT"));
        onOpinion(organiser, forum, praise, "answer", answerBody("Cảm ơn bà con")).statusCode(200); // a retry
        onOpinion(organiser, forum, praise, "answer", answerBody("Một câu trả lời khác")).statusCode(409)
                .contentType("application/problem+json").body("type", org.hamcrest.Matchers.endsWith("already_answered"));
        onOpinion(organiser, forum, school, "follow-up", Map.of("ownerUnitId", WARD,
                "dueOn", today().plusDays(30).toString())).statusCode(200).body("status", equalTo("FOLLOW_UP_OPEN"))
                .body("overdue", equalTo(false));
        onOpinion(organiser, forum, school, "answer", answerBody("x")).statusCode(409);
        onOpinion(organiser, forum, denunciation, "escalate", Map.of("kindRequested", "DENUNCIATION",
                "publicSummary", "Tố cáo hành vi nhận tiền của cán bộ")).statusCode(200)
                .body("status", equalTo("ESCALATED"));
        // an optional If-Match makes an opinion command conditional too
        onOpinion(organiser, forum, school, "escalate", Map.of("kindRequested", "COMPLAINT")).statusCode(200);
        given().auth().oauth2(organiser).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(answerBody("y")).post(F + "/" + forum + "/opinions/" + UUID.randomUUID() + "/answer")
                .then().statusCode(412);

        long version = Long.parseLong(given().auth().oauth2(organiser).get(F + "/" + forum).then().statusCode(200)
                .body("opinions.id", contains(praise.toString(), school.toString(), denunciation.toString()))
                .extract().header("ETag").replace("\"", ""));
        post(organiser, forum, "publish-minutes", "\"" + version + "\"", Map.of()).statusCode(409);
        post(organiser, forum, "close", "\"" + version + "\"", Map.of("minutesSummary",
                "65 đại biểu dự, 3 ý kiến; 1 trả lời tại chỗ, 2 chuyển cơ quan có thẩm quyền")).statusCode(200)
                .body("status", equalTo("CLOSED"));
        record(organiser, forum, opinionBody(UUID.randomUUID(), "Ý kiến sau bế mạc")).statusCode(409)
                .body("type", org.hamcrest.Matchers.endsWith("forum_closed"));
        given().get(F + "/" + forum + "/minutes").then().statusCode(404);
        post(organiser, forum, "publish-minutes", "\"" + (version + 1) + "\"", Map.of()).statusCode(200)
                .body("minutesPublishedOn", equalTo(today().toString()));

        String minutes = given().get(F + "/" + forum + "/minutes").then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("opinions.publicSummary", contains("Biểu dương Công an phường giải quyết nhanh thủ tục",
                        "Đề nghị phân luồng cổng trường giờ tan học"))
                .body("opinions[0].answer.summary", equalTo("Cảm ơn bà con"))
                .body("delegationHead.title", equalTo("Phó Giám đốc Công an thành phố"))
                .extract().asString();
        assertThat(minutes).doesNotContain("idv-", "speakerRef", "Trần Thị B", "Tố cáo", "cán bộ X",
                "Phản ánh về hành vi");
    }

    @Test
    void recordingAnOpinion_isIdempotentOnItsId_andAnotherContentUnderTheSameIdIsRefused() throws Exception {
        UUID forum = openForum();
        UUID opinion = UUID.randomUUID();
        Map<String, Object> body = opinionBody(opinion, "Đề nghị tăng cường tuần tra ban đêm");
        body.put("speaker", Map.of("fullName", "Nguyễn Văn A"));
        body.put("text", "Khu tôi hay mất trộm xe máy ban đêm");
        record(organiser(), forum, body).statusCode(201).header("ETag", "\"3\"").body("id", equalTo(opinion.toString()));
        // the connection dropped before the answer: the client sends it again
        record(organiser(), forum, body).statusCode(201).header("Idempotent-Replayed", "true")
                .header("ETag", "\"3\"").body("id", equalTo(opinion.toString()));
        Map<String, Object> other = new HashMap<>(body);
        other.put("speaker", Map.of("fullName", "Nguyễn Văn C"));
        record(organiser(), forum, other).statusCode(409).body("type", org.hamcrest.Matchers.endsWith("opinion_id_conflict"));
        other.put("speaker", Map.of("fullName", "Nguyễn Văn A"));
        other.put("publicSummary", "Một ý kiến khác");
        record(organiser(), forum, other).statusCode(409);
        // opinion ids are unique across forums
        record(organiser(), openForum(), body).statusCode(409);
        assertThat(count("SELECT count(*) FROM events WHERE event_type = 'forum.OpinionRecorded.v1'"
                + " AND data->>'opinionId' = '" + opinion + "'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM personal_identities WHERE record_id = '" + opinion + "'")).isEqualTo(1);
    }

    @Test
    void theSpeakersOwnWords_areStoredEncryptedInNfc_andReadBackByTheOrganiser() throws Exception {
        UUID forum = openForum();
        UUID opinion = UUID.randomUUID();
        String decomposed = "Xa\u0303 Thanh Lie\u0302\u0323t co\u0301 nhie\u0302\u0300u xe qua\u0301 ta\u0309i";
        Map<String, Object> body = opinionBody(opinion, "Xe quá tải đi qua khu dân cư");
        body.put("text", decomposed);
        record(organiser(), forum, body).statusCode(201);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT ciphertext FROM case_texts_encrypted WHERE case_id = '"
                        + opinion + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(new String(rs.getBytes(1), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("Thanh");
        }
        given().auth().oauth2(organiser()).get(F + "/" + forum + "/opinions/" + opinion + "/text")
                .then().statusCode(200)
                .body("text", equalTo(java.text.Normalizer.normalize(decomposed, java.text.Normalizer.Form.NFC)));
        given().auth().oauth2(Tokens.shared().organiser(Forums.OTHER_CITY))
                .get(F + "/" + forum + "/opinions/" + opinion + "/text").then().statusCode(404);
    }

    @Test
    void badInput_namesTheField_andStoresNothing() throws Exception {
        UUID forum = openForum();
        long before = count("SELECT count(*) FROM events");
        Map<String, Object> wrongNature = opinionBody(UUID.randomUUID(), "x");
        wrongNature.put("nature", "GOSSIP");
        recordInvalid(organiser(), forum, wrongNature).statusCode(400).body("errors[0].field", equalTo("nature"));
        Map<String, Object> extra = opinionBody(UUID.randomUUID(), "x");
        extra.put("colour", "red");
        record(organiser(), forum, extra).statusCode(400).body("errors[0].field", equalTo("colour"));
        Map<String, Object> missing = opinionBody(UUID.randomUUID(), "x");
        missing.remove("publicSummary");
        recordInvalid(organiser(), forum, missing).statusCode(400).body("errors.field", hasItem("publicSummary"));
        Map<String, Object> topic = opinionBody(UUID.randomUUID(), "x");
        topic.put("topic", "WEATHER");
        record(organiser(), forum, topic).statusCode(422).body("errors[0].field", equalTo("topic"));
        Map<String, Object> tooLong = opinionBody(UUID.randomUUID(), "x".repeat(1001));
        recordInvalid(organiser(), forum, tooLong).statusCode(400).body("errors[0].field", equalTo("publicSummary"));
        Map<String, Object> control = opinionBody(UUID.randomUUID(), "x");
        control.put("text", "bad\u0000byte");
        control.put("speaker", Map.of("fullName", "Lê Văn D"));
        record(organiser(), forum, control).statusCode(400).body("errors[0].field", equalTo("text"));
        Map<String, Object> future = opinionBody(UUID.randomUUID(), "x");
        future.put("effectiveOn", today().plusDays(3).toString());
        future.put("speaker", Map.of("fullName", "Lê Văn D"));
        record(organiser(), forum, future).statusCode(422).body("errors[0].field", equalTo("effectiveOn"));
        given().auth().oauth2(organiser()).contentType(ContentType.JSON).body("{\"opinionId\": ")
                .post(F + "/" + forum + "/opinions").then().statusCode(400).contentType("application/problem+json");
        given().filter(ContractCheck.invalidRequestOnPurpose()).auth().oauth2(organiser()).get(F + "/not-a-uuid")
                .then().statusCode(404);
        Map<String, Object> foreign = scheduleBody(UUID.randomUUID(), today());
        foreign.put("hostUnitId", "HN");
        foreign.put("venueUnitId", "HN-THANHTRI-THANHLIET");
        schedule(organiser(), foreign).statusCode(400).body("errors[0].field", equalTo("hostUnitId"));
        Map<String, Object> notCommunal = scheduleBody(UUID.randomUUID(), today());
        notCommunal.put("venueUnitId", CITY);
        schedule(organiser(), notCommunal).statusCode(422).body("errors[0].field", equalTo("venueUnitId"));

        assertThat(count("SELECT count(*) FROM events")).isEqualTo(before);
        assertThat(count("SELECT count(*) FROM personal_identities WHERE record_id NOT IN"
                + " (SELECT opinion_id::text FROM opinions)")).isZero();
    }

    @Test
    void aForumMinutedOnPaper_isKeyedInWithItsRealDates_andItsLateFollowUpShowsOverdue() throws Exception {
        LocalDate day = today().minusDays(40);
        UUID forum = UUID.randomUUID();
        Map<String, Object> body = scheduleBody(forum, day);
        body.put("effectiveOn", day.minusDays(10).toString());
        body.put("sessionKind", "RESIDENT_MEETING");
        schedule(organiser(), body).statusCode(201);
        post(organiser(), forum, "open", "\"1\"", Map.of("totalAttendance", 80, "effectiveOn", day.toString()))
                .statusCode(200).body("openedOn", equalTo(day.toString()));
        UUID opinion = UUID.randomUUID();
        Map<String, Object> late = opinionBody(opinion, "Đề nghị xử lý tụ tập đua xe");
        late.put("effectiveOn", day.toString());
        record(organiser(), forum, late).statusCode(201).body("recordedOn", equalTo(day.toString()));
        onOpinion(organiser(), forum, opinion, "follow-up", Map.of("ownerUnitId", WARD, "dueOn",
                day.plusDays(15).toString(), "effectiveOn", day.toString())).statusCode(200)
                .body("overdue", equalTo(true));

        given().auth().oauth2(officer()).get("/api/v1/follow-ups").then().statusCode(200)
                .body("find { it.opinionId == '" + opinion + "' }.overdue", equalTo(true));
        List<String> dues = given().auth().oauth2(officer()).get("/api/v1/follow-ups").then().extract()
                .jsonPath().getList("dueOn");
        assertThat(dues).isSorted();
        given().auth().oauth2(Tokens.shared().officer(Forums.OTHER_CITY)).get("/api/v1/follow-ups").then()
                .statusCode(200).body("opinionId", not(hasItem(opinion.toString())));
        onOpinion(Tokens.shared().officer(Forums.OTHER_CITY), forum, opinion, "follow-up-answer",
                Map.of("answerSummary", "Đã tăng cường tuần tra")).statusCode(404);
        onOpinion(officer(), forum, opinion, "follow-up-answer", Map.of("answerSummary", "Đã tăng cường tuần tra",
                "commitmentSummary", "Tuần tra đêm thứ bảy hằng tuần")).statusCode(200)
                .body("status", equalTo("FOLLOW_UP_ANSWERED"));
        onOpinion(officer(), forum, opinion, "commitment-fulfilled", Map.of("fulfilmentSummary",
                "Đã tuần tra 4 tuần liền")).statusCode(200).body("status", equalTo("COMMITMENT_FULFILLED"));

        // each event records when it took effect (the paper's date) and when it was keyed in (now)
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT event_type, effective_at, recorded_at FROM events WHERE stream_id = ? ORDER BY version")) {
            s.setString(1, "forum-" + forum);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertThat(rs.getTimestamp(2).toInstant()).isEqualTo(day.minusDays(10).atStartOfDay(Forums.VIETNAM)
                        .toInstant());
                assertThat(rs.getTimestamp(3).toInstant()).isAfter(java.time.Instant.now().minusSeconds(120));
                rs.next();
                assertThat(rs.getTimestamp(2).toInstant()).isEqualTo(day.atStartOfDay(Forums.VIETNAM).toInstant());
            }
        }
    }

    @Test
    void organisersList_theirSubtreesForums_byDayAndPage() {
        UUID first = openForum();
        UUID second = openForum();
        var page = given().auth().oauth2(organiser()).queryParam("from", today().toString())
                .queryParam("to", today().toString()).queryParam("limit", 200).get(F)
                .then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("items.id", String.class)).contains(first.toString(), second.toString());
        var one = given().auth().oauth2(organiser()).queryParam("limit", 1).get(F).then().statusCode(200)
                .extract().jsonPath();
        assertThat(one.getList("items")).hasSize(1);
        given().auth().oauth2(organiser()).queryParam("limit", 1).queryParam("after", one.getString("next")).get(F)
                .then().statusCode(200).body("items.size()", equalTo(1));
        given().auth().oauth2(Tokens.shared().organiser(Forums.OTHER_CITY)).queryParam("limit", 200).get(F)
                .then().statusCode(200).body("items.id", not(hasItem(first.toString())));
        given().auth().oauth2(organiser()).queryParam("unit", "HN").get(F).then().statusCode(400)
                .body("errors[0].field", equalTo("unit"));
        given().auth().oauth2(organiser()).queryParam("from", "yesterday").get(F).then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        given().auth().oauth2(organiser()).get(F + "/" + first).then().statusCode(200).header("ETag", "\"2\"");
        given().auth().oauth2(Tokens.shared().organiser(WARD)).get(F + "/" + first).then().statusCode(200);
        given().auth().oauth2(Tokens.shared().organiser(Forums.OTHER_CITY)).get(F + "/" + first).then()
                .statusCode(404);
    }

    /**
     * Found by the hostile-input properties: a list's limit that was no number was answered 404 (JAX-RS's answer to
     * an Integer query parameter it cannot convert), a number too long for its field and broken JSON got a bare 400
     * that named nothing, a path with an empty id was routed to another resource, and the 409 for a forum id
     * reused with other content was not in the published document.
     */
    @Test
    void hostileInput_isRefusedAsAProblemNamingTheField() throws Exception {
        given().filter(ContractCheck.invalidRequestOnPurpose()).auth().oauth2(organiser()).queryParam("limit", "NaN")
                .get(F).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("limit"));
        given().filter(ContractCheck.invalidRequestOnPurpose()).auth().oauth2(officer()).queryParam("limit", "1e309")
                .get("/api/v1/follow-ups").then().statusCode(400).body("errors[0].field", equalTo("limit"));

        UUID forum = UUID.randomUUID();
        schedule(organiser(), scheduleBody(forum, today())).statusCode(201);
        Map<String, Object> tooLong = Map.of("attendanceByGroup",
                List.of(Map.of("group", "RESIDENTIAL_GROUP", "count", "ệ".repeat(100_000))));
        given().filter(ContractCheck.invalidRequestOnPurpose()).auth().oauth2(organiser()).header("If-Match", "\"1\"")
                .contentType(ContentType.JSON).body(tooLong).post(F + "/" + forum + "/open")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("attendanceByGroup[0].count"));
        given().auth().oauth2(organiser()).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body("{\"attendanceByGroup\": ").post(F + "/" + forum + "/open")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://langnghe.vn/problems/invalid-json"));
        // straight to the service: Prism would forward the path with the empty segment taken out
        HttpResponse<String> emptyId = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(base + "api/v1/forums//open")).header("Authorization", "Bearer " + organiser())
                .header("If-Match", "\"1\"").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"attendanceByGroup\": []}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(emptyId.statusCode()).isEqualTo(404);
        assertThat(emptyId.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        Map<String, Object> other = scheduleBody(forum, today());
        other.put("venueName", "Nhà văn hóa tổ dân phố 5");
        schedule(organiser(), other).statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(organiser()).get(F + "/" + forum).then().statusCode(200).header("ETag", "\"1\"");
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
