package vn.langnghe.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import vn.langnghe.contracts.reference.UnitTree;
import vn.langnghe.testsupport.quarkus.PostgresKafkaResource;
import vn.langnghe.testsupport.quarkus.PrismContractResource;
import vn.langnghe.testsupport.tokens.TokenSpec;
import vn.langnghe.testsupport.tokens.Tokens;

/**
 * The authorisation matrix: every operation of the OpenAPI document under {@code /api/} and {@code /open311/} × every
 * kind of caller, with real signed tokens. A new endpoint without a row fails, so does a row whose endpoint is gone.
 *
 * <p>Design: no token, an expired token or one signed with a foreign key → 401 everywhere; a role the endpoint does
 * not allow → 403; an allowed role that may not see this submission → 404 (ids reveal nothing); and no 2xx answer
 * ever carries a submission that is not the caller's (checked against the database, not the response).
 *
 * <p>Every state-changing call gets a fresh submission in a state where the command is allowed, the right
 * {@code If-Match} and a valid body, so an authorised caller gets 200 and anything else is the access decision.
 */
@QuarkusTest
@QuarkusTestResource(PostgresKafkaResource.class)
@QuarkusTestResource(PrismContractResource.class)
class AuthorizationMatrixTest {

    static final String WARD = "HP-LECHAN-ANDUONG";
    /** Since 1 March 2025 wards report straight to the province. */
    static final String UNIT = "HP";
    static final String OTHER_UNIT = "HN";
    static final String PORTAL = "matrix-portal";
    static final String OTHER_PORTAL = "other-portal";
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String S = "/api/v1/submissions";

    /**
     * Expected status per operation and caller; {@code a|b} would mean either (none needed so far). Columns:
     * partner (own client {@value #PORTAL}), otherPartner ({@value #OTHER_PORTAL}), officer of {@value #UNIT} (the
     * submissions' unit), otherOfficer ({@value #OTHER_UNIT}), organiser, analyst, admin, no token, expired token,
     * token signed with a foreign key. POST /submissions by otherOfficer is 400: the body names a unit outside its
     * subtree (there is no submission yet to hide). POST /imports by otherOfficer is 202: the job is accepted and
     * then fails validation line by line (unitId outside its subtree). The Open311 facade ({@code /open311/}) is in
     * the matrix too: partners only for requests and tokens, any role for the service catalogue.
     */
    static final String MATRIX = """
            operation                                               partner otherPartner officer otherOfficer organiser analyst admin none expired forged
            GET  /api/v1/reference/topics                               200   200          200     200          200       200     200   401  401     401
            GET  /api/v1/reference/units                                200   200          200     200          200       200     200   401  401     401
            POST /api/v1/submissions                                    201   201          201     400          403       403     403   401  401     401
            GET  /api/v1/submissions                                    200   200          403     403          403       403     403   401  401     401
            GET  /api/v1/submissions/changes                            200   200          403     403          403       403     403   401  401     401
            GET  /api/v1/submissions/by-tracking-code/{code}            200   404          200     404          403       403     200   401  401     401
            GET  /api/v1/submissions/{id}                               200   404          200     404          403       403     200   401  401     401
            GET  /api/v1/submissions/{id}/history                       403   403          200     404          403       403     200   401  401     401
            GET  /api/v1/inbox                                          403   403          200     200          403       403     403   401  401     401
            POST /api/v1/submissions/{id}/classify                      403   403          200     404          403       403     403   401  401     401
            POST /api/v1/submissions/{id}/accept                        403   403          200     404          403       403     403   401  401     401
            POST /api/v1/submissions/{id}/start-verification            403   403          200     404          403       403     403   401  401     401
            POST /api/v1/submissions/{id}/conclude                      403   403          200     404          403       403     403   401  401     401
            POST /api/v1/submissions/{id}/answer                        403   403          200     404          403       403     403   401  401     401
            POST /api/v1/submissions/{id}/transfer                      403   403          200     404          403       403     403   401  401     401
            POST /api/v1/submissions/{id}/refuse                        403   403          200     404          403       403     403   401  401     401
            POST /api/v1/submissions/{id}/merge                         403   403          200     404          403       403     403   401  401     401
            POST /api/v1/submissions/{id}/withdraw                      200   404          200     404          403       403     403   401  401     401
            POST /api/v1/submissions/{id}/extend-deadline               403   403          200     404          403       403     403   401  401     401
            POST /api/v1/submissions/{id}/rate-valuable                 403   403          200     404          403       403     403   401  401     401
            GET  /api/v1/submissions/{id}/reporter                      403   403          200     404          403       403     200   401  401     401
            GET  /api/v1/submissions/{id}/texts                         200   404          200     404          403       403     200   401  401     401
            POST /api/v1/submissions/{id}/erase-reporter                403   403          403     403          403       403     200   401  401     401
            GET  /api/v1/audit                                          403   403          403     403          403       403     200   401  401     401
            POST /api/v1/imports                                        403   403          202     202          403       403     403   401  401     401
            GET  /api/v1/imports/{jobId}                                403   403          200     404          403       403     200   401  401     401
            GET  /open311/v2/services.{format}                          200   200          200     200          200       200     200   401  401     401
            GET  /open311/v2/services/{service_code}.{format}           200   200          200     200          200       200     200   401  401     401
            POST /open311/v2/requests.{format}                          200   200          403     403          403       403     403   401  401     401
            GET  /open311/v2/requests.{format}                          200   200          403     403          403       403     403   401  401     401
            GET  /open311/v2/requests/{service_request_id}.{format}     200   404          403     403          403       403     403   401  401     401
            GET  /open311/v2/tokens/{token}.{format}                    200   404          403     403          403       403     403   401  401     401
            """;

    /** The callers, in the matrix's column order. */
    enum Caller {
        PARTNER("partner"), OTHER_PARTNER("otherPartner"), OFFICER("officer"), OTHER_OFFICER("otherOfficer"),
        ORGANISER("organiser"), ANALYST("analyst"), ADMIN("admin"), NONE("none"), EXPIRED("expired"),
        FORGED("forged");

        final String column;

        Caller(String column) {
            this.column = column;
        }
    }

    /** One row: the operation ("METHOD /path/template") and the accepted statuses per caller. */
    record Row(String operation, Map<Caller, Set<Integer>> expected) {}

    /** How to call one operation as one caller (token null: no Authorization header). */
    @FunctionalInterface
    interface Call {
        Response as(Caller caller, String token);
    }

    @Inject
    DataSource dataSource;

    @Inject
    UnitTree units;

    private final Map<Caller, String> tokens = tokens();
    private final String officer = tokens.get(Caller.OFFICER);
    private final String partner = tokens.get(Caller.PARTNER);

    @Test
    void everyApiOperationOfTheOpenApiDocument_hasExactlyOneRow() {
        Set<String> documented = documentedOperations();
        Set<String> rows = new TreeSet<>(rows().keySet());
        Set<String> withoutRow = new TreeSet<>(documented);
        withoutRow.removeAll(rows);
        Set<String> stale = new TreeSet<>(rows);
        stale.removeAll(documented);
        assertThat(documented).as("/q/openapi lists no /api operation at all").isNotEmpty();
        assertThat(withoutRow.isEmpty() && stale.isEmpty())
                .as("the authorisation matrix must match the OpenAPI document exactly%n"
                        + "  operations without a row (add one, with every caller's expected status):%n    %s%n"
                        + "  rows whose operation is not in the document (remove or fix them):%n    %s",
                        String.join("\n    ", withoutRow), String.join("\n    ", stale))
                .isTrue();
        assertThat(new TreeSet<>(calls(new Fixture("-", "-", "-", "-", "-", "-")).keySet()))
                .as("every row needs a way to call it").isEqualTo(rows);
    }

    @Test
    void everyCaller_getsWhatTheDesignSays_andNeverAnotherPartysSubmission() {
        Fixture fixture = fixture();
        Map<String, Call> calls = calls(fixture);
        List<String> failures = new ArrayList<>();
        Map<String, Map<Caller, Integer>> actual = new LinkedHashMap<>();
        for (Row row : rows().values()) {
            Call call = calls.get(row.operation());
            if (call == null) {
                failures.add(row.operation() + ": no way to call it in this test");
                continue;
            }
            Map<Caller, Integer> line = new EnumMap<>(Caller.class);
            for (Caller caller : Caller.values()) {
                Response response = call.as(caller, tokens.get(caller));
                int status = response.statusCode();
                line.put(caller, status);
                Set<Integer> expected = row.expected().get(caller);
                if (!expected.contains(status)) {
                    failures.add("%-56s %-13s expected %s, got %d: %s".formatted(row.operation(), caller.column,
                            expected.stream().map(String::valueOf).collect(Collectors.joining("|")), status,
                            abbreviate(response.asString())));
                }
                if (status >= 200 && status < 300 && carriesSubmissions(row.operation())) {
                    for (String foreign : notTheCallers(caller, submissionIds(response))) {
                        failures.add("%-56s %-13s got another party's submission %s".formatted(row.operation(),
                                caller.column, foreign));
                    }
                }
            }
            actual.put(row.operation(), line);
        }
        assertThat(failures)
                .as("authorisation matrix: %d mismatch(es); actual statuses:%n%s", failures.size(), render(actual))
                .isEmpty();
    }

    @Test
    void anOfficerOfAnotherUnit_cannotPullASubmissionIntoItsUnit_norNameAForeignUnit() {
        String id = fresh(Map.of("kind", "COMPLAINT", "unitId", WARD)).id();
        String other = tokens.get(Caller.OTHER_OFFICER);
        // its own unit in the body: the access check answers, and says nothing about the id
        post(other, id, "classify", "\"1\"", classify("COMPLAINT", OTHER_UNIT)).then().statusCode(404);
        // the foreign unit in the body: refused for the body alone, before the id is looked at
        post(other, id, "classify", "\"1\"", classify("COMPLAINT", WARD)).then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("unitId"));
        given().auth().oauth2(officer).get(S + "/" + id).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("RECEIVED"))
                .body("unitId", org.hamcrest.Matchers.equalTo(WARD));
    }

    // ---------------------------------------------------------------- the table

    static Map<String, Row> rows() {
        List<String> lines = MATRIX.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        List<String> header = List.of(lines.getFirst().split("\\s+"));
        List<String> columns = java.util.Arrays.stream(Caller.values()).map(c -> c.column).toList();
        if (!header.subList(1, header.size()).equals(columns)) {
            throw new IllegalStateException("matrix header must be: operation " + String.join(" ", columns));
        }
        Map<String, Row> rows = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\\s+");
            if (cells.length != 2 + columns.size()) {
                throw new IllegalStateException("matrix row needs METHOD, path and " + columns.size()
                        + " statuses: " + line);
            }
            String operation = cells[0] + " " + cells[1];
            Map<Caller, Set<Integer>> expected = new EnumMap<>(Caller.class);
            for (Caller caller : Caller.values()) {
                expected.put(caller, java.util.Arrays.stream(cells[2 + caller.ordinal()].split("\\|"))
                        .map(Integer::valueOf).collect(Collectors.toUnmodifiableSet()));
            }
            if (rows.put(operation, new Row(operation, expected)) != null) {
                throw new IllegalStateException("two rows for " + operation);
            }
        }
        return rows;
    }

    static Set<String> documentedOperations() {
        Map<String, Map<String, Object>> paths = given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        Set<String> methods = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
        Set<String> operations = new TreeSet<>();
        paths.forEach((path, item) -> {
            if (path.startsWith("/api/") || path.startsWith("/open311/")) {
                item.keySet().stream().filter(methods::contains)
                        .forEach(method -> operations.add(method.toUpperCase() + " " + path));
            }
        });
        return operations;
    }

    private static String render(Map<String, Map<Caller, Integer>> actual) {
        StringBuilder out = new StringBuilder("%-56s".formatted("operation"));
        for (Caller caller : Caller.values()) {
            out.append(' ').append(caller.column);
        }
        actual.forEach((operation, line) -> {
            out.append('\n').append("%-56s".formatted(operation));
            for (Caller caller : Caller.values()) {
                out.append(' ').append(("%" + caller.column.length() + "s").formatted(line.get(caller)));
            }
        });
        return out.toString();
    }

    private static String abbreviate(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }

    // ---------------------------------------------------------------- callers and tokens

    private static Map<Caller, String> tokens() {
        var minter = Tokens.shared();
        // expired and forged tokens would be allowed everywhere if expiry or signature were ignored
        TokenSpec everything = TokenSpec.of("matrix-everything", "partner", "officer", "admin", "organiser", "analyst")
                .withUnitId(UNIT).withAzp(PORTAL);
        Map<Caller, String> tokens = new EnumMap<>(Caller.class);
        tokens.put(Caller.PARTNER, minter.mint(TokenSpec.partner(PORTAL)));
        tokens.put(Caller.OTHER_PARTNER, minter.mint(TokenSpec.partner(OTHER_PORTAL)));
        tokens.put(Caller.OFFICER, minter.mint(TokenSpec.officer(UNIT).withSubject("matrix-officer-" + UNIT)));
        tokens.put(Caller.OTHER_OFFICER,
                minter.mint(TokenSpec.officer(OTHER_UNIT).withSubject("matrix-officer-" + OTHER_UNIT)));
        tokens.put(Caller.ORGANISER, minter.mint(TokenSpec.organiser(UNIT).withSubject("matrix-organiser")));
        tokens.put(Caller.ANALYST, minter.mint(TokenSpec.analyst(UNIT).withSubject("matrix-analyst")));
        tokens.put(Caller.ADMIN, minter.mint(TokenSpec.admin().withSubject("matrix-admin")));
        tokens.put(Caller.EXPIRED, minter.expired(everything));
        tokens.put(Caller.FORGED, minter.forged(everything));
        return tokens; // NONE: no entry, no header
    }

    private static RequestSpecification as(String token) {
        RequestSpecification request = given();
        return token == null ? request : request.auth().oauth2(token);
    }

    // ---------------------------------------------------------------- fixture and calls

    /** A submission's id and version (its ETag). */
    record Version(String id, long version) {
        String ifMatch() {
            return "\"" + version + "\"";
        }
    }

    /**
     * The partner's submission everyone reads, its tracking code, a second one to merge into, the partner's
     * request through the Open311 facade with its token, and an import job of the officer's unit.
     */
    record Fixture(String id, String trackingCode, String mergeTarget, String open311Id, String open311Token,
            String importJob) {}

    private Fixture fixture() {
        Response first = submit(partner, Map.of("kind", "COMPLAINT", "unitId", WARD, "topic", "ADMIN_PROCEDURES",
                "description", "Tôi khiếu nại việc chậm cấp căn cước", "reporter", Map.of("fullName", "Nguyễn Văn A")));
        assertThat(first.statusCode()).as(first.asString()).isEqualTo(201);
        String target = fresh(Map.of("kind", "PETITION", "unitId", WARD)).id();
        // the other partner has a submission of its own, so its list is not trivially empty
        assertThat(submit(tokens.get(Caller.OTHER_PARTNER), Map.of("kind", "TIP", "unitId", WARD)).statusCode())
                .isEqualTo(201);
        Response open311 = open311Request(partner);
        assertThat(open311.statusCode()).as(open311.asString()).isEqualTo(200);
        Response job = importFile(officer);
        assertThat(job.statusCode()).as(job.asString()).isEqualTo(202);
        return new Fixture(first.path("id"), first.path("trackingCode"), target,
                open311.jsonPath().getString("[0].service_request_id"), open311.jsonPath().getString("[0].token"),
                job.path("id"));
    }

    private Map<String, Call> calls(Fixture f) {
        Map<String, Call> calls = new HashMap<>();
        calls.put("GET /api/v1/reference/topics", (c, t) -> as(t).get("/api/v1/reference/topics"));
        calls.put("GET /api/v1/reference/units", (c, t) -> as(t).get("/api/v1/reference/units"));
        // partners must send an Idempotency-Key; officers may (keyed to the officer)
        calls.put("POST " + S, (c, t) -> {
            RequestSpecification request = as(t).contentType(ContentType.JSON)
                    .header("Idempotency-Key", UUID.randomUUID().toString());
            return request.body(Map.of("kind", "TIP", "channel", "HOTLINE", "unitId", WARD, "topic", "DRUGS"))
                    .post(S);
        });
        calls.put("GET " + S, (c, t) -> as(t).queryParam("limit", 200).get(S));
        calls.put("GET " + S + "/changes", (c, t) -> as(t).queryParam("limit", 200).get(S + "/changes"));
        calls.put("GET " + S + "/by-tracking-code/{code}", (c, t) -> as(t).get(S + "/by-tracking-code/"
                + f.trackingCode()));
        calls.put("GET " + S + "/{id}", (c, t) -> as(t).get(S + "/" + f.id()));
        calls.put("GET " + S + "/{id}/history", (c, t) -> as(t).get(S + "/" + f.id() + "/history"));
        calls.put("GET /api/v1/inbox", (c, t) -> as(t).queryParam("limit", 500).get("/api/v1/inbox"));

        // lifecycle commands: a fresh submission in a state that allows the command, the right If-Match
        command(calls, "classify", () -> fresh(Map.of("kind", "COMPLAINT", "unitId", WARD)),
                // an officer of another unit tries to pull it into its own unit (a foreign unit is a plain 400)
                c -> classify("COMPLAINT", c == Caller.OTHER_OFFICER ? OTHER_UNIT : WARD));
        command(calls, "accept", () -> classified(Map.of("kind", "COMPLAINT", "unitId", WARD), "COMPLAINT"),
                c -> Map.of("complex", false));
        command(calls, "start-verification", () -> classified(Map.of("kind", "TIP", "unitId", WARD), "TIP"),
                c -> Map.of());
        command(calls, "conclude", () -> {
                    Version tip = classified(Map.of("kind", "TIP", "unitId", WARD), "TIP");
                    return step(tip, "start-verification", Map.of());
                }, c -> Map.of("conclusion", "FOUNDED", "findings", "Có cơ sở"));
        command(calls, "answer", () -> classified(Map.of("kind", "TIP", "unitId", WARD), "TIP"),
                c -> Map.of("answerSummary", "Cảm ơn người cung cấp tin"));
        command(calls, "transfer", () -> fresh(Map.of("kind", "PETITION", "unitId", WARD)),
                c -> Map.of("toAgency", "UBND phường", "reason", "không thuộc thẩm quyền"));
        command(calls, "refuse", () -> fresh(Map.of("kind", "PETITION", "unitId", WARD)),
                c -> Map.of("legalReason", "TIME_BARRED"));
        command(calls, "merge", () -> fresh(Map.of("kind", "PETITION", "unitId", WARD)),
                c -> Map.of("mergedInto", f.mergeTarget()));
        command(calls, "withdraw", () -> fresh(Map.of("kind", "PETITION", "unitId", WARD)), c -> Map.of());
        command(calls, "extend-deadline", () -> {
                    Version denunciation = classified(Map.of("kind", "DENUNCIATION", "unitId", WARD,
                            "reporter", Map.of("phone", "0987654321")), "DENUNCIATION");
                    return step(denunciation, "accept", Map.of("complex", true));
                }, c -> Map.of("reasonCode", "COMPLEX", "reason", "Vụ việc phức tạp, nhiều nơi"));
        command(calls, "rate-valuable", () -> fresh(Map.of("kind", "TIP", "unitId", WARD)), c -> Map.of());

        // personal data: reads name their purpose; erasure needs a closed case with a reporter
        calls.put("GET " + S + "/{id}/reporter", (c, t) -> as(t).queryParam("purpose", "matrix check")
                .get(S + "/" + f.id() + "/reporter"));
        calls.put("GET " + S + "/{id}/texts", (c, t) -> as(t).queryParam("purpose", "matrix check")
                .get(S + "/" + f.id() + "/texts"));
        command(calls, "erase-reporter", () -> step(fresh(Map.of("kind", "PETITION", "unitId", WARD,
                        "reporter", Map.of("fullName", "Trần Thị B"))), "withdraw", Map.of()),
                c -> Map.of("reason", "the citizen asked to be forgotten"));
        calls.put("GET /api/v1/audit", (c, t) -> as(t).queryParam("subjectRef", f.id()).get("/api/v1/audit"));

        // bulk import: a one-line register with a fresh reference each time; the job is followed by its unit
        calls.put("POST /api/v1/imports", (c, t) -> importFile(t));
        calls.put("GET /api/v1/imports/{jobId}", (c, t) -> as(t).get("/api/v1/imports/" + f.importJob()));

        // the Open311 facade (JSON; the XML variants share the code paths)
        String o = "/open311/v2";
        calls.put("GET " + o + "/services.{format}", (c, t) -> as(t).get(o + "/services.json"));
        calls.put("GET " + o + "/services/{service_code}.{format}", (c, t) -> as(t).get(o + "/services/TIP-DRUGS.json"));
        calls.put("POST " + o + "/requests.{format}", (c, t) -> open311Request(t));
        calls.put("GET " + o + "/requests.{format}", (c, t) -> as(t).get(o + "/requests.json"));
        calls.put("GET " + o + "/requests/{service_request_id}.{format}",
                (c, t) -> as(t).get(o + "/requests/" + f.open311Id() + ".json"));
        calls.put("GET " + o + "/tokens/{token}.{format}", (c, t) -> as(t).get(o + "/tokens/" + f.open311Token()
                + ".json"));
        return calls;
    }

    private void command(Map<String, Call> calls, String action, java.util.function.Supplier<Version> prepare,
            Function<Caller, Object> body) {
        calls.put("POST " + S + "/{id}/" + action, (c, t) -> {
            Version v = prepare.get();
            return post(t, v.id(), action, v.ifMatch(), body.apply(c));
        });
    }

    private static Response post(String token, String id, String action, String ifMatch, Object body) {
        return as(token).contentType(ContentType.JSON).header("If-Match", ifMatch).body(body)
                .post(S + "/" + id + "/" + action);
    }

    private static Response open311Request(String token) {
        return as(token).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("jurisdiction_id", WARD).formParam("service_code", "TIP-DRUGS")
                .formParam("lat", "20.8449").formParam("long", "106.6880")
                .formParam("description", "matrix " + UUID.randomUUID())
                .post("/open311/v2/requests.json");
    }

    private static Response importFile(String token) {
        String line = "{\"externalRef\": \"MATRIX-" + UUID.randomUUID() + "\", \"kind\": \"PETITION\","
                + " \"channel\": \"MAIL\", \"unitId\": \"" + WARD + "\", \"receivedOn\": \""
                + LocalDate.now(VIETNAM).minusDays(3) + "\"}\n";
        return as(token).contentType("application/x-ndjson").body(line.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/imports");
    }

    private static Response submit(String token, Map<String, Object> body) {
        return as(token).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body).post(S);
    }

    /** Submitted by the partner: version 1. */
    private Version fresh(Map<String, Object> body) {
        Response response = submit(partner, body);
        assertThat(response.statusCode()).as("fixture submit: %s", response.asString()).isEqualTo(201);
        return new Version(response.path("id"), 1);
    }

    private Version classified(Map<String, Object> body, String kind) {
        return step(fresh(body), "classify", classify(kind, WARD));
    }

    /** A preparation step by the officer of the unit. */
    private Version step(Version v, String action, Object body) {
        Response response = post(officer, v.id(), action, v.ifMatch(), body);
        assertThat(response.statusCode()).as("fixture %s: %s", action, response.asString()).isEqualTo(200);
        return new Version(v.id(), v.version() + 1);
    }

    private static Map<String, Object> classify(String kind, String unitId) {
        String topic = switch (kind) {
            case "TIP" -> "DRUGS";
            case "DENUNCIATION" -> "REPORT_HANDLING";
            default -> "ADMIN_PROCEDURES";
        };
        return Map.of("kind", kind, "topic", topic, "tags", List.of(), "unitId", unitId,
                "publicSummary", "Tóm tắt không có tên người");
    }

    // ---------------------------------------------------------------- never another party's data

    private static boolean carriesSubmissions(String operation) {
        return operation.contains(S) || operation.contains("/api/v1/inbox")
                || operation.contains("/open311/v2/requests") || operation.contains("/open311/v2/tokens");
    }

    /** Submission ids in a view, a list of views or a page of views (history entries carry none). */
    private static List<String> submissionIds(Response response) {
        String body = response.asString().strip();
        var json = response.jsonPath();
        List<Object> ids;
        if (body.startsWith("[") && body.contains("\"service_request_id\"")) {
            ids = json.getList("service_request_id"); // Open311: [{service_request_id, ...}]
        } else if (body.startsWith("[")) {
            ids = json.getList("id");
        } else if (json.get("items") != null) {
            ids = json.getList("items.id");
        } else {
            ids = new ArrayList<>();
            ids.add(json.get("id"));
        }
        return ids.stream().filter(Objects::nonNull).map(Object::toString).toList();
    }

    /** The ids among {@code ids} that the caller may not see, by the database's partner and unit. */
    private List<String> notTheCallers(Caller caller, List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, String[]> owners = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT id::text, partner_client_id, unit_id FROM submissions WHERE id = ANY (?)")) {
            Array array = c.createArrayOf("uuid", ids.stream().map(UUID::fromString).toArray());
            s.setArray(1, array);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    owners.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        LocalDate today = LocalDate.now(VIETNAM);
        return ids.stream().filter(id -> {
            String[] owner = owners.get(id);
            if (owner == null) {
                return true; // an id the database does not know is never the caller's
            }
            return switch (caller) {
                case PARTNER -> !PORTAL.equals(owner[0]);
                case OTHER_PARTNER -> !OTHER_PORTAL.equals(owner[0]);
                case OFFICER -> !units.isWithin(owner[1], UNIT, today);
                case OTHER_OFFICER -> !units.isWithin(owner[1], OTHER_UNIT, today);
                case ADMIN -> false;
                default -> true;
            };
        }).toList();
    }
}
