package vn.langnghe.forum;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.langnghe.testsupport.prism.ContractCheck;
import vn.langnghe.testsupport.tokens.Tokens;

/** Requests the forum tests share: a forum at phường An Dương hosted by the Hải Phòng city police. */
final class Forums {

    static final String CITY = "HP";
    static final String WARD = "HP-LECHAN-ANDUONG";
    static final String OTHER_CITY = "HN";
    static final String F = "/api/v1/forums";
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    static {
        io.restassured.RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private Forums() {}

    static LocalDate today() {
        return LocalDate.now(VIETNAM);
    }

    static String organiser() {
        return Tokens.shared().organiser(CITY);
    }

    static String officer() {
        return Tokens.shared().officer(CITY);
    }

    static RequestSpecification as(String token) {
        RequestSpecification request = given();
        return token == null ? request : request.auth().oauth2(token);
    }

    static Map<String, Object> scheduleBody(UUID id, LocalDate day) {
        Map<String, Object> body = new HashMap<>();
        if (id != null) {
            body.put("id", id.toString());
        }
        body.put("sessionKind", "FORUM");
        body.put("hostUnitId", CITY);
        body.put("venueUnitId", WARD);
        body.put("venueName", "Hội trường UBND phường An Dương");
        body.put("startsAt", day + "T08:00:00");
        body.put("delegationHead", Map.of("unitId", CITY, "title", "Phó Giám đốc Công an thành phố"));
        body.put("invitedGroups", List.of("RESIDENTIAL_GROUP", "CITIZEN_REPRESENTATIVE"));
        return body;
    }

    static ValidatableResponse schedule(String token, Object body) {
        return as(token).contentType(ContentType.JSON).body(body).post(F).then();
    }

    /** A forum scheduled and opened today: version 2. */
    static UUID openForum() {
        UUID id = UUID.randomUUID();
        schedule(organiser(), scheduleBody(id, today())).statusCode(201);
        post(organiser(), id, "open", "\"1\"", Map.of("attendanceByGroup",
                List.of(Map.of("group", "RESIDENTIAL_GROUP", "count", 40)))).statusCode(200);
        return id;
    }

    static ValidatableResponse post(String token, UUID forum, String action, String ifMatch, Object body) {
        RequestSpecification request = as(token).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.post(F + "/" + forum + "/" + action).then();
    }

    static Map<String, Object> opinionBody(UUID opinionId, String summary) {
        Map<String, Object> body = new HashMap<>();
        body.put("opinionId", opinionId.toString());
        body.put("speakerGroup", "RESIDENTIAL_GROUP");
        body.put("topic", "TRAFFIC_SAFETY");
        body.put("tags", List.of("SCHOOL_GATE_CONGESTION"));
        body.put("nature", "REQUEST");
        body.put("publicSummary", summary);
        return body;
    }

    static ValidatableResponse record(String token, UUID forum, Object body) {
        return as(token).contentType(ContentType.JSON).body(body).post(F + "/" + forum + "/opinions").then();
    }

    /** A body that breaks the published schema on purpose: the contract check forgives the request, not the answer. */
    static ValidatableResponse recordInvalid(String token, UUID forum, Object body) {
        return as(token).filter(ContractCheck.invalidRequestOnPurpose()).contentType(ContentType.JSON).body(body)
                .post(F + "/" + forum + "/opinions").then();
    }

    static ValidatableResponse onOpinion(String token, UUID forum, UUID opinion, String action, Object body) {
        return as(token).contentType(ContentType.JSON).body(body)
                .post(F + "/" + forum + "/opinions/" + opinion + "/" + action).then();
    }

    static Map<String, Object> answerBody(String summary) {
        return Map.of("answeredByUnitId", CITY, "answeredByTitle", "Phó Giám đốc Công an thành phố",
                "answerSummary", summary);
    }
}
