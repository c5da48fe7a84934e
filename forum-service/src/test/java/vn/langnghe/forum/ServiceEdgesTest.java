package vn.langnghe.forum;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.langnghe.testsupport.quarkus.PostgresKafkaResource;
import vn.langnghe.testsupport.quarkus.PrismContractResource;
import vn.langnghe.testsupport.tokens.Tokens;

/** Health, OpenAPI, metrics and token checks on forum-service. */
@QuarkusTest
@QuarkusTestResource(PostgresKafkaResource.class)
@QuarkusTestResource(PrismContractResource.class)
class ServiceEdgesTest {

    @Test
    void operationsEndpoints_answer() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("forum-service"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("langnghe_relay_published_position"),
                containsString("langnghe_group_commit_batches_total"), containsString("langnghe_group_commit_batch_size_mean"));
    }

    @Test
    void anOrganiserToken_readsTheTopicTaxonomy_andNoTokenIsRefused() {
        given().get("/api/v1/reference/topics").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.shared().organiser("HP-NGOQUYEN"))
                .get("/api/v1/reference/topics")
                .then().statusCode(200)
                .body("topics.code", hasItem("SCHOOL_GATE_CONGESTION"));
    }
}
