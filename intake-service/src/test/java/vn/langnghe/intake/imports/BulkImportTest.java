package vn.langnghe.intake.imports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import vn.langnghe.testsupport.prism.ContractCheck;
import vn.langnghe.testsupport.quarkus.PostgresKafkaResource;
import vn.langnghe.testsupport.quarkus.PrismContractResource;
import vn.langnghe.testsupport.tokens.Tokens;

/** Bulk import of a paper register: all or nothing per file, a per-line report, re-runs without duplicates. */
@QuarkusTest
@QuarkusTestResource(PostgresKafkaResource.class)
@QuarkusTestResource(PrismContractResource.class)
class BulkImportTest {

    static final String WARD = "HP-LECHAN-ANDUONG";
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final LocalDate TODAY = LocalDate.now(VIETNAM);
    /** The register's first date: far enough back for every step, inside the calendar the clocks know. */
    static final LocalDate D0 = TODAY.minusDays(40);
    static final List<String> TABLES = List.of("events", "submissions", "import_records", "personal_identities",
            "case_texts_encrypted");
    static final ObjectMapper JSON = new ObjectMapper();

    static {
        io.restassured.RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Inject
    DataSource dataSource;

    final String officer = Tokens.shared().officer("HP");
    final String run = UUID.randomUUID().toString().substring(0, 8);

    // ------------------------------------------------------------------ lines

    Map<String, Object> base(String ref, String kind, String channel) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("externalRef", "SO-" + run + "-" + ref);
        line.put("kind", kind);
        line.put("channel", channel);
        line.put("unitId", WARD);
        line.put("receivedOn", D0.toString());
        return line;
    }

    static Map<String, Object> classified(int day, String kind, String topic) {
        return Map.of("on", D0.plusDays(day).toString(), "kind", kind, "topic", topic, "tags", List.of(),
                "publicSummary", "Tóm tắt không có tên người");
    }

    static String day(int day) {
        return D0.plusDays(day).toString();
    }

    /** An accepted petition: the case the test also enters live, step by step, to compare the clocks. */
    Map<String, Object> acceptedPetition() {
        Map<String, Object> l = base("1", "PETITION", "MAIL");
        l.put("topic", "SIDEWALK_ORDER");
        l.put("description", "Lấn chiếm vỉa hè phố Tô Hiệu");
        l.put("classified", classified(1, "PETITION", "SIDEWALK_ORDER"));
        l.put("accepted", Map.of("on", day(2), "complex", false));
        return l;
    }

    Map<String, Object> answeredComplaint() {
        Map<String, Object> l = base("2", "COMPLAINT", "RECEPTION_DESK");
        l.put("reporter", Map.of("fullName", "Lê Thị Nhập Khẩu", "phone", "0900 111 222"));
        l.put("classified", classified(1, "COMPLAINT", "ADMIN_PROCEDURES"));
        l.put("accepted", Map.of("on", day(3)));
        l.put("verificationStartedOn", day(4));
        l.put("concluded", Map.of("on", day(10), "conclusion", "PARTLY_FOUNDED", "findings", "Có chậm trễ"));
        l.put("answered", Map.of("on", day(12), "answerSummary", "Đã giải quyết", "letter", "Kính gửi bà ..."));
        return l;
    }

    Map<String, Object> valuableTip() {
        Map<String, Object> l = base("3", "TIP", "HOTLINE");
        l.put("classified", classified(0, "TIP", "DRUGS"));
        l.put("verificationStartedOn", day(1));
        l.put("ratedValuableOn", day(5));
        return l;
    }

    Map<String, Object> extendedDenunciation() {
        Map<String, Object> l = base("4", "DENUNCIATION", "MAIL");
        l.put("reporter", Map.of("phone", "0987 654 000"));
        l.put("classified", classified(1, "DENUNCIATION", "REPORT_HANDLING"));
        l.put("accepted", Map.of("on", day(3), "complex", true));
        l.put("extensions", List.of(Map.of("on", day(20), "reasonCode", "COMPLEX", "reason", "Vụ việc phức tạp")));
        return l;
    }

    Map<String, Object> exits(String ref) {
        Map<String, Object> l = base(ref, "PETITION", "SUGGESTION_BOX");
        switch (ref) {
            case "5" -> l.put("withdrawnOn", day(3));
            case "6" -> l.put("transferred", Map.of("on", day(2), "toAgency", "UBND phường", "reason", "không thuộc"));
            default -> l.put("notAccepted", Map.of("on", day(2), "legalReason", "ALREADY_RESOLVED"));
        }
        return l;
    }

    static String file(List<Map<String, Object>> lines) {
        StringBuilder out = new StringBuilder();
        for (Map<String, Object> line : lines) {
            try {
                out.append(JSON.writeValueAsString(line)).append('\n');
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return out.toString();
    }

    // ------------------------------------------------------------------ tests

    @Test
    void aValidFile_importsEveryCase_withTheLiveClocksAndEvents() throws Exception {
        Instant started = Instant.now().minusSeconds(1);
        JsonPath job = importAndWait(file(List.of(acceptedPetition(), answeredComplaint(), valuableTip(),
                extendedDenunciation(), exits("5"), exits("6"), exits("7"))));
        assertThat(job.getString("state")).as(job.prettify()).isEqualTo("SUCCEEDED");
        assertThat(job.getInt("linesTotal")).isEqualTo(7);
        assertThat(job.getInt("linesImported")).isEqualTo(7);
        assertThat(job.getInt("eventsWritten")).isEqualTo(3 + 6 + 4 + 4 + 2 + 2 + 2);
        assertThat(job.getDouble("eventsPerSecond")).isPositive();

        Map<String, String> expected = Map.of("1", "ACCEPTED", "2", "ANSWERED", "3", "IN_VERIFICATION", "4", "ACCEPTED",
                "5", "WITHDRAWN", "6", "TRANSFERRED", "7", "NOT_ACCEPTED");
        expected.forEach((ref, status) -> given().auth().oauth2(officer).get("/api/v1/submissions/" + imported(ref))
                .then().statusCode(200).body("status", equalTo(status)));

        // the same petition entered live, step by step with the same paper dates: the same clocks
        String live = liveSubmission("PETITION", "MAIL", List.of(
                step("classify", Map.of("kind", "PETITION", "topic", "SIDEWALK_ORDER", "tags", List.of(),
                        "unitId", WARD, "publicSummary", "Tóm tắt không có tên người", "effectiveOn", day(1))),
                step("accept", Map.of("complex", false, "effectiveOn", day(2)))));
        Map<String, Object> importedView = view(imported("1"));
        Map<String, Object> liveView = view(live);
        assertThat(importedView.get("due")).isEqualTo(liveView.get("due"));
        assertThat(((Map<?, ?>) importedView.get("due")).get("resolution")).isNotNull();
        assertThat(importedView.get("acceptedOn")).isEqualTo(day(2));

        String liveDenunciation = liveSubmission("DENUNCIATION", "MAIL", List.of(
                step("classify", Map.of("kind", "DENUNCIATION", "topic", "REPORT_HANDLING", "tags", List.of(),
                        "unitId", WARD, "publicSummary", "Tóm tắt không có tên người", "effectiveOn", day(1))),
                step("accept", Map.of("complex", true, "effectiveOn", day(3))),
                step("extend-deadline", Map.of("reasonCode", "COMPLEX", "reason", "Vụ việc phức tạp",
                        "effectiveOn", day(20)))), Map.of("phone", "0987 654 001"));
        assertThat(view(imported("4")).get("due")).isEqualTo(view(liveDenunciation).get("due"));
        assertThat(history(imported("4")).getList("type")).isEqualTo(history(liveDenunciation).getList("type"));

        // the events take effect on the paper dates and are recorded now, by the importing officer
        JsonPath history = history(imported("2"));
        assertThat(history.getList("type")).containsExactly("intake.SubmissionReceived.v1",
                "intake.SubmissionClassified.v1", "intake.SubmissionAccepted.v1", "intake.VerificationStarted.v1",
                "intake.SubmissionConcluded.v1", "intake.SubmissionAnswered.v1");
        assertThat(Instant.parse(history.getString("[0].effectiveAt")))
                .isEqualTo(D0.atStartOfDay(VIETNAM).toInstant());
        assertThat(Instant.parse(history.getString("[5].effectiveAt")))
                .isEqualTo(D0.plusDays(12).atStartOfDay(VIETNAM).toInstant());
        assertThat(Instant.parse(history.getString("[5].recordedAt"))).isAfter(started);
        assertThat(history.getString("[0].recordedBy")).isEqualTo("officer-HP");
        // personal data as for live cases: the vault and the encrypted texts
        given().auth().oauth2(officer).queryParam("purpose", "import test").get("/api/v1/submissions/"
                + imported("2") + "/reporter").then().statusCode(200).body("fullName", equalTo("Lê Thị Nhập Khẩu"));
        given().auth().oauth2(officer).queryParam("purpose", "import test").get("/api/v1/submissions/"
                + imported("2") + "/texts").then().statusCode(200).body("texts.FINDINGS", equalTo("Có chậm trễ"))
                .body("texts.ANSWER_LETTER", equalTo("Kính gửi bà ..."));
    }

    @Test
    void aFileWithOneBadLine_isReportedByLineAndField_andNothingIsWritten() throws Exception {
        Map<String, Object> bad = acceptedPetition();
        bad.put("accepted", Map.of("on", D0.toString())); // before the classification on day 1
        Map<String, Long> before = counts();
        JsonPath job = importAndWait(file(List.of(answeredComplaint(), bad, valuableTip())));
        assertThat(job.getString("state")).isEqualTo("FAILED");
        assertThat(job.getInt("linesValidated")).isEqualTo(3);
        assertThat(job.getInt("linesInvalid")).isEqualTo(1);
        assertThat(job.getInt("linesImported")).isZero();
        assertThat(job.getList("report")).hasSize(1);
        assertThat(job.getInt("report[0].line")).isEqualTo(2);
        assertThat(job.getString("report[0].field")).isEqualTo("accepted.on");
        assertThat(job.getString("report[0].outcome")).isEqualTo("INVALID");
        assertThat(job.getString("report[0].message")).contains("before the previous step");
        assertThat(counts()).as("nothing stored").isEqualTo(before);

        // every kind of fault names its line and field, and never echoes a value
        Map<String, Object> unknownField = valuableTip();
        unknownField.put("colour", "đỏ");
        Map<String, Object> future = exits("5");
        future.put("receivedOn", TODAY.plusDays(3).toString());
        future.put("withdrawnOn", TODAY.plusDays(4).toString());
        Map<String, Object> foreign = exits("6");
        foreign.put("unitId", "HN-THANHTRI-THANHLIET");
        Map<String, Object> acceptedTip = valuableTip();
        acceptedTip.put("externalRef", "SO-" + run + "-tip-accepted");
        acceptedTip.remove("verificationStartedOn");
        acceptedTip.remove("ratedValuableOn");
        acceptedTip.put("accepted", Map.of("on", day(2)));
        Map<String, Object> badDate = exits("7");
        badDate.put("receivedOn", "31/12/2025");
        String text = file(List.of(unknownField, future, foreign, acceptedTip, badDate)) + "\n{\"externalRef\": \n"
                + file(List.of(answeredComplaint(), answeredComplaint()));
        job = importAndWait(text);
        assertThat(job.getString("state")).isEqualTo("FAILED");
        List<String> where = new ArrayList<>();
        for (int i = 0; i < job.getList("report").size(); i++) {
            where.add(job.getInt("report[" + i + "].line") + " " + job.getString("report[" + i + "].field"));
        }
        assertThat(where).containsExactly("1 colour", "2 receivedOn", "3 unitId", "4 accepted", "5 receivedOn",
                "7 ", "9 externalRef");
        assertThat(job.prettify()).doesNotContain("đỏ", "31/12/2025");
        assertThat(counts()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void reRunningAFile_neverDuplicates_andImportsOnlyWhatIsNew() throws Exception {
        List<Map<String, Object>> lines = List.of(acceptedPetition(), valuableTip(), exits("5"));
        JsonPath first = importAndWait(file(lines));
        assertThat(first.getString("state")).isEqualTo("SUCCEEDED");
        Map<String, Long> after = counts();

        JsonPath again = importAndWait(file(lines));
        assertThat(again.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(again.getInt("linesImported")).isZero();
        assertThat(again.getInt("linesSkipped")).isEqualTo(3);
        assertThat(again.getList("report.outcome")).containsOnly("SKIPPED");
        assertThat(again.getString("report[0].submissionId")).isEqualTo(imported("1"));
        assertThat(counts()).as("no duplicate").isEqualTo(after);

        // the register grew: only the new line is imported
        List<Map<String, Object>> grown = new ArrayList<>(lines);
        grown.add(exits("6"));
        JsonPath third = importAndWait(file(grown));
        assertThat(third.getInt("linesImported")).isEqualTo(1);
        assertThat(third.getInt("linesSkipped")).isEqualTo(3);

        // a known reference with other content is an error, not an update
        Map<String, Object> changed = acceptedPetition();
        changed.put("topic", "TRAFFIC_SAFETY");
        JsonPath conflict = importAndWait(file(List.of(changed)));
        assertThat(conflict.getString("state")).isEqualTo("FAILED");
        assertThat(conflict.getString("report[0].field")).isEqualTo("externalRef");
    }

    @Test
    void aDissolvedDistrictsRegister_isImportedByTheProvinceThatInheritedIt() throws Exception {
        // Lê Chân district police were dissolved on 2025-03-01; in 2019 they stood under Hải Phòng.
        Map<String, Object> line = base("lechan-2019", "PETITION", "SUGGESTION_BOX");
        line.put("unitId", "HP-LECHAN");
        line.put("receivedOn", "2019-05-10");
        line.put("classified", Map.of("on", "2019-05-12", "kind", "PETITION", "topic", "SIDEWALK_ORDER",
                "tags", List.of(), "publicSummary", "Lấn chiếm vỉa hè"));

        JsonPath job = importAndWait(file(List.of(line)));

        assertThat(job.getString("state")).as(job.prettify()).isEqualTo("SUCCEEDED");
        assertThat(job.getInt("linesImported")).isEqualTo(1);
    }

    @Test
    void aLargeFile_showsItsProgress_andKeepsATolerableRate() throws Exception {
        int n = 5000;
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            Map<String, Object> l = base("big-" + i, i % 2 == 0 ? "PETITION" : "TIP", "RESIDENT_MEETING");
            l.put("classified", classified(i % 7, i % 2 == 0 ? "PETITION" : "TIP", "SIDEWALK_ORDER"));
            text.append(JSON.writeValueAsString(l)).append('\n');
        }
        long begin = System.nanoTime();
        Response posted = post(text.toString());
        List<Map<String, Object>> snapshots = new ArrayList<>();
        JsonPath job;
        do {
            Thread.sleep(50);
            job = given().auth().oauth2(officer).get(posted.header("Location")).then().statusCode(200)
                    .extract().jsonPath();
            snapshots.add(Map.of("state", job.getString("state"), "validated", job.getInt("linesValidated"),
                    "imported", job.getInt("linesImported")));
        } while (!List.of("SUCCEEDED", "FAILED").contains(job.getString("state"))
                && System.nanoTime() - begin < Duration.ofSeconds(120).toNanos());
        double seconds = (System.nanoTime() - begin) / 1e9;
        System.out.printf("import of %d lines: %.1f s, %s events/s%n", n, seconds, job.getString("eventsPerSecond"));
        assertThat(job.getString("state")).as(job.prettify()).isEqualTo("SUCCEEDED");
        assertThat(job.getInt("linesImported")).isEqualTo(n);
        assertThat(job.getInt("eventsWritten")).isEqualTo(2 * n);
        assertThat(snapshots).as("progress between start and end").anyMatch(s -> s.get("state").equals("IMPORTING")
                && (int) s.get("imported") > 0 && (int) s.get("imported") < n);
        List<Integer> imported = snapshots.stream().map(s -> (Integer) s.get("imported")).toList();
        assertThat(imported).isSorted();
        assertThat(seconds).as("5,000 cases").isLessThan(60);
    }

    @Test
    void onlyOfficersImport_andOnlyTheirSubtreeFollowsTheJob() {
        String location = post(file(List.of(exits("5")))).header("Location");
        given().auth().oauth2(Tokens.shared().officer("HN")).get(location).then().statusCode(404);
        given().auth().oauth2(Tokens.shared().admin()).get(location).then().statusCode(200);
        given().auth().oauth2(Tokens.shared().partner("import-portal")).contentType("application/x-ndjson")
                .body(file(List.of(exits("6"))).getBytes(StandardCharsets.UTF_8)).post("/api/v1/imports")
                .then().statusCode(403);
        given().filter(ContractCheck.invalidRequestOnPurpose()).auth().oauth2(officer).contentType(ContentType.JSON)
                .body("{}").post("/api/v1/imports").then().statusCode(415);
    }

    // ------------------------------------------------------------------ helpers

    Response post(String text) {
        Response posted = given().auth().oauth2(officer).contentType("application/x-ndjson")
                .body(text.getBytes(StandardCharsets.UTF_8)).post("/api/v1/imports");
        assertThat(posted.statusCode()).as(posted.asString()).isEqualTo(202);
        assertThat(posted.header("Location")).contains("/api/v1/imports/");
        return posted;
    }

    JsonPath importAndWait(String text) throws InterruptedException {
        String location = post(text).header("Location");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonPath job = given().auth().oauth2(officer).get(location).then().statusCode(200).extract().jsonPath();
            if (List.of("SUCCEEDED", "FAILED").contains(job.getString("state")) || System.nanoTime() > deadline) {
                return job;
            }
            Thread.sleep(50);
        }
    }

    String imported(String ref) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT submission_id::text FROM import_records WHERE unit_id = ? AND external_ref = ?")) {
            s.setString(1, WARD);
            s.setString(2, "SO-" + run + "-" + ref);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as("imported " + ref).isTrue();
                return rs.getString(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    Map<String, Object> view(String id) {
        return given().auth().oauth2(officer).get("/api/v1/submissions/" + id).then().statusCode(200)
                .extract().jsonPath().getMap("$");
    }

    JsonPath history(String id) {
        return given().auth().oauth2(officer).get("/api/v1/submissions/" + id + "/history").then().statusCode(200)
                .extract().jsonPath();
    }

    record Step(String action, Map<String, Object> body) {}

    static Step step(String action, Map<String, Object> body) {
        return new Step(action, body);
    }

    String liveSubmission(String kind, String channel, List<Step> steps) {
        return liveSubmission(kind, channel, steps, null);
    }

    String liveSubmission(String kind, String channel, List<Step> steps, Map<String, Object> reporter) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("kind", kind, "channel", channel, "unitId", WARD,
                "receivedOn", D0.toString()));
        if (reporter != null) {
            body.put("reporter", reporter);
        }
        String id = given().auth().oauth2(officer).contentType(ContentType.JSON).body(body).post("/api/v1/submissions")
                .then().statusCode(201).extract().path("id");
        int version = 1;
        for (Step step : steps) {
            given().auth().oauth2(officer).contentType(ContentType.JSON).header("If-Match", "\"" + version + "\"")
                    .body(step.body()).post("/api/v1/submissions/" + id + "/" + step.action()).then().statusCode(200);
            version++;
        }
        return id;
    }

    Map<String, Long> counts() throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }
}
