package vn.langnghe.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.langnghe.reporting.Feed.at;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.langnghe.contracts.events.Channel;
import vn.langnghe.contracts.events.OpinionEscalated;
import vn.langnghe.contracts.events.ForumOpened;
import vn.langnghe.contracts.events.OpinionNature;
import vn.langnghe.contracts.events.OpinionRecorded;
import vn.langnghe.contracts.events.ParticipantGroup;
import vn.langnghe.contracts.events.SessionKind;
import vn.langnghe.contracts.events.SubmissionClassified;
import vn.langnghe.contracts.events.SubmissionKind;
import vn.langnghe.contracts.events.SubmissionReceived;
import vn.langnghe.contracts.events.Track;
import vn.langnghe.reporting.Feed.Stream;
import vn.langnghe.reporting.projection.Projections;
import vn.langnghe.testsupport.quarkus.PostgresKafkaResource;
import vn.langnghe.testsupport.quarkus.PrismContractResource;
import vn.langnghe.testsupport.tokens.Tokens;

/**
 * The effective-dated tree (a fact belongs to its unit's ancestors on the fact's date), "as recorded at"
 * (only facts recorded by then, later corrections shown apart), and suppression thresholds.
 */
@QuarkusTest
@QuarkusTestResource(PostgresKafkaResource.class)
@QuarkusTestResource(PrismContractResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnitTreeAndRecordingTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String servers;

    @Inject
    DataSource dataSource;

    @Inject
    Projections projections;

    @BeforeAll
    void feed() {
        Feed feed = new Feed(servers);
        // the same ward in 2019 (under quận Lê Chân) and in 2025-H2 (straight under the city)
        feed.received(SubmissionKind.PETITION, Channel.HOTLINE, "HP-LECHAN-ANDUONG", "2019-09-02", "PATROLS", "a");
        feed.received(SubmissionKind.PETITION, Channel.HOTLINE, "HP-LECHAN-ANDUONG", "2025-08-04", "PATROLS", "b");
        // Nhà Mát: Bạc Liêu until 30 June 2025, Cà Mau from 1 July 2025
        feed.received(SubmissionKind.TIP, Channel.HOTLINE, "BL-BACLIEU-NHAMAT", "2024-05-06", "DRUGS", "c");
        feed.received(SubmissionKind.TIP, Channel.HOTLINE, "BL-BACLIEU-NHAMAT", "2025-08-05", "DRUGS", "d");
        // as recorded at: one letter keyed in on time, one keyed in late, one reclassified later
        Stream onTime = feed.submission();
        onTime.add(new SubmissionReceived(onTime.id, Feed.trackingCode(), SubmissionKind.PETITION, Channel.MAIL,
                "HP-ANDUONG-DONGTHAI", true, null, null, null, null, at("2021-03-01")), at("2021-03-01"));
        onTime.add(new SubmissionClassified(onTime.id, SubmissionKind.COMPLAINT, "THEFT", List.of(),
                "HP-ANDUONG-DONGTHAI", "Phân loại lại", false, Track.STANDARD, at("2021-03-05")),
                Instant.parse("2021-08-15T03:00:00Z"));
        Stream late = feed.submission();
        late.add(new SubmissionReceived(late.id, Feed.trackingCode(), SubmissionKind.PETITION, Channel.MAIL,
                "HP-ANDUONG-DONGTHAI", false, null, null, null, null, at("2021-05-01")),
                Instant.parse("2021-08-10T03:00:00Z"));
        // suppression: 2 denunciations at xã Thanh Liệt (hidden), 5 at phường Văn Đẩu (shown)
        for (int i = 0; i < 2; i++) {
            feed.received(SubmissionKind.DENUNCIATION, Channel.MAIL, "HN-THANHTRI-THANHLIET", "2024-03-0" + (i + 1),
                    "REPORT_HANDLING", "x");
        }
        for (int i = 0; i < 5; i++) {
            feed.received(SubmissionKind.DENUNCIATION, Channel.MAIL, "HP-KIENAN-VANDAU", "2024-03-0" + (i + 1),
                    "REPORT_HANDLING", "x");
        }
        // a forum escalation requested as a denunciation at a ward: hidden in that ward's row
        Stream forum = feed.scheduled(SessionKind.FORUM, "HN", "HN-THANHTRI-THANHLIET", "2024-04-01");
        java.util.UUID opinion = java.util.UUID.randomUUID();
        forum.add(new ForumOpened(forum.id, Feed.attendance(50), at("2024-04-02")))
                .add(new OpinionRecorded(forum.id, opinion, ParticipantGroup.OTHER, null, "REPORT_HANDLING", List.of(),
                        OpinionNature.CRITICISM, "Phản ánh cán bộ", at("2024-04-02")))
                .add(new OpinionEscalated(opinion, forum.id, SubmissionKind.DENUNCIATION, "REPORT_HANDLING", List.of(),
                        "HN-THANHTRI-THANHLIET", null, "Tố cáo cán bộ", at("2024-04-02")));
        feed.send();
        feed.awaitApplied(dataSource, projections);
    }

    private static JsonPath intake(String analystUnit, String unit, String period, String asRecordedAt) {
        var request = given().auth().oauth2(Tokens.shared().analyst(analystUnit)).queryParam("unit", unit)
                .queryParam("period", period);
        if (asRecordedAt != null) {
            request = request.queryParam("asRecordedAt", asRecordedAt);
        }
        return request.get("/api/v1/reports/intake").then().statusCode(200).extract().jsonPath();
    }

    private static long received(JsonPath report, String unit, String role) {
        return report.getLong("rows.find { it.unit == '" + unit + "' && it.role == '" + role
                + "' }.figures.received.total");
    }

    @Test
    void a2019Report_usesThe2019Tree_a2025ReportThe2025Tree() {
        JsonPath y2019 = intake("HP", "HP", "2019-H2", null);
        assertThat(received(y2019, "HP-LECHAN", "CHILD")).isEqualTo(1);
        assertThat(y2019.getList("rows.unit")).doesNotContain("HP-LECHAN-ANDUONG");
        JsonPath y2025 = intake("HP", "HP", "2025-H2", null);
        assertThat(received(y2025, "HP-LECHAN-ANDUONG", "CHILD")).isEqualTo(1);
        assertThat(y2025.getList("rows.unit")).doesNotContain("HP-LECHAN");
        assertThat(received(intake("HP", "HP-LECHAN", "2019", null), "HP-LECHAN", "TOTAL")).isEqualTo(1);
    }

    @Test
    void aWardThatChangedProvince_countsUnderTheProvinceOfTheFactsDate() {
        assertThat(received(intake("BCA", "BL", "2024", null), "BL", "TOTAL")).isEqualTo(1);
        assertThat(received(intake("BCA", "CM", "2024", null), "CM", "TOTAL")).isZero();
        assertThat(received(intake("BCA", "CM", "2025-H2", null), "CM", "TOTAL")).isEqualTo(1);
        // a Cà Mau analyst sees Nhà Mát now, but not the Bạc Liêu of 2024
        given().auth().oauth2(Tokens.shared().analyst("CM")).queryParam("unit", "BL").queryParam("period", "2024")
                .get("/api/v1/reports/intake").then().statusCode(403);
    }

    @Test
    void asRecordedAt_countsOnlyWhatWasKnownThen_andShowsLaterFactsApart() {
        JsonPath then = intake("HP", "HP-ANDUONG-DONGTHAI", "2021-H1", "2021-07-31");
        assertThat(received(then, "HP-ANDUONG-DONGTHAI", "TOTAL")).isEqualTo(1);
        assertThat(then.getLong("rows.find { it.role == 'TOTAL' }.figures.received.byKind.PETITION")).isEqualTo(1);
        assertThat(then.getMap("recordedAfter")).containsEntry("intake.SubmissionReceived.v1", 1)
                .containsEntry("intake.SubmissionClassified.v1", 1);
        JsonPath now = intake("HP", "HP-ANDUONG-DONGTHAI", "2021-H1", null);
        assertThat(received(now, "HP-ANDUONG-DONGTHAI", "TOTAL")).isEqualTo(2);
        assertThat(now.getLong("rows.find { it.role == 'TOTAL' }.figures.received.byKind.COMPLAINT")).isEqualTo(1);
        assertThat(now.getMap("recordedAfter")).isNull();
        // an instant works as well as a date, and regenerates the same report
        JsonPath exact = intake("HP", "HP-ANDUONG-DONGTHAI", "2021-H1", "2021-07-31T16:59:59Z");
        assertThat(exact.getList("rows")).isEqualTo(then.getList("rows"));
    }

    @Test
    void smallDenunciationCounts_areHiddenAtWardLevel_andShownFromTheThreshold() {
        JsonPath ward = intake("HN", "HN-THANHTRI-THANHLIET", "2024", null);
        assertThat(ward.getList("rows.find { it.role == 'TOTAL' }.suppressed")).contains("received.DENUNCIATION");
        assertThat(ward.getString("rows.find { it.role == 'TOTAL' }.figures.received.byKind.DENUNCIATION")).isNull();
        assertThat(ward.getLong("rows.find { it.role == 'TOTAL' }.figures.received.total")).isZero();
        String csv = given().auth().oauth2(Tokens.shared().analyst("HN")).queryParam("format", "csv")
                .queryParam("unit", "HN-THANHTRI-THANHLIET").queryParam("period", "2024")
                .get("/api/v1/reports/intake").then().statusCode(200).extract().asString();
        assertThat(csv).contains("TOTAL,received,0,0,0,<5,0,0");
        JsonPath five = intake("HP", "HP-KIENAN-VANDAU", "2024", null);
        assertThat(five.getLong("rows.find { it.role == 'TOTAL' }.figures.received.byKind.DENUNCIATION"))
                .isEqualTo(5);
        assertThat(five.getList("rows.find { it.role == 'TOTAL' }.suppressed")).isEmpty();
        // the city of Hà Nội is not ward level: its total shows the two
        assertThat(intake("HN", "HN", "2024", null)
                .getLong("rows.find { it.role == 'TOTAL' }.figures.received.byKind.DENUNCIATION")).isEqualTo(2);
        JsonPath forums = given().auth().oauth2(Tokens.shared().analyst("HN"))
                .queryParam("unit", "HN-THANHTRI-THANHLIET").queryParam("period", "2024")
                .get("/api/v1/reports/forums").then().statusCode(200).extract().jsonPath();
        assertThat(forums.getList("rows.find { it.role == 'TOTAL' }.suppressed")).contains("escalated.DENUNCIATION");
        assertThat(forums.getString("rows.find { it.role == 'TOTAL' }.figures.escalated.by.DENUNCIATION")).isNull();
    }
}
