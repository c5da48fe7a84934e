package vn.langnghe.intake.open311;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.xml.XmlPath;
import io.restassured.path.xml.element.Node;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import vn.langnghe.testsupport.quarkus.PostgresKafkaResource;
import vn.langnghe.testsupport.quarkus.PrismContractResource;
import vn.langnghe.testsupport.tokens.Tokens;

/**
 * The Open311 GeoReport v2 facade as FixMyStreet's Open311 client uses it (post a request, look its token up,
 * poll its status), in XML and in JSON, checked against the field names of the spec
 * (https://wiki.open311.org/GeoReport_v2).
 */
@QuarkusTest
@QuarkusTestResource(PostgresKafkaResource.class)
@QuarkusTestResource(PrismContractResource.class)
class Open311FacadeTest {

    static final String WARD = "HP-LECHAN-ANDUONG";
    static final String O = "/open311/v2";
    static final String CITIZEN_TEXT = "Có người bán ma túy trước cổng trường vào buổi tối";
    static final String ADDRESS = "Ngõ 5 phố Tô Hiệu, Lê Chân";

    /** The fields GeoReport v2 lists for GET Service Requests (plus token, which this facade adds). */
    static final List<String> REQUEST_FIELDS = List.of("service_request_id", "status", "status_notes", "service_name",
            "service_code", "description", "agency_responsible", "service_notice", "requested_datetime",
            "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url");
    static final List<String> SERVICE_FIELDS = List.of("service_code", "service_name", "description", "metadata",
            "type", "keywords", "group");
    static final List<String> ATTRIBUTE_FIELDS = List.of("variable", "code", "datatype", "required",
            "datatype_description", "order", "description", "values");

    static {
        io.restassured.RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Inject
    DataSource dataSource;

    static String portal(String client) {
        return Tokens.shared().partner(client);
    }

    /** A form as FixMyStreet's Open311 client sends it (its api_key replaced by the bearer token). */
    static Map<String, String> fmsForm(String serviceCode) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("api_key", "unused");
        form.put("jurisdiction_id", WARD);
        form.put("service_code", serviceCode);
        form.put("lat", "20.844912");
        form.put("long", "106.688084");
        form.put("address_string", ADDRESS);
        form.put("description", CITIZEN_TEXT);
        form.put("email", "nguyen.van.a.open311@example.vn");
        form.put("first_name", "Nguyễn Văn");
        form.put("last_name", "An");
        form.put("phone", "0912 000 311");
        form.put("media_url", "https://fms.example.vn/photo/1.jpeg");
        form.put("attribute[report_anonymously]", "false");
        form.put("attribute[fixmystreet_id]", Long.toString(System.nanoTime()));
        return form;
    }

    static Response post(String token, String format, Map<String, String> form) {
        RequestSpecification request = given().auth().oauth2(token)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8");
        form.forEach(request::formParam);
        return request.post(O + "/requests." + format);
    }

    /** Found by the hostile-input properties: a jurisdiction no unit ever had answered 500. */
    @Test
    void theServiceList_ofAnUnknownJurisdiction_isA400NamingIt() {
        for (String path : List.of("/services.json", "/services/TIP-DRUGS.json")) {
            Response answer = given().auth().oauth2(portal("o311-list")).queryParam("jurisdiction_id", "NaN")
                    .get(O + path);
            assertThat(answer.statusCode()).as(path).isEqualTo(400);
            assertThat(answer.jsonPath().getString("[0].description")).startsWith("jurisdiction_id: ");
        }
    }

    /**
     * Found by the hostile-input properties, which check every answer against the published document through Prism:
     * the facade's error lists, its XML and its form fields were not in it (the form was one string).
     */
    @Test
    void thePublishedDocument_describesTheFacadesErrorsXmlAndForm() {
        JsonPath document = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        String post = "paths.'/open311/v2/requests.{format}'.post";
        assertThat(document.getMap(post + ".responses").keySet())
                .contains("200", "400", "401", "403", "404", "409", "413", "415", "422", "500", "503");
        assertThat(document.getString(post + ".responses.'422'.content.'application/json'.schema.'$ref'"))
                .isEqualTo("#/components/schemas/GeoReportErrors");
        assertThat(document.getMap(post + ".responses.'200'.content").keySet())
                .contains("application/json", "text/xml");
        assertThat(document.getMap(post + ".requestBody.content.'application/x-www-form-urlencoded'.schema.properties")
                .keySet()).contains("service_code", "jurisdiction_id", "lat", "long", "description");
        assertThat(document.getMap("paths.'/open311/v2/tokens/{token}.{format}'.get.responses").keySet())
                .contains("200", "400", "401", "403", "404", "500", "503").doesNotContain("422", "413");
    }

    @Test
    void theServiceList_offersTipsAndPetitionsOnly_inJsonAndXml() {
        JsonPath json = given().auth().oauth2(portal("o311-list")).get(O + "/services.json")
                .then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
        List<Map<String, Object>> services = json.getList("$");
        assertThat(services).isNotEmpty();
        for (Map<String, Object> service : services) {
            assertThat(service).containsKeys(SERVICE_FIELDS.toArray(String[]::new));
            assertThat((String) service.get("service_code")).matches("(TIP|PETITION)-[A-Z_]+");
        }
        List<String> codes = json.getList("service_code");
        assertThat(codes).contains("TIP-DRUGS", "TIP-THEFT", "PETITION-SCHOOL_GATE_CONGESTION",
                "PETITION-SIDEWALK_ORDER", "TIP-LOAN_SHARKS", "PETITION-POLLUTION");
        assertThat(codes).noneMatch(c -> c.startsWith("COMPLAINT") || c.startsWith("DENUNCIATION")
                || c.startsWith("CRIME_REPORT"));

        XmlPath xml = given().auth().oauth2(portal("o311-list")).get(O + "/services.xml")
                .then().statusCode(200).contentType(ContentType.XML).extract().xmlPath();
        assertThat(xml.getList("services.service.service_code")).isEqualTo(codes);
        Node first = xml.getNode("services").children().get(0);
        assertThat(first.name()).isEqualTo("service");
        assertThat(first.children().list().stream().map(Node::name).toList()).containsAll(SERVICE_FIELDS);

        XmlPath definition = given().auth().oauth2(portal("o311-list")).get(O + "/services/TIP-DRUGS.xml")
                .then().statusCode(200).extract().xmlPath();
        assertThat(definition.getString("service_definition.service_code")).isEqualTo("TIP-DRUGS");
        Node attribute = definition.getNode("service_definition").getNode("attributes").getNode("attribute");
        assertThat(attribute.children().list().stream().map(Node::name).toList()).containsAll(ATTRIBUTE_FIELDS);
        assertThat(definition.getList("service_definition.attributes.attribute.values.value.key"))
                .containsExactly("false", "true");
        given().auth().oauth2(portal("o311-list")).get(O + "/services/PETITION-TRAFFIC_SAFETY.json")
                .then().statusCode(200).body("service_code", equalTo("PETITION-TRAFFIC_SAFETY"))
                .body("attributes[0].code", equalTo("report_anonymously"));
        // a sensitive kind is no service at all
        given().auth().oauth2(portal("o311-list")).get(O + "/services/COMPLAINT-ADMIN_PROCEDURES.xml")
                .then().statusCode(404).contentType(ContentType.XML)
                .body("errors.error.code", equalTo("404"));
    }

    @Test
    void fixMyStreetsSequence_inXml_postThenTokenThenPoll() throws Exception {
        String token = portal("fms-xml");
        Map<String, String> form = fmsForm("TIP-DRUGS");
        Response created = post(token, "xml", form);
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(200);
        assertThat(created.contentType()).startsWith("text/xml");
        XmlPath answer = created.xmlPath();
        assertThat(answer.getNode("service_requests").children().get(0).name()).isEqualTo("request");
        assertThat(answer.getNode("service_requests").getNode("request").children().list().stream().map(Node::name)
                .toList()).containsExactly("service_request_id", "token", "service_notice", "account_id");
        String requestToken = answer.getString("service_requests.request.token");
        String id = answer.getString("service_requests.request.service_request_id");
        assertThat(requestToken).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");

        // FixMyStreet resends when it saw no answer: the same form again is the same request
        assertThat(post(token, "xml", form).xmlPath().getString("service_requests.request.service_request_id"))
                .isEqualTo(id);

        XmlPath byToken = given().auth().oauth2(token).get(O + "/tokens/" + requestToken + ".xml")
                .then().statusCode(200).extract().xmlPath();
        assertThat(byToken.getString("service_requests.request.service_request_id")).isEqualTo(id);
        assertThat(byToken.getString("service_requests.request.token")).isEqualTo(requestToken);

        Response polled = given().auth().oauth2(token).get(O + "/requests/" + id + ".xml");
        assertThat(polled.statusCode()).isEqualTo(200);
        Node request = polled.xmlPath().getNode("service_requests").getNode("request");
        assertThat(request.children().list().stream().map(Node::name).toList()).containsAll(REQUEST_FIELDS);
        assertThat(request.getNode("service_request_id").value()).isEqualTo(id);
        assertThat(request.getNode("status").value()).isEqualTo("open");
        assertThat(request.getNode("service_code").value()).isEqualTo("TIP-DRUGS");
        assertThat(request.getNode("service_name").value()).contains("ma túy");
        assertThat(request.getNode("agency_responsible").value()).isEqualTo("Công an phường An Dương");
        assertThat(request.getNode("lat").value()).isEqualTo("20.844912");
        assertThat(request.getNode("long").value()).isEqualTo("106.688084");
        assertThat(OffsetDateTime.parse(request.getNode("requested_datetime").value())).isNotNull();
        assertThat(OffsetDateTime.parse(request.getNode("updated_datetime").value())).isNotNull();
        assertThat(request.getNode("description").value()).as("no public summary before classification").isNullOrEmpty();
        assertNoCitizenData(polled.asString());

        // the officer classifies: the public summary is what the portal shows, the status moves on
        classify(id, "TIP", "Phản ánh về ma túy gần trường học");
        polled = given().auth().oauth2(token).get(O + "/requests.xml?service_request_id=" + id);
        request = polled.xmlPath().getNode("service_requests").getNode("request");
        assertThat(request.getNode("description").value()).isEqualTo("Phản ánh về ma túy gần trường học");
        assertThat(request.getNode("status_notes").value()).contains("classified");
        assertNoCitizenData(polled.asString());

        // the citizen's identity went to the vault exactly like a native submission's
        given().auth().oauth2(Tokens.shared().officer("HP")).queryParam("purpose", "open311 test")
                .get("/api/v1/submissions/" + id + "/reporter")
                .then().statusCode(200).body("fullName", equalTo("Nguyễn Văn An"))
                .body("email", equalTo("nguyen.van.a.open311@example.vn")).body("phone", equalTo("0912 000 311"));
        given().auth().oauth2(Tokens.shared().officer("HP")).queryParam("purpose", "open311 test")
                .get("/api/v1/submissions/" + id + "/texts")
                .then().statusCode(200).body("texts.DESCRIPTION", org.hamcrest.Matchers.containsString(CITIZEN_TEXT))
                .body("texts.DESCRIPTION", org.hamcrest.Matchers.containsString(ADDRESS));
    }

    @Test
    void fixMyStreetsSequence_inJson_andAPetitionAnsweredIsClosed() {
        String token = portal("fms-json");
        Response created = post(token, "json", fmsForm("PETITION-SCHOOL_GATE_CONGESTION"));
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(200);
        List<Map<String, Object>> answer = created.jsonPath().getList("$");
        assertThat(answer).hasSize(1);
        assertThat(answer.getFirst()).containsOnlyKeys("service_request_id", "token", "service_notice", "account_id");
        String requestToken = (String) answer.getFirst().get("token");
        String id = given().auth().oauth2(token).get(O + "/tokens/" + requestToken + ".json")
                .then().statusCode(200).extract().path("[0].service_request_id");
        assertThat(id).isEqualTo(answer.getFirst().get("service_request_id"));

        Map<String, Object> request = given().auth().oauth2(token).get(O + "/requests/" + id + ".json")
                .then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath().getMap("[0]");
        assertThat(request).containsKeys(REQUEST_FIELDS.toArray(String[]::new));
        assertThat(request.get("status")).isEqualTo("open");
        assertThat(request.get("expected_datetime")).as("a petition has a legal deadline from receipt").isNotNull();
        assertThat(OffsetDateTime.parse((String) request.get("expected_datetime")).getOffset().getId())
                .isEqualTo("+07:00");

        classify(id, "PETITION", "Ùn tắc cổng trường giờ tan học");
        String officer = Tokens.shared().officer("HP");
        given().auth().oauth2(officer).contentType(ContentType.JSON).header("If-Match", "\"2\"")
                .body(Map.of("answerSummary", "Đã bố trí lực lượng phân luồng giờ tan học"))
                .post("/api/v1/submissions/" + id + "/answer").then().statusCode(200);
        given().auth().oauth2(token).get(O + "/requests/" + id + ".json")
                .then().statusCode(200).body("[0].status", equalTo("closed"))
                .body("[0].expected_datetime", equalTo(null))
                .body("[0].status_notes", org.hamcrest.Matchers.containsString("answered"));
        given().auth().oauth2(token).queryParam("status", "closed").get(O + "/requests.json")
                .then().statusCode(200).body("service_request_id", org.hamcrest.Matchers.hasItem(id));
        given().auth().oauth2(token).queryParam("status", "open").get(O + "/requests.json")
                .then().statusCode(200).body("service_request_id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(id)));
    }

    @Test
    void sensitiveKinds_areRefused_andLeaveTheFacadeWhenReclassified() throws Exception {
        String token = portal("o311-sensitive");
        long before = count("events");
        for (String code : List.of("COMPLAINT-ADMIN_PROCEDURES", "DENUNCIATION-REPORT_HANDLING", "CRIME_REPORT-DRUGS")) {
            Response refused = post(token, "xml", fmsForm(code));
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("text/xml");
            assertThat(refused.xmlPath().getString("errors.error.code")).isEqualTo("400");
            assertThat(refused.xmlPath().getString("errors.error.description")).startsWith("service_code: ");
        }
        Response json = post(token, "json", fmsForm("COMPLAINT-ADMIN_PROCEDURES"));
        assertThat(json.statusCode()).isEqualTo(400);
        assertThat(json.jsonPath().getList("$")).hasSize(1);
        assertThat(json.jsonPath().getInt("[0].code")).isEqualTo(400);
        assertThat(count("events")).as("nothing stored").isEqualTo(before);

        // a tip an officer finds to be a crime report leaves the facade
        String id = post(token, "json", fmsForm("TIP-THEFT")).jsonPath().getString("[0].service_request_id");
        classify(id, "CRIME_REPORT", "Tố giác trộm cắp");
        given().auth().oauth2(token).get(O + "/requests/" + id + ".json").then().statusCode(404)
                .body("[0].code", equalTo(404));
        given().auth().oauth2(token).get(O + "/requests.json").then().statusCode(200)
                .body("service_request_id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(id)));
        // and a complaint a portal filed natively is never listed here
        String complaint = given().auth().oauth2(token).contentType(ContentType.JSON)
                .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .body(Map.of("kind", "COMPLAINT", "unitId", WARD)).post("/api/v1/submissions")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(token).get(O + "/requests/" + complaint + ".json").then().statusCode(404);
    }

    @Test
    void getRequests_listsOnlyTheCallersOwn() {
        String mine = portal("o311-mine");
        String theirs = portal("o311-theirs");
        String myId = post(mine, "json", fmsForm("TIP-DRUGS")).jsonPath().getString("[0].service_request_id");
        Response other = post(theirs, "json", fmsForm("TIP-DRUGS"));
        String theirId = other.jsonPath().getString("[0].service_request_id");
        String theirToken = other.jsonPath().getString("[0].token");

        List<String> listed = given().auth().oauth2(mine).get(O + "/requests.json").then().statusCode(200)
                .extract().jsonPath().getList("service_request_id");
        assertThat(listed).contains(myId).doesNotContain(theirId);
        XmlPath xml = given().auth().oauth2(mine).get(O + "/requests.xml").then().statusCode(200).extract().xmlPath();
        assertThat(xml.getList("service_requests.request.service_request_id")).contains(myId).doesNotContain(theirId);
        assertThat(given().auth().oauth2(mine).queryParam("service_request_id", myId + "," + theirId)
                .get(O + "/requests.json").jsonPath().getList("service_request_id", String.class))
                .containsExactly(myId);
        given().auth().oauth2(mine).get(O + "/requests/" + theirId + ".json").then().statusCode(404);
        given().auth().oauth2(mine).get(O + "/tokens/" + theirToken + ".xml").then().statusCode(404)
                .body("errors.error.code", equalTo("404"));
        // filters: service code and a date window
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        assertThat(given().auth().oauth2(mine).queryParam("service_code", "PETITION-POLLUTION")
                .get(O + "/requests.json").jsonPath().getList("$")).isEmpty();
        assertThat(given().auth().oauth2(mine).queryParam("start_date", today + "T00:00:00+07:00")
                .queryParam("end_date", today + "T23:59:59+07:00").get(O + "/requests.json").jsonPath()
                .getList("service_request_id", String.class)).contains(myId);
    }

    @Test
    void errors_areGeoReportErrorLists_notProblemJson() {
        Response unauthenticated = given().get(O + "/requests.json");
        assertThat(unauthenticated.statusCode()).isEqualTo(401);
        assertThat(unauthenticated.jsonPath().getInt("[0].code")).isEqualTo(401);
        Response officer = given().auth().oauth2(Tokens.shared().officer("HP")).get(O + "/requests.xml");
        assertThat(officer.statusCode()).isEqualTo(403);
        assertThat(officer.xmlPath().getString("errors.error.code")).isEqualTo("403");
        Map<String, String> noUnit = fmsForm("TIP-DRUGS");
        noUnit.remove("jurisdiction_id");
        Response missing = post(portal("o311-errors"), "xml", noUnit);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.xmlPath().getString("errors.error.description")).startsWith("jurisdiction_id: ");
        Map<String, String> nowhere = fmsForm("TIP-DRUGS");
        nowhere.put("jurisdiction_id", "NOWHERE");
        Response unknown = post(portal("o311-errors"), "json", nowhere);
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.jsonPath().getString("[0].description")).startsWith("jurisdiction_id: ");
        Map<String, String> noPlace = fmsForm("TIP-DRUGS");
        noPlace.remove("lat");
        noPlace.remove("long");
        noPlace.remove("address_string");
        assertThat(post(portal("o311-errors"), "json", noPlace).statusCode()).isEqualTo(400);
        // anonymous on request: the names are dropped
        Map<String, String> anonymous = fmsForm("TIP-DRUGS");
        anonymous.put("attribute[report_anonymously]", "true");
        String id = post(portal("o311-errors"), "json", anonymous).jsonPath().getString("[0].service_request_id");
        given().auth().oauth2(portal("o311-errors")).get("/api/v1/submissions/" + id).then().statusCode(200)
                .body("identified", equalTo(false)).body("channel", equalTo("PARTNER_PORTAL"));
    }

    // ------------------------------------------------------------------ helpers

    private static void classify(String id, String kind, String summary) {
        String officer = Tokens.shared().officer("HP");
        String topic = switch (kind) {
            case "PETITION" -> "SCHOOL_GATE_CONGESTION";
            case "CRIME_REPORT" -> "THEFT";
            default -> "DRUGS";
        };
        given().auth().oauth2(officer).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("kind", kind, "topic", topic, "tags", List.of(), "unitId", WARD, "publicSummary", summary))
                .post("/api/v1/submissions/" + id + "/classify").then().statusCode(200);
    }

    private static void assertNoCitizenData(String body) {
        assertThat(body).doesNotContain(CITIZEN_TEXT, ADDRESS, "Nguyễn Văn", "nguyen.van.a.open311", "0912 000 311",
                "photo/1.jpeg");
    }

    private long count(String table) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
