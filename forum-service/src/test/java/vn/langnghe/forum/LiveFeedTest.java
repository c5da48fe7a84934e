package vn.langnghe.forum;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.langnghe.testsupport.quarkus.PostgresKafkaResource;
import vn.langnghe.testsupport.quarkus.PrismContractResource;
import vn.langnghe.testsupport.tokens.Tokens;

/**
 * The live feed in one instance: 3 concurrent recorders, 300 opinions, a subscriber that leaves and resumes.
 * {@code LiveFeedIT} runs the same with one recorder going through a second running instance.
 */
@QuarkusTest
@QuarkusTestResource(PostgresKafkaResource.class)
@QuarkusTestResource(PrismContractResource.class)
class LiveFeedTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void aSubscriber_seesAll300OpinionsOnce_inStoredOrder_acrossADisconnect() throws Exception {
        new LiveFeedScenario(base.toString(), base.toString(), Forums.organiser()).run();
    }

    @Test
    void aTicket_opensOnlyItsForumsFeed_andAForgedOrForeignOneIsRefused() throws Exception {
        UUID forum = Forums.openForum();
        UUID other = Forums.openForum();
        String ticket = given().auth().oauth2(Forums.organiser()).post(Forums.F + "/" + forum + "/live-ticket")
                .then().statusCode(200).extract().path("ticket");
        assertThat(status(forum, "?ticket=" + ticket)).isEqualTo(200);
        assertThat(status(other, "?ticket=" + ticket)).isEqualTo(401);
        assertThat(status(forum, "?ticket=" + ticket.substring(0, ticket.length() - 3) + "AAA")).isEqualTo(401);
        assertThat(status(forum, "?ticket=" + Tokens.shared().organiser(Forums.CITY))).isEqualTo(401);
        assertThat(status(forum, "")).isEqualTo(401);
        given().auth().oauth2(Tokens.shared().organiser(Forums.OTHER_CITY))
                .post(Forums.F + "/" + forum + "/live-ticket").then().statusCode(404);
    }

    /** Found by the hostile-input properties: the problem named the header even when the query parameter was wrong. */
    @Test
    void aMalformedLastEventId_isRefused_namingTheParameterTheCallerUsed() {
        UUID forum = Forums.openForum();
        given().auth().oauth2(Forums.organiser()).queryParam("lastEventId", "NaN")
                .get(Forums.F + "/" + forum + "/live")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("lastEventId"));
        given().auth().oauth2(Forums.organiser()).header("Last-Event-ID", "-1")
                .get(Forums.F + "/" + forum + "/live")
                .then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("Last-Event-ID"));
    }

    private int status(UUID forum, String query) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(Forums.F + "/" + forum + "/live" + query))
                .header("Accept", "text/event-stream").build();
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            return response.statusCode();
        }
    }
}
