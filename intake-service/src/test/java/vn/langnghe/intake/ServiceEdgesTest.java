package vn.langnghe.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.langnghe.testsupport.quarkus.PostgresKafkaResource;
import vn.langnghe.testsupport.quarkus.PrismContractResource;
import vn.langnghe.testsupport.tokens.TokenSpec;
import vn.langnghe.testsupport.tokens.Tokens;

/** Health, OpenAPI, metrics, and real token checks on intake-service. */
@QuarkusTest
@QuarkusTestResource(PostgresKafkaResource.class)
@QuarkusTestResource(PrismContractResource.class)
class ServiceEdgesTest {

    @Test
    void operationsEndpoints_answer() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200).body("checks.name", hasItem("event-flow"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("intake-service"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("langnghe_relay_published_position"),
                containsString("langnghe_group_commit_batches_total"), containsString("langnghe_group_commit_batch_size_mean"));
    }

    @Test
    void withoutAToken_theApiAnswers401AsProblemJson() {
        given().get("/api/v1/reference/topics")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
    }

    @Test
    void forgedAndExpiredTokens_areRefused() {
        given().auth().oauth2(Tokens.shared().forged(TokenSpec.officer("HP-LECHAN")))
                .get("/api/v1/reference/topics").then().statusCode(401);
        given().auth().oauth2(Tokens.shared().expired(TokenSpec.officer("HP-LECHAN")))
                .get("/api/v1/reference/topics").then().statusCode(401);
    }

    @Test
    void aSignedToken_readsTheSharedTopicTaxonomy() {
        given().auth().oauth2(Tokens.shared().officer("HP-LECHAN"))
                .get("/api/v1/reference/topics")
                .then().statusCode(200)
                .body("topics", hasSize(19))
                .body("topics.code", hasItem("LOAN_SHARKS"));
    }

    @Test
    void unitsAsOfADate_followTheTreeOfThatDate_andABadDateNamesTheField() {
        given().auth().oauth2(Tokens.shared().officer("HP-LECHAN"))
                .queryParam("asOf", "2019-06-30")
                .get("/api/v1/reference/units")
                .then().statusCode(200)
                .body("units.code", hasItem("HP-LECHAN"));
        given().auth().oauth2(Tokens.shared().officer("HP-LECHAN"))
                .queryParam("asOf", "30/06/2019")
                .get("/api/v1/reference/units")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("asOf"));
    }
}
