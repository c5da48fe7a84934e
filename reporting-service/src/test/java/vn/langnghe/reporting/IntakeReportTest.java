package vn.langnghe.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.langnghe.reporting.Feed.at;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.langnghe.contracts.events.Channel;
import vn.langnghe.contracts.events.Conclusion;
import vn.langnghe.contracts.events.DeadlineExtended;
import vn.langnghe.contracts.events.NotAcceptedReason;
import vn.langnghe.contracts.events.SubmissionAccepted;
import vn.langnghe.contracts.events.SubmissionAnswered;
import vn.langnghe.contracts.events.SubmissionClassified;
import vn.langnghe.contracts.events.SubmissionConcluded;
import vn.langnghe.contracts.events.SubmissionKind;
import vn.langnghe.contracts.events.SubmissionMerged;
import vn.langnghe.contracts.events.SubmissionNotAccepted;
import vn.langnghe.contracts.events.SubmissionTransferred;
import vn.langnghe.contracts.events.SubmissionWithdrawn;
import vn.langnghe.contracts.events.TipRatedValuable;
import vn.langnghe.contracts.events.Track;
import vn.langnghe.contracts.events.VerificationStarted;
import vn.langnghe.intake.domain.clock.ClockFacts;
import vn.langnghe.intake.domain.clock.LegalClock;
import vn.langnghe.reporting.Feed.Stream;
import vn.langnghe.reporting.projection.Projections;
import vn.langnghe.testsupport.quarkus.PostgresKafkaResource;
import vn.langnghe.testsupport.quarkus.PrismContractResource;
import vn.langnghe.testsupport.tokens.Tokens;

/**
 * Every intake figure of docs/metrics.md on one set of 2023 submissions at phường Vĩnh Niệm (quận Lê Chân),
 * each stream delivered shuffled and twice: resolved by kind (reclassified counted at conclusion), early /
 * on time / late from legal-clock due dates (extension included), outcomes, merged duplicates once, tips
 * and valuable tips, backlog with at-risk and overdue, ward-level suppression, CSV with a BOM.
 */
@QuarkusTest
@QuarkusTestResource(PostgresKafkaResource.class)
@QuarkusTestResource(PrismContractResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntakeReportTest {

    static final String WARD = "HP-LECHAN-VINHNIEM";
    static final String DISTRICT = "HP-LECHAN";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String servers;

    @Inject
    DataSource dataSource;

    @Inject
    Projections projections;

    @Inject
    LegalClock clock;

    @Inject
    vn.langnghe.servicekit.eventsourcing.ConsumerSetup consumers;

    @Inject
    vn.langnghe.reporting.projection.rebuild.RebuildService rebuilds;

    JsonPath report;
    Feed feed;

    @BeforeAll
    void feed() {
        feed = new Feed(servers);
        // 1 complaint at the reception desk, resolved early by its conclusion, answered afterwards
        Stream s1 = feed.received(SubmissionKind.COMPLAINT, Channel.RECEPTION_DESK, WARD, "2023-02-01",
                "ADMIN_PROCEDURES", "Khiếu nại chậm cấp căn cước");
        s1.add(new SubmissionAccepted(s1.id, false, at("2023-02-03")))
                .add(new VerificationStarted(s1.id, at("2023-02-10")))
                .add(new SubmissionConcluded(s1.id, Conclusion.FOUNDED, at("2023-02-20")))
                .add(answered(s1, SubmissionKind.COMPLAINT, "2023-02-25", Conclusion.FOUNDED));
        // 2 petition by hotline, answered without verification (resolved early)
        Stream s2 = feed.received(SubmissionKind.PETITION, Channel.HOTLINE, WARD, "2023-03-01", "PATROLS",
                "Đề nghị tăng cường tuần tra");
        s2.add(answered(s2, SubmissionKind.PETITION, "2023-03-10", null));
        // 3 tip by hotline: valuable, verified and concluded (counts in concluded, not resolved), then answered
        Stream s3 = feed.received(SubmissionKind.TIP, Channel.HOTLINE, WARD, "2023-03-02", "DRUGS",
                "Tin về điểm tụ tập");
        s3.add(new TipRatedValuable(s3.id, at("2023-03-05"))).add(new VerificationStarted(s3.id, at("2023-03-06")))
                .add(new SubmissionConcluded(s3.id, Conclusion.PARTLY_FOUNDED, at("2023-03-07")))
                .add(answered(s3, SubmissionKind.TIP, "2023-03-08", Conclusion.PARTLY_FOUNDED));
        // 4 received as a petition by mail, reclassified as a complaint, concluded late
        Stream s4 = feed.received(SubmissionKind.PETITION, Channel.MAIL, WARD, "2023-04-01", "THEFT",
                "Phản ánh mất trộm");
        s4.add(classified(s4, SubmissionKind.COMPLAINT, "2023-04-03"))
                .add(new SubmissionAccepted(s4.id, false, at("2023-04-04")))
                .add(new VerificationStarted(s4.id, at("2023-04-05")))
                .add(new SubmissionConcluded(s4.id, Conclusion.UNFOUNDED, at("2023-06-20")));
        // 5 crime report transferred, 6 petition not accepted, 7 petition withdrawn, 8 duplicate merged into 2
        Stream s5 = feed.received(SubmissionKind.CRIME_REPORT, Channel.HOTLINE, WARD, "2023-05-01", "THEFT",
                "Tố giác trộm cắp");
        s5.add(new SubmissionTransferred(s5.id, "AAAA-BBBB-CCCC", SubmissionKind.CRIME_REPORT, WARD, null,
                at("2023-05-03"), "Viện kiểm sát nhân dân quận Lê Chân", "không thuộc thẩm quyền"));
        Stream s6 = feed.received(SubmissionKind.PETITION, Channel.RECEPTION_DESK, WARD, "2023-05-02", "OTHER",
                "Đề nghị khác");
        s6.add(new SubmissionNotAccepted(s6.id, "AAAA-BBBB-CCCD", SubmissionKind.PETITION, WARD, null,
                at("2023-05-03"), NotAcceptedReason.values()[0], null));
        Stream s7 = feed.received(SubmissionKind.PETITION, Channel.RECEPTION_DESK, WARD, "2023-05-04", "OTHER",
                "Đề nghị rút");
        s7.add(new SubmissionWithdrawn(s7.id, "AAAA-BBBB-CCCE", SubmissionKind.PETITION, WARD, null, at("2023-05-06")));
        Stream s8 = feed.received(SubmissionKind.PETITION, Channel.RECEPTION_DESK, WARD, "2023-05-05", "PATROLS",
                "Trùng đơn tuần tra");
        s8.add(new SubmissionMerged(s8.id, "AAAA-BBBB-CCCF", SubmissionKind.PETITION, WARD, null, at("2023-05-07"),
                s2.id));
        // 9 open complaint, at risk on 30 June; 10 open complaint, overdue on 30 June
        Stream s9 = feed.received(SubmissionKind.COMPLAINT, Channel.RECEPTION_DESK, WARD, "2023-06-01", "THEFT",
                "Khiếu nại mới");
        s9.add(new SubmissionAccepted(s9.id, false, at("2023-06-02")));
        Stream s10 = feed.received(SubmissionKind.COMPLAINT, Channel.RECEPTION_DESK, WARD, "2023-05-01", "THEFT",
                "Khiếu nại quá hạn");
        s10.add(new SubmissionAccepted(s10.id, false, at("2023-05-02")));
        // 11 denunciation by mail, extended as complex, concluded on its extended due date
        LocalDate due11 = clock.dueDates(SubmissionKind.DENUNCIATION, new ClockFacts(LocalDate.parse("2023-01-05"),
                LocalDate.parse("2023-01-10"), WARD, false, true, List.of())
                .withExtension("COMPLEX", LocalDate.parse("2023-02-01"))).resolutionDue().orElseThrow();
        Stream s11 = feed.received(SubmissionKind.DENUNCIATION, Channel.MAIL, WARD, "2023-01-05", "REPORT_HANDLING",
                "Tố cáo cán bộ");
        s11.add(new SubmissionAccepted(s11.id, true, at("2023-01-10")))
                .add(new DeadlineExtended(s11.id, "COMPLEX", "Vụ việc phức tạp", at("2023-02-01")))
                .add(new VerificationStarted(s11.id, at("2023-02-05")))
                .add(new SubmissionConcluded(s11.id, Conclusion.UNFOUNDED, at(due11)));
        feed.sendShuffledTwice();
        feed.awaitApplied(dataSource, projections);
    }

    /** Fetched in the first test: RestAssured knows the port only once a test runs. */
    @org.junit.jupiter.api.BeforeEach
    void fetch() {
        if (report == null) {
            report = given().auth().oauth2(Tokens.shared().analyst("HP"))
                    .queryParam("unit", DISTRICT).queryParam("period", "2023-H1")
                    .get("/api/v1/reports/intake").then().statusCode(200).extract().jsonPath();
        }
    }

    private static SubmissionAnswered answered(Stream s, SubmissionKind kind, String day, Conclusion conclusion) {
        return new SubmissionAnswered(s.id, "AAAA-BBBB-CCCA", kind, WARD, null, at(day), conclusion, "Đã trả lời");
    }

    private static SubmissionClassified classified(Stream s, SubmissionKind kind, String day) {
        return new SubmissionClassified(s.id, kind, "THEFT", List.of(), WARD, "Phân loại lại", false, Track.STANDARD,
                at(day));
    }

    private Map<String, Object> figure(String unit, String role, String name) {
        return report.getMap("rows.find { it.unit == '" + unit + "' && it.role == '" + role + "' }.figures." + name);
    }

    private long total(String name) {
        return ((Number) figure(DISTRICT, "TOTAL", name).get("total")).longValue();
    }

    private Map<String, Object> byKind(String name) {
        return (Map<String, Object>) figure(DISTRICT, "TOTAL", name).get("byKind");
    }

    @Test
    void received_byKindAtConclusion_andByChannel() {
        assertThat(total("received")).isEqualTo(11);
        assertThat(byKind("received")).containsEntry("TIP", 1).containsEntry("CRIME_REPORT", 1)
                .containsEntry("DENUNCIATION", 1).containsEntry("COMPLAINT", 4).containsEntry("PETITION", 4);
        assertThat((Map<String, Object>) figure(DISTRICT, "TOTAL", "received").get("byChannel"))
                .containsEntry("RECEPTION_DESK", 6).containsEntry("HOTLINE", 3).containsEntry("MAIL", 2)
                .containsEntry("FORUM", 0);
        assertThat(byKind("receivedMergedAway")).containsEntry("PETITION", 1);
        assertThat(total("receivedMergedAway")).isEqualTo(1);
    }

    @Test
    void handlingFigures() {
        assertThat(total("accepted")).isEqualTo(5);
        assertThat(total("verificationStarted")).isEqualTo(4);
        assertThat(total("concluded")).isEqualTo(4);
        assertThat(total("resolved")).isEqualTo(5);
        assertThat(byKind("resolved")).containsEntry("COMPLAINT", 2).containsEntry("PETITION", 1)
                .containsEntry("TIP", 1).containsEntry("DENUNCIATION", 1).containsEntry("CRIME_REPORT", 0);
        assertThat(total("early")).isEqualTo(2);
        assertThat(total("onTime")).isEqualTo(1);
        assertThat(byKind("onTime")).containsEntry("DENUNCIATION", 1);
        assertThat(total("late")).isEqualTo(1);
        assertThat(byKind("late")).containsEntry("COMPLAINT", 1);
        assertThat(total("withoutDeadline")).isEqualTo(1);
        assertThat(byKind("withoutDeadline")).containsEntry("TIP", 1);
        assertThat(total("answered")).isEqualTo(3);
        assertThat(total("transferred")).isEqualTo(1);
        assertThat(total("notAccepted")).isEqualTo(1);
        assertThat(total("withdrawn")).isEqualTo(1);
        assertThat(total("merged")).isEqualTo(1);
        assertThat(total("extended")).isEqualTo(1);
        assertThat(total("ratedValuable")).isEqualTo(1);
        assertThat(byKind("ratedValuable")).containsEntry("TIP", 1);
    }

    @Test
    void backlog_atRisk_overdue_onThePeriodsLastDay_andOnAnotherDay() {
        assertThat(report.getString("backlogAsOf")).isEqualTo("2023-06-30");
        assertThat(total("open")).isEqualTo(2);
        assertThat(total("atRisk")).isEqualTo(1);
        assertThat(total("overdue")).isEqualTo(1);
        JsonPath march = given().auth().oauth2(Tokens.shared().analyst("HP"))
                .queryParam("unit", DISTRICT).queryParam("period", "2023-H1").queryParam("asOf", "2023-03-03")
                .get("/api/v1/reports/intake").then().statusCode(200).extract().jsonPath();
        // on 3 March: 1 (concluded 20 Feb) is resolved; 2, 3 and 11 are open
        assertThat(march.getLong("rows.find { it.role == 'TOTAL' }.figures.open.total")).isEqualTo(3);
    }

    @Test
    void aWardsSmallDenunciationCount_isSuppressed_withAComplement_butNotAtDistrictLevel() {
        Map<String, Object> ward = report.getMap("rows.find { it.unit == '" + WARD + "' }");
        assertThat((List<String>) ward.get("suppressed")).contains("received.DENUNCIATION", "resolved.DENUNCIATION");
        Map<String, Object> received = figure(WARD, "CHILD", "received");
        assertThat((Map<String, Object>) received.get("byKind")).containsEntry("DENUNCIATION", null);
        assertThat(received.get("total")).as("the total leaves the hidden count out").isEqualTo(10);
        assertThat((Map<String, Object>) received.get("byChannel")).containsEntry("MAIL", 1);
        assertThat((Map<String, Object>) received.get("byKindAndChannel")).doesNotContainKey("DENUNCIATION");
        // exactly one ward hidden: another ward's count is hidden with it, so subtraction reveals nothing
        long complements = report.getList("rows.findAll { it.role == 'CHILD' && it.unit != '" + WARD
                + "' && it.suppressed.contains('received.DENUNCIATION') }").size();
        assertThat(complements).isEqualTo(1);
        assertThat(byKind("received")).containsEntry("DENUNCIATION", 1);
    }

    @Test
    void theCityReport_countsTheDistrictAsAChild_in2023() {
        JsonPath city = given().auth().oauth2(Tokens.shared().analyst("HP"))
                .queryParam("unit", "HP").queryParam("period", "2023-H1")
                .get("/api/v1/reports/intake").then().statusCode(200).extract().jsonPath();
        assertThat(city.getLong("rows.find { it.unit == 'HP-LECHAN' }.figures.received.total")).isEqualTo(11);
        assertThat(city.getList("rows.unit")).doesNotContain(WARD);
    }

    @Test
    void csv_isUtf8WithABom_andShowsSuppressedCellsAsLessThanK() {
        byte[] body = given().auth().oauth2(Tokens.shared().analyst("HP")).accept("text/csv")
                .queryParam("unit", DISTRICT).queryParam("period", "2023-H1")
                .get("/api/v1/reports/intake").then().statusCode(200).contentType("text/csv")
                .header("Content-Disposition", org.hamcrest.Matchers.containsString(".csv"))
                .extract().asByteArray();
        assertThat(body[0]).isEqualTo((byte) 0xEF);
        assertThat(body[1]).isEqualTo((byte) 0xBB);
        assertThat(body[2]).isEqualTo((byte) 0xBF);
        String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        assertThat(text).startsWith("unit,name,level,role,figure,total,TIP,");
        assertThat(text).contains("Công an phường Vĩnh Niệm").contains("<5");
        assertThat(text).contains("HP-LECHAN,Công an quận Lê Chân,DISTRICT,TOTAL,received,11,1,1,1,4,4,");
        byte[] viaParam = given().auth().oauth2(Tokens.shared().analyst("HP")).queryParam("format", "csv")
                .queryParam("unit", DISTRICT).queryParam("period", "2023-H1")
                .get("/api/v1/reports/intake").then().statusCode(200).contentType("text/csv").extract().asByteArray();
        assertThat(viaParam).isEqualTo(body);
    }

    @Test
    void redeliveringEverythingAgain_changesNothing() {
        String before = given().auth().oauth2(Tokens.shared().analyst("HP"))
                .queryParam("unit", DISTRICT).queryParam("period", "2023-H1")
                .get("/api/v1/reports/intake").then().statusCode(200).extract().asString();
        long facts = Feed.count(dataSource, "SELECT count(*) FROM " + projections.activeSchema("intake")
                + ".intake_facts");
        // the whole feed again, shuffled and twice: every record is now a duplicate
        long duplicates = intakeDuplicates();
        feed.sendShuffledTwice();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> intakeDuplicates() >= duplicates + feed.records());
        String after = given().auth().oauth2(Tokens.shared().analyst("HP"))
                .queryParam("unit", DISTRICT).queryParam("period", "2023-H1")
                .get("/api/v1/reports/intake").then().statusCode(200).extract().asString();
        assertThat(after).isEqualTo(before);
        assertThat(Feed.count(dataSource, "SELECT count(*) FROM " + projections.activeSchema("intake")
                + ".intake_facts")).isEqualTo(facts);
    }

    private long intakeDuplicates() {
        java.util.Map<String, vn.langnghe.eventsourcing.consumer.ConsumerStats> all =
                new java.util.HashMap<>(consumers.stats());
        all.putAll(rebuilds.stats());
        return all.entrySet().stream().filter(e -> e.getKey().startsWith("reporting-service.intake."))
                .mapToLong(e -> e.getValue().duplicates()).sum();
    }

    @Test
    void badPeriodsNameTheField() {
        String analyst = Tokens.shared().analyst("HP");
        given().auth().oauth2(analyst).queryParam("period", "2023-H3").get("/api/v1/reports/intake")
                .then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("period"));
        given().auth().oauth2(analyst).get("/api/v1/reports/intake")
                .then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("period"));
        given().auth().oauth2(analyst).queryParam("unit", "XX").queryParam("period", "2023")
                .get("/api/v1/reports/intake")
                .then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("unit"));
        given().auth().oauth2(analyst).queryParam("unit", "HP-LECHAN").queryParam("period", "2025-H2")
                .get("/api/v1/reports/intake")
                .then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("unit"));
        given().auth().oauth2(analyst).queryParam("period", "2023").queryParam("asRecordedAt", "yesterday")
                .get("/api/v1/reports/intake")
                .then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("asRecordedAt"));
    }
}
