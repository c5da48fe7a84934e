package vn.langnghe.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import vn.langnghe.testsupport.quarkus.PostgresKafkaResource;
import vn.langnghe.testsupport.quarkus.PrismContractResource;
import vn.langnghe.testsupport.tokens.TokenSpec;
import vn.langnghe.testsupport.tokens.Tokens;

/**
 * Every operation of the OpenAPI document under {@code /api/} × every kind of caller, with real signed tokens.
 * An analyst may ask for their own unit's subtree only (HP's analyst asks about HP: 200; HN's: 403); officers,
 * organisers and partners never see reports (403); no, expired or forged tokens: 401.
 */
@QuarkusTest
@QuarkusTestResource(PostgresKafkaResource.class)
@QuarkusTestResource(PrismContractResource.class)
class AuthorizationMatrixTest {

    static final String MATRIX = """
            operation                                          analystHP analystHN officer organiser partner admin none expired forged
            GET  /api/v1/reference/topics                          200       200       200     200       200     200   401  401     401
            GET  /api/v1/reference/units                           200       200       200     200       200     200   401  401     401
            GET  /api/v1/reports/event-flow                        200       200       403     403       403     200   401  401     401
            GET  /api/v1/reports/intake                            200       403       403     403       403     200   401  401     401
            GET  /api/v1/reports/forums                            200       403       403     403       403     200   401  401     401
            GET  /api/v1/reports/topics/trend                      200       403       403     403       403     200   401  401     401
            GET  /api/v1/search                                    200       403       403     403       403     200   401  401     401
            GET  /api/v1/status/consumers                          200       200       403     403       403     200   401  401     401
            GET  /api/v1/admin/projections                         403       403       403     403       403     200   401  401     401
            GET  /api/v1/admin/projections/{name}                  403       403       403     403       403     200   401  401     401
            POST /api/v1/admin/projections/{name}/rebuild          403       403       403     403       403     202   401  401     401
            GET  /api/v1/admin/projections/{name}/rebuild/{id}     403       403       403     403       403     404   401  401     401
            DELETE /api/v1/admin/projections/{name}/rebuild/{id}   403       403       403     403       403     404   401  401     401
            """;

    enum Caller {
        ANALYST_HP("analystHP"), ANALYST_HN("analystHN"), OFFICER("officer"), ORGANISER("organiser"),
        PARTNER("partner"), ADMIN("admin"), NONE("none"), EXPIRED("expired"), FORGED("forged");

        final String column;

        Caller(String column) {
            this.column = column;
        }
    }

    private static Map<Caller, String> tokens() {
        var minter = Tokens.shared();
        TokenSpec everything = TokenSpec.of("matrix-everything", "partner", "officer", "admin", "organiser", "analyst")
                .withUnitId("HP");
        Map<Caller, String> tokens = new EnumMap<>(Caller.class);
        tokens.put(Caller.ANALYST_HP, minter.analyst("HP"));
        tokens.put(Caller.ANALYST_HN, minter.analyst("HN"));
        tokens.put(Caller.OFFICER, minter.officer("HP"));
        tokens.put(Caller.ORGANISER, minter.organiser("HP"));
        tokens.put(Caller.PARTNER, minter.partner("matrix-portal"));
        tokens.put(Caller.ADMIN, minter.admin());
        tokens.put(Caller.EXPIRED, minter.expired(everything));
        tokens.put(Caller.FORGED, minter.forged(everything));
        return tokens;
    }

    private static Map<String, Function<RequestSpecification, Response>> calls() {
        Map<String, Function<RequestSpecification, Response>> calls = new HashMap<>();
        String hp = "HP";
        calls.put("GET /api/v1/reference/topics", r -> r.get("/api/v1/reference/topics"));
        calls.put("GET /api/v1/reference/units", r -> r.get("/api/v1/reference/units"));
        calls.put("GET /api/v1/reports/event-flow", r -> r.queryParam("from", "2019-01-01").queryParam("to", "2019-12-31")
                .get("/api/v1/reports/event-flow"));
        calls.put("GET /api/v1/reports/intake", r -> r.queryParam("unit", hp).queryParam("period", "2022-H1")
                .get("/api/v1/reports/intake"));
        calls.put("GET /api/v1/reports/forums", r -> r.queryParam("unit", hp).queryParam("period", "2022-H1")
                .get("/api/v1/reports/forums"));
        calls.put("GET /api/v1/reports/topics/trend", r -> r.queryParam("unit", hp).queryParam("period", "2022")
                .get("/api/v1/reports/topics/trend"));
        calls.put("GET /api/v1/search", r -> r.queryParam("unit", hp).queryParam("q", "tin dung den")
                .get("/api/v1/search"));
        calls.put("GET /api/v1/status/consumers", r -> r.get("/api/v1/status/consumers"));
        calls.put("GET /api/v1/admin/projections", r -> r.get("/api/v1/admin/projections"));
        calls.put("GET /api/v1/admin/projections/{name}", r -> r.get("/api/v1/admin/projections/flow"));
        calls.put("POST /api/v1/admin/projections/{name}/rebuild", r -> r.post("/api/v1/admin/projections/flow/rebuild"));
        calls.put("GET /api/v1/admin/projections/{name}/rebuild/{id}",
                r -> r.get("/api/v1/admin/projections/flow/rebuild/no-such-rebuild"));
        calls.put("DELETE /api/v1/admin/projections/{name}/rebuild/{id}",
                r -> r.delete("/api/v1/admin/projections/flow/rebuild/no-such-rebuild"));
        return calls;
    }

    @Test
    void everyApiOperationOfTheOpenApiDocument_hasExactlyOneRow() {
        Map<String, Object> paths = given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        Set<String> documented = new TreeSet<>();
        paths.forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                ((Map<String, Object>) item).keySet().stream()
                        .filter(m -> Set.of("get", "put", "post", "delete", "patch").contains(m))
                        .forEach(m -> documented.add(m.toUpperCase() + " " + path));
            }
        });
        assertThat(documented).isEqualTo(new TreeSet<>(rows().keySet()));
        assertThat(new TreeSet<>(calls().keySet())).isEqualTo(new TreeSet<>(rows().keySet()));
    }

    @Test
    void everyCaller_getsWhatTheDesignSays() {
        Map<Caller, String> tokens = tokens();
        Map<String, Function<RequestSpecification, Response>> calls = calls();
        List<String> failures = new ArrayList<>();
        rows().forEach((operation, expected) -> {
            for (Caller caller : Caller.values()) {
                RequestSpecification request = given();
                if (tokens.get(caller) != null) {
                    request = request.auth().oauth2(tokens.get(caller));
                }
                Response response = calls.get(operation).apply(request);
                if (response.statusCode() != expected.get(caller)) {
                    failures.add("%-50s %-10s expected %d, got %d: %s".formatted(operation, caller.column,
                            expected.get(caller), response.statusCode(), response.asString()));
                }
                if (response.statusCode() >= 400) {
                    assertThat(response.contentType()).as(operation + " " + caller).startsWith("application/problem+json");
                }
            }
        });
        assertThat(failures).isEmpty();
    }

    static Map<String, Map<Caller, Integer>> rows() {
        List<String> lines = MATRIX.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        Map<String, Map<Caller, Integer>> rows = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\\s+");
            Map<Caller, Integer> expected = new EnumMap<>(Caller.class);
            for (Caller caller : Caller.values()) {
                expected.put(caller, Integer.valueOf(cells[2 + caller.ordinal()]));
            }
            rows.put(cells[0] + " " + cells[1], expected);
        }
        return rows;
    }
}
