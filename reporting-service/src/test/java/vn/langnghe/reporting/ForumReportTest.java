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
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.langnghe.contracts.events.Attendance;
import vn.langnghe.contracts.events.CommitmentFulfilled;
import vn.langnghe.contracts.events.EscalationOutcome;
import vn.langnghe.contracts.events.EscalationOutcomeRecorded;
import vn.langnghe.contracts.events.FollowUpAnswered;
import vn.langnghe.contracts.events.FollowUpCreated;
import vn.langnghe.contracts.events.ForumClosed;
import vn.langnghe.contracts.events.ForumOpened;
import vn.langnghe.contracts.events.GroupAttendance;
import vn.langnghe.contracts.events.MinutesPublished;
import vn.langnghe.contracts.events.OpinionAnsweredOnTheSpot;
import vn.langnghe.contracts.events.OpinionEscalated;
import vn.langnghe.contracts.events.OpinionNature;
import vn.langnghe.contracts.events.OpinionRecorded;
import vn.langnghe.contracts.events.ParticipantGroup;
import vn.langnghe.contracts.events.SessionKind;
import vn.langnghe.contracts.events.SubmissionKind;
import vn.langnghe.reporting.Feed.Stream;
import vn.langnghe.reporting.projection.Projections;
import vn.langnghe.testsupport.quarkus.PostgresKafkaResource;
import vn.langnghe.testsupport.quarkus.PrismContractResource;
import vn.langnghe.testsupport.tokens.Tokens;

/**
 * Hải Phòng 2019 (seed 004): a forum at phường An Dương (then under quận Lê Chân) and a resident meeting at
 * phường Văn Đẩu (quận Kiến An), delivered shuffled and twice. Sessions per child unit by the 2019 tree,
 * attendance by group, opinions by topic and nature, answered on the spot vs followed up, follow-ups
 * answered late / overdue, escalations and their outcomes, commitments; CSV.
 */
@QuarkusTest
@QuarkusTestResource(PostgresKafkaResource.class)
@QuarkusTestResource(PrismContractResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForumReportTest {

    static final String ANDUONG = "HP-LECHAN-ANDUONG";
    static final String VANDAU = "HP-KIENAN-VANDAU";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String servers;

    @Inject
    DataSource dataSource;

    @Inject
    Projections projections;

    JsonPath report;

    @BeforeAll
    void feed() {
        Feed feed = new Feed(servers);
        Stream forum = feed.scheduled(SessionKind.FORUM, "HP", ANDUONG, "2019-05-10");
        UUID o1 = UUID.randomUUID();
        UUID o2 = UUID.randomUUID();
        UUID o3 = UUID.randomUUID();
        UUID o4 = UUID.randomUUID();
        UUID o5 = UUID.randomUUID();
        forum.add(new ForumOpened(forum.id, new Attendance(120, List.of(
                        new GroupAttendance(ParticipantGroup.VETERANS, 20),
                        new GroupAttendance(ParticipantGroup.YOUTH_UNION, 30))), at("2019-05-20")))
                .add(opinion(forum, o1, "LOAN_SHARKS", OpinionNature.REQUEST, "Đề nghị xử lý tín dụng đen"))
                .add(opinion(forum, o2, "PRAISE", OpinionNature.PRAISE, "Đánh giá cao công an phường"))
                .add(opinion(forum, o3, "TRAFFIC_SAFETY", OpinionNature.QUESTION, "Ùn tắc cổng trường"))
                .add(opinion(forum, o4, "PATROLS", OpinionNature.SUGGESTION, "Tăng cường tuần tra ban đêm"))
                .add(opinion(forum, o5, "PUBLIC_DISORDER", OpinionNature.CRITICISM, "Phản ánh gây rối"))
                .add(new OpinionAnsweredOnTheSpot(forum.id, o2, "HP", "Giám đốc", "Cảm ơn", null, at("2019-05-20")))
                .add(new OpinionAnsweredOnTheSpot(forum.id, o3, "HP", "Phó Giám đốc", "Sẽ bố trí lực lượng",
                        "Bố trí lực lượng giờ tan trường", at("2019-05-20")))
                .add(new FollowUpCreated(forum.id, o1, ANDUONG, LocalDate.parse("2019-06-10"), at("2019-05-20")))
                .add(new FollowUpCreated(forum.id, o4, ANDUONG, LocalDate.parse("2019-06-20"), at("2019-05-20")))
                .add(new OpinionEscalated(o5, forum.id, SubmissionKind.COMPLAINT, "PUBLIC_DISORDER", List.of(), ANDUONG,
                        "speaker-ref", "Khiếu nại gây rối", at("2019-05-20")))
                .add(new ForumClosed(forum.id, "Biên bản diễn đàn", at("2019-05-20")))
                .add(new MinutesPublished(forum.id, at("2019-05-25")))
                .add(new FollowUpAnswered(forum.id, o1, ANDUONG, LocalDate.parse("2019-06-10"), "Đã triệt phá",
                        null, at("2019-06-12")))
                .add(new CommitmentFulfilled(forum.id, o3, "Đã bố trí", at("2019-06-01")))
                .add(new EscalationOutcomeRecorded(forum.id, o5, UUID.randomUUID(), EscalationOutcome.ANSWERED,
                        at("2019-06-15")));
        Stream meeting = feed.scheduled(SessionKind.RESIDENT_MEETING, "HP-KIENAN", VANDAU, "2019-04-01");
        meeting.add(new ForumOpened(meeting.id, new Attendance(45, List.of()), at("2019-04-05")))
                .add(opinion(meeting, UUID.randomUUID(), "THEFT", OpinionNature.REQUEST, "Mất trộm xe máy"));
        feed.sendShuffledTwice();
        feed.awaitApplied(dataSource, projections);
    }

    private static OpinionRecorded opinion(Stream forum, UUID id, String topic, OpinionNature nature, String summary) {
        return new OpinionRecorded(forum.id, id, ParticipantGroup.RESIDENTIAL_GROUP, "speaker-ref-" + id, topic,
                List.of(), nature, summary, at("2019-05-20"));
    }

    @BeforeEach
    void fetch() {
        if (report == null) {
            report = given().auth().oauth2(Tokens.shared().analyst("HP"))
                    .queryParam("unit", "HP").queryParam("period", "2019-H1")
                    .get("/api/v1/reports/forums").then().statusCode(200).extract().jsonPath();
        }
    }

    private Map<String, Object> figure(String unit, String role, String name) {
        return report.getMap("rows.find { it.unit == '" + unit + "' && it.role == '" + role + "' }.figures." + name);
    }

    private Map<String, Object> by(String unit, String role, String name) {
        return (Map<String, Object>) figure(unit, role, name).get("by");
    }

    @Test
    void sessionsPerChildUnit_byThe2019Tree() {
        assertThat(by("HP-LECHAN", "CHILD", "held")).containsEntry("FORUM", 1).containsEntry("RESIDENT_MEETING", 0);
        assertThat(by("HP-KIENAN", "CHILD", "held")).containsEntry("FORUM", 0).containsEntry("RESIDENT_MEETING", 1);
        assertThat(by("HP", "TOTAL", "held")).containsEntry("FORUM", 1).containsEntry("RESIDENT_MEETING", 1);
        assertThat(report.getList("rows.unit")).doesNotContain(ANDUONG).contains("HP-NGOQUYEN", "HP-TIENLANG");
    }

    @Test
    void attendance_total_andByGroup() {
        assertThat(figure("HP", "TOTAL", "attendance").get("total")).isEqualTo(165);
        assertThat(by("HP-LECHAN", "CHILD", "attendance")).containsEntry("VETERANS", 20)
                .containsEntry("YOUTH_UNION", 30).containsEntry("WOMENS_UNION", 0);
    }

    @Test
    void opinions_byTopicAndNature_answeredOnTheSpotVsFollowedUp() {
        assertThat(figure("HP", "TOTAL", "opinions").get("total")).isEqualTo(6);
        assertThat(by("HP", "TOTAL", "opinions")).containsEntry("LOAN_SHARKS", 1).containsEntry("THEFT", 1)
                .containsEntry("DRUGS", 0);
        assertThat(by("HP", "TOTAL", "opinionsByNature")).containsEntry("REQUEST", 2).containsEntry("PRAISE", 1);
        assertThat(by("HP", "TOTAL", "opinionsBySpeakerGroup")).containsEntry("RESIDENTIAL_GROUP", 6);
        assertThat(figure("HP", "TOTAL", "answeredOnTheSpot").get("total")).isEqualTo(2);
        assertThat(figure("HP", "TOTAL", "followedUp").get("total")).isEqualTo(2);
        assertThat(figure("HP", "TOTAL", "commitmentsMade").get("total")).isEqualTo(1);
        assertThat(figure("HP", "TOTAL", "commitmentsFulfilled").get("total")).isEqualTo(1);
    }

    @Test
    void followUps_answeredLate_andOverdueOnTheBacklogDay() {
        assertThat(by("HP", "TOTAL", "followUpsAnswered")).containsEntry("LATE", 1).containsEntry("EARLY", 0);
        assertThat(figure("HP", "TOTAL", "followUpsOpen").get("total")).isEqualTo(1);
        assertThat(figure("HP", "TOTAL", "followUpsOverdue").get("total")).isEqualTo(1);
        JsonPath early = given().auth().oauth2(Tokens.shared().analyst("HP"))
                .queryParam("unit", "HP").queryParam("period", "2019-H1").queryParam("asOf", "2019-06-01")
                .get("/api/v1/reports/forums").then().statusCode(200).extract().jsonPath();
        assertThat(early.getInt("rows.find { it.role == 'TOTAL' }.figures.followUpsOpen.total")).isEqualTo(2);
        assertThat(early.getInt("rows.find { it.role == 'TOTAL' }.figures.followUpsOverdue.total")).isZero();
    }

    @Test
    void escalations_andTheirOutcomes() {
        assertThat(by("HP", "TOTAL", "escalated")).containsEntry("COMPLAINT", 1).containsEntry("DENUNCIATION", 0);
        assertThat(by("HP", "TOTAL", "escalationOutcomes")).containsEntry("ANSWERED", 1);
    }

    @Test
    void csv_hasABom_andOneLinePerBreakdown() {
        byte[] body = given().auth().oauth2(Tokens.shared().analyst("HP")).accept("text/csv")
                .queryParam("unit", "HP").queryParam("period", "2019-H1")
                .get("/api/v1/reports/forums").then().statusCode(200).contentType("text/csv").extract().asByteArray();
        assertThat(new String(body, 0, 3, StandardCharsets.ISO_8859_1)).isEqualTo("\u00EF\u00BB\u00BF");
        String text = new String(body, StandardCharsets.UTF_8);
        assertThat(text).contains("HP-LECHAN,Công an quận Lê Chân,DISTRICT,CHILD,held,FORUM,1");
    }

    @Test
    void topicTrend_perChildUnitAndMonth() {
        JsonPath trend = given().auth().oauth2(Tokens.shared().analyst("HP"))
                .queryParam("unit", "HP").queryParam("period", "2019-H1").queryParam("granularity", "month")
                .get("/api/v1/reports/topics/trend").then().statusCode(200).extract().jsonPath();
        assertThat(trend.getInt("points.find { it.unit == 'HP-LECHAN' && it.bucket == '2019-05'"
                + " && it.topic == 'LOAN_SHARKS' }.opinions")).isEqualTo(1);
        assertThat(trend.getInt("points.find { it.unit == 'HP-KIENAN' && it.bucket == '2019-05'"
                + " && it.topic == 'THEFT' }.opinions")).isEqualTo(1);
        String csv = given().auth().oauth2(Tokens.shared().analyst("HP")).queryParam("format", "csv")
                .queryParam("unit", "HP").queryParam("period", "2019").queryParam("granularity", "quarter")
                .get("/api/v1/reports/topics/trend").then().statusCode(200).contentType("text/csv").extract().asString();
        assertThat(csv).contains("HP-LECHAN,Công an quận Lê Chân,2019-Q2,LOAN_SHARKS,1,0");
    }
}
