package vn.langnghe.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.langnghe.reporting.Feed.at;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.langnghe.contracts.events.Channel;
import vn.langnghe.contracts.events.ForumOpened;
import vn.langnghe.contracts.events.OpinionEscalated;
import vn.langnghe.contracts.events.OpinionNature;
import vn.langnghe.contracts.events.OpinionRecorded;
import vn.langnghe.contracts.events.ParticipantGroup;
import vn.langnghe.contracts.events.SessionKind;
import vn.langnghe.contracts.events.SubmissionClassified;
import vn.langnghe.contracts.events.SubmissionKind;
import vn.langnghe.contracts.events.Track;
import vn.langnghe.reporting.Feed.Stream;
import vn.langnghe.reporting.projection.Projections;
import vn.langnghe.testsupport.prism.ContractCheck;
import vn.langnghe.testsupport.quarkus.PostgresKafkaResource;
import vn.langnghe.testsupport.quarkus.PrismContractResource;
import vn.langnghe.testsupport.tokens.Tokens;

/** Accent-insensitive search over public summaries, never denunciations or crime reports. */
@QuarkusTest
@QuarkusTestResource(PostgresKafkaResource.class)
@QuarkusTestResource(PrismContractResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchTest {

    static final String WARD = "HP-LECHAN-DUHANGKENH";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String servers;

    @Inject
    DataSource dataSource;

    @Inject
    Projections projections;

    @BeforeAll
    void feed() {
        Feed feed = new Feed(servers);
        Stream forum = feed.scheduled(SessionKind.FORUM, "HP", WARD, "2020-06-01");
        UUID praise = UUID.randomUUID();
        UUID upper = UUID.randomUUID();
        UUID escalated = UUID.randomUUID();
        forum.add(new ForumOpened(forum.id, Feed.attendance(80), at("2020-06-02")))
                .add(opinion(forum, praise, "LOAN_SHARKS", "Người dân phản ánh tình trạng tín dụng đen ở tổ 5"))
                .add(opinion(forum, upper, "LOAN_SHARKS", "ĐƯỜNG DÂY TÍN DỤNG ĐEN hoạt động gần chợ"))
                .add(opinion(forum, escalated, "LOAN_SHARKS", "Cán bộ bao che tín dụng đen"))
                .add(new OpinionEscalated(escalated, forum.id, SubmissionKind.DENUNCIATION, "LOAN_SHARKS", List.of(),
                        WARD, null, "Tố cáo cán bộ bao che tín dụng đen", at("2020-06-02")));
        feed.received(SubmissionKind.PETITION, Channel.HOTLINE, WARD, "2020-06-03", "LOAN_SHARKS",
                "Đề nghị xử lý tín dụng đen cho vay nặng lãi");
        feed.received(SubmissionKind.DENUNCIATION, Channel.MAIL, WARD, "2020-06-04", "LOAN_SHARKS",
                "Tố cáo tín dụng đen có cán bộ tiếp tay");
        feed.received(SubmissionKind.CRIME_REPORT, Channel.HOTLINE, WARD, "2020-06-05", "LOAN_SHARKS",
                "Tố giác tín dụng đen đòi nợ");
        // a petition reclassified as a denunciation: never searchable again
        Stream moved = feed.received(SubmissionKind.PETITION, Channel.MAIL, WARD, "2020-06-06", "LOAN_SHARKS",
                "Phản ánh tín dụng đen lúc đầu");
        moved.add(new SubmissionClassified(moved.id, SubmissionKind.DENUNCIATION, "LOAN_SHARKS", List.of(), WARD,
                "Tố cáo tín dụng đen sau phân loại", false, Track.STANDARD, at("2020-06-07")));
        feed.send();
        feed.awaitApplied(dataSource, projections);
    }

    private static OpinionRecorded opinion(Stream forum, UUID id, String topic, String summary) {
        return new OpinionRecorded(forum.id, id, ParticipantGroup.RESIDENTIAL_GROUP, null, topic, List.of(),
                OpinionNature.REQUEST, summary, at("2020-06-02"));
    }

    private static JsonPath search(String q, String... more) {
        var request = given().auth().oauth2(Tokens.shared().analyst("HP")).queryParam("q", q)
                .queryParam("unit", WARD).queryParam("from", "2020-01-01").queryParam("to", "2020-12-31");
        for (int i = 0; i < more.length; i += 2) {
            request = request.queryParam(more[i], more[i + 1]);
        }
        return request.get("/api/v1/search").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void withoutAccents_findsTheVietnameseText_inOpinionsAndSubmissions() {
        List<String> found = search("tin dung den").getList("items.summary");
        assertThat(found).containsExactlyInAnyOrder(
                "Người dân phản ánh tình trạng tín dụng đen ở tổ 5",
                "ĐƯỜNG DÂY TÍN DỤNG ĐEN hoạt động gần chợ",
                "Đề nghị xử lý tín dụng đen cho vay nặng lãi");
        assertThat(search("TÍN DỤNG ĐEN").getList("items")).hasSize(3);
        assertThat(search("đuong day").getList("items.summary"))
                .containsExactly("ĐƯỜNG DÂY TÍN DỤNG ĐEN hoạt động gần chợ");
        assertThat(search("duong day").getList("items")).hasSize(1);
    }

    @Test
    void neverDenunciationsOrCrimeReports_norTheirText_evenStored() {
        assertThat(search("to cao").getList("items")).isEmpty();
        assertThat(search("bao che").getList("items")).isEmpty();
        assertThat(search("to giac").getList("items")).isEmpty();
        assertThat(search("sau phan loai").getList("items")).isEmpty();
        assertThat(search("luc dau").getList("items")).isEmpty();
        String intake = projections.activeSchema("intake");
        String forums = projections.activeSchema("forums");
        assertThat(Feed.count(dataSource, "SELECT count(*) FROM " + intake + ".intake_submissions"
                + " WHERE public_summary LIKE '%Tố%' OR public_summary LIKE '%lúc đầu%'")).isZero();
        assertThat(Feed.count(dataSource, "SELECT count(*) FROM " + forums + ".forum_opinions"
                + " WHERE public_summary LIKE '%bao che%'")).isZero();
        given().auth().oauth2(Tokens.shared().analyst("HP")).queryParam("q", "tin dung").queryParam("kind",
                "DENUNCIATION").get("/api/v1/search").then().statusCode(400);
    }

    /**
     * Found by the hostile-input properties: a limit that was no number was answered 404, JAX-RS's answer to an
     * Integer query parameter it cannot convert; and an empty projection name listed the projections instead.
     */
    @Test
    void aLimitThatIsNoNumber_isA400NamingIt_andAnEmptyPathSegmentNamesNoResource() {
        given().filter(ContractCheck.invalidRequestOnPurpose()).auth().oauth2(Tokens.shared().analyst("HP"))
                .queryParam("q", "tin dung").queryParam("limit", "ﴠㆡ撜").get("/api/v1/search")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("limit"));
        given().filter(ContractCheck.invalidRequestOnPurpose()).auth().oauth2(Tokens.shared().admin())
                .get("/api/v1/admin/projections/").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void filters_andCursorPagination() {
        assertThat(search("tin dung den", "source", "submissions").getList("items.source")).containsExactly("SUBMISSION");
        assertThat(search("tin dung den", "kind", "PETITION").getList("items")).hasSize(1);
        assertThat(search("tin dung den", "topic", "DRUGS").getList("items")).isEmpty();
        JsonPath first = search("tin dung den", "limit", "2");
        assertThat(first.getList("items")).hasSize(2);
        JsonPath second = search("tin dung den", "limit", "2", "cursor", first.getString("nextCursor"));
        assertThat(second.getList("items")).hasSize(1);
        assertThat(second.getString("nextCursor")).isNull();
        assertThat(first.getString("items[0].date")).isEqualTo("2020-06-03");
        given().auth().oauth2(Tokens.shared().analyst("HN")).queryParam("q", "tin dung").queryParam("unit", WARD)
                .get("/api/v1/search").then().statusCode(403);
        given().auth().oauth2(Tokens.shared().analyst("HP")).queryParam("q", "x")
                .get("/api/v1/search").then().statusCode(400);
    }
}
