package vn.langnghe.forum;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.langnghe.forum.Forums.CITY;
import static vn.langnghe.forum.Forums.F;
import static vn.langnghe.forum.Forums.OTHER_CITY;
import static vn.langnghe.forum.Forums.WARD;
import static vn.langnghe.forum.Forums.answerBody;
import static vn.langnghe.forum.Forums.onOpinion;
import static vn.langnghe.forum.Forums.opinionBody;
import static vn.langnghe.forum.Forums.post;
import static vn.langnghe.forum.Forums.record;
import static vn.langnghe.forum.Forums.schedule;
import static vn.langnghe.forum.Forums.scheduleBody;
import static vn.langnghe.forum.Forums.today;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import vn.langnghe.contracts.reference.UnitTree;
import vn.langnghe.testsupport.quarkus.PostgresKafkaResource;
import vn.langnghe.testsupport.quarkus.PrismContractResource;
import vn.langnghe.testsupport.tokens.TokenSpec;
import vn.langnghe.testsupport.tokens.Tokens;

/**
 * The authorisation matrix: every operation of the OpenAPI document under {@code /api/} × every kind of caller,
 * with real signed tokens. A new endpoint without a row fails, so does a row whose endpoint is gone.
 *
 * <p>Design: no token, an expired token or one signed with a foreign key → 401, except published minutes, which
 * are public; a role the endpoint does not allow → 403; an allowed role whose unit subtree does not hold the
 * forum (or the follow-up) → 404; analysts (no personal data) and partners get 403 everywhere but the reference
 * data and the public minutes. Lists never carry another unit's forum or follow-up (checked against the database).
 */
@QuarkusTest
@QuarkusTestResource(PostgresKafkaResource.class)
@QuarkusTestResource(PrismContractResource.class)
class AuthorizationMatrixTest {

    /**
     * Columns: organiser of {@value Forums#CITY} (the forums' host), otherOrganiser ({@value Forums#OTHER_CITY}),
     * officer of {@value Forums#CITY} (owner of the follow-ups), otherOfficer, analyst, admin, partner, no token,
     * expired, forged. POST /forums by otherOrganiser is 400: the body names a host outside its subtree.
     */
    static final String MATRIX = """
            operation                                                        organiser otherOrganiser officer otherOfficer analyst admin partner none expired forged
            GET  /api/v1/reference/topics                                          200   200            200     200          200     200   200     401  401     401
            GET  /api/v1/reference/units                                           200   200            200     200          200     200   200     401  401     401
            POST /api/v1/forums                                                    201   400            403     403          403     403   403     401  401     401
            GET  /api/v1/forums                                                    200   200            403     403          403     403   403     401  401     401
            GET  /api/v1/forums/{id}                                               200   404            403     403          403     403   403     401  401     401
            POST /api/v1/forums/{id}/open                                          200   404            403     403          403     403   403     401  401     401
            POST /api/v1/forums/{id}/close                                         200   404            403     403          403     403   403     401  401     401
            POST /api/v1/forums/{id}/publish-minutes                               200   404            403     403          403     403   403     401  401     401
            GET  /api/v1/forums/{id}/minutes                                       200   200            200     200          200     200   200     200  200     200
            POST /api/v1/forums/{id}/live-ticket                                   200   404            403     403          403     403   403     401  401     401
            GET  /api/v1/forums/{id}/live                                          200   404            403     403          403     403   403     401  401     401
            POST /api/v1/forums/{id}/opinions                                      201   404            403     403          403     403   403     401  401     401
            POST /api/v1/forums/{id}/opinions/{opinionId}/answer                   200   404            403     403          403     403   403     401  401     401
            POST /api/v1/forums/{id}/opinions/{opinionId}/follow-up                200   404            403     403          403     403   403     401  401     401
            POST /api/v1/forums/{id}/opinions/{opinionId}/escalate                 200   404            403     403          403     403   403     401  401     401
            GET  /api/v1/forums/{id}/opinions/{opinionId}/text                     200   404            403     403          403     403   403     401  401     401
            POST /api/v1/forums/{id}/opinions/{opinionId}/follow-up-answer         403   403            200     404          403     403   403     401  401     401
            POST /api/v1/forums/{id}/opinions/{opinionId}/commitment-fulfilled     403   403            200     404          403     403   403     401  401     401
            GET  /api/v1/follow-ups                                                403   403            200     200          403     403   403     401  401     401
            """;

    enum Caller {
        ORGANISER("organiser"), OTHER_ORGANISER("otherOrganiser"), OFFICER("officer"), OTHER_OFFICER("otherOfficer"),
        ANALYST("analyst"), ADMIN("admin"), PARTNER("partner"), NONE("none"), EXPIRED("expired"), FORGED("forged");

        final String column;

        Caller(String column) {
            this.column = column;
        }
    }

    record Row(String operation, Map<Caller, Set<Integer>> expected) {}

    record Answer(int status, String body) {}

    @FunctionalInterface
    interface Call {
        Answer as(Caller caller, String token);
    }

    /** The forum everyone reads: closed with published minutes, one opinion with the speaker's words. */
    record Fixture(UUID forum, UUID opinion) {}

    @Inject
    DataSource dataSource;

    @Inject
    UnitTree units;

    @TestHTTPResource("/")
    URI base;

    private final Map<Caller, String> tokens = tokens();
    private final String organiser = tokens.get(Caller.ORGANISER);

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
                        + "  operations without a row:%n    %s%n  rows whose operation is not in the document:%n    %s",
                        String.join("\n    ", withoutRow), String.join("\n    ", stale))
                .isTrue();
        assertThat(new TreeSet<>(calls(new Fixture(UUID.randomUUID(), UUID.randomUUID())).keySet()))
                .as("every row needs a way to call it").isEqualTo(rows);
    }

    @Test
    void everyCaller_getsWhatTheDesignSays_andListsNeverCarryAnotherUnitsForums() {
        Fixture fixture = fixture();
        Map<String, Call> calls = calls(fixture);
        List<String> failures = new ArrayList<>();
        Map<String, Map<Caller, Integer>> actual = new LinkedHashMap<>();
        for (Row row : rows().values()) {
            Call call = calls.get(row.operation());
            Map<Caller, Integer> line = new EnumMap<>(Caller.class);
            for (Caller caller : Caller.values()) {
                Answer answer = call.as(caller, tokens.get(caller));
                line.put(caller, answer.status());
                Set<Integer> expected = row.expected().get(caller);
                if (!expected.contains(answer.status())) {
                    failures.add("%-66s %-14s expected %s, got %d: %s".formatted(row.operation(), caller.column,
                            expected.stream().map(String::valueOf).collect(Collectors.joining("|")), answer.status(),
                            abbreviate(answer.body())));
                }
            }
            actual.put(row.operation(), line);
        }
        for (Caller caller : List.of(Caller.ORGANISER, Caller.OTHER_ORGANISER)) {
            List<String> ids = as(tokens.get(caller)).queryParam("limit", 200).get(F).jsonPath().getList("items.id");
            for (String id : ids) {
                if (!forumWithin(id, caller == Caller.ORGANISER ? CITY : OTHER_CITY)) {
                    failures.add("GET /api/v1/forums " + caller.column + " got another unit's forum " + id);
                }
            }
        }
        List<String> owners = as(tokens.get(Caller.OTHER_OFFICER)).get("/api/v1/follow-ups").jsonPath()
                .getList("ownerUnitId");
        owners.stream().filter(o -> !units.isWithin(o, OTHER_CITY, today()))
                .forEach(o -> failures.add("GET /api/v1/follow-ups otherOfficer got a follow-up of " + o));
        assertThat(failures)
                .as("authorisation matrix: %d mismatch(es); actual statuses:%n%s", failures.size(), render(actual))
                .isEmpty();
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
                throw new IllegalStateException("matrix row needs METHOD, path and statuses: " + line);
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
            if (path.startsWith("/api/")) {
                item.keySet().stream().filter(methods::contains)
                        .forEach(method -> operations.add(method.toUpperCase() + " " + path));
            }
        });
        return operations;
    }

    private static String render(Map<String, Map<Caller, Integer>> actual) {
        StringBuilder out = new StringBuilder("%-66s".formatted("operation"));
        for (Caller caller : Caller.values()) {
            out.append(' ').append(caller.column);
        }
        actual.forEach((operation, line) -> {
            out.append('\n').append("%-66s".formatted(operation));
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

    private static Map<Caller, String> tokens() {
        var minter = Tokens.shared();
        TokenSpec everything = TokenSpec.of("matrix-everything", "partner", "officer", "admin", "organiser", "analyst")
                .withUnitId(CITY).withAzp("matrix-portal");
        Map<Caller, String> tokens = new EnumMap<>(Caller.class);
        tokens.put(Caller.ORGANISER, minter.mint(TokenSpec.organiser(CITY).withSubject("matrix-organiser")));
        tokens.put(Caller.OTHER_ORGANISER, minter.mint(TokenSpec.organiser(OTHER_CITY)
                .withSubject("matrix-organiser-" + OTHER_CITY)));
        tokens.put(Caller.OFFICER, minter.mint(TokenSpec.officer(CITY).withSubject("matrix-officer")));
        tokens.put(Caller.OTHER_OFFICER, minter.mint(TokenSpec.officer(OTHER_CITY)
                .withSubject("matrix-officer-" + OTHER_CITY)));
        tokens.put(Caller.ANALYST, minter.mint(TokenSpec.analyst(CITY).withSubject("matrix-analyst")));
        tokens.put(Caller.ADMIN, minter.mint(TokenSpec.admin().withSubject("matrix-admin")));
        tokens.put(Caller.PARTNER, minter.mint(TokenSpec.partner("matrix-portal")));
        tokens.put(Caller.EXPIRED, minter.expired(everything));
        tokens.put(Caller.FORGED, minter.forged(everything));
        return tokens;
    }

    private static RequestSpecification as(String token) {
        RequestSpecification request = given();
        return token == null ? request : request.auth().oauth2(token);
    }

    private static Answer answer(Response response) {
        return new Answer(response.statusCode(), response.asString());
    }

    // ---------------------------------------------------------------- fixture and calls

    private Fixture fixture() {
        UUID forum = open();
        UUID opinion = opinion(forum);
        long version = 3;
        post(organiser, forum, "close", "\"" + version + "\"", Map.of("minutesSummary", "Biên bản")).statusCode(200);
        post(organiser, forum, "publish-minutes", "\"" + (version + 1) + "\"", Map.of()).statusCode(200);
        return new Fixture(forum, opinion);
    }

    private UUID scheduled() {
        UUID id = UUID.randomUUID();
        schedule(organiser, scheduleBody(id, today())).statusCode(201);
        return id;
    }

    private UUID open() {
        UUID id = scheduled();
        post(organiser, id, "open", "\"1\"", Map.of("attendanceByGroup",
                List.of(Map.of("group", "RESIDENTIAL_GROUP", "count", 12)))).statusCode(200);
        return id;
    }

    private UUID opinion(UUID forum) {
        UUID opinion = UUID.randomUUID();
        Map<String, Object> body = opinionBody(opinion, "Đề nghị tăng tuần tra");
        body.put("text", "Lời phát biểu của công dân");
        record(organiser, forum, body).statusCode(201);
        return opinion;
    }

    private Map<String, Call> calls(Fixture f) {
        Map<String, Call> calls = new HashMap<>();
        String id = F + "/" + f.forum();
        calls.put("GET /api/v1/reference/topics", (c, t) -> answer(as(t).get("/api/v1/reference/topics")));
        calls.put("GET /api/v1/reference/units", (c, t) -> answer(as(t).get("/api/v1/reference/units")));
        calls.put("POST " + F, (c, t) -> answer(as(t).contentType(ContentType.JSON)
                .body(scheduleBody(UUID.randomUUID(), today())).post(F)));
        calls.put("GET " + F, (c, t) -> answer(as(t).queryParam("limit", 200).get(F)));
        calls.put("GET " + F + "/{id}", (c, t) -> answer(as(t).get(id)));
        calls.put("GET " + F + "/{id}/minutes", (c, t) -> answer(as(t).get(id + "/minutes")));
        calls.put("GET " + F + "/{id}/opinions/{opinionId}/text",
                (c, t) -> answer(as(t).get(id + "/opinions/" + f.opinion() + "/text")));
        calls.put("POST " + F + "/{id}/live-ticket", (c, t) -> answer(as(t).post(id + "/live-ticket")));
        calls.put("GET " + F + "/{id}/live", (c, t) -> live(f.forum(), t));
        calls.put("GET /api/v1/follow-ups", (c, t) -> answer(as(t).get("/api/v1/follow-ups")));

        forumCommand(calls, "open", this::scheduled, "\"1\"", Map.of("attendanceByGroup",
                List.of(Map.of("group", "VETERANS", "count", 5))));
        forumCommand(calls, "close", this::open, "\"2\"", Map.of("minutesSummary", "Biên bản họp"));
        forumCommand(calls, "publish-minutes", () -> {
            UUID forum = open();
            post(organiser, forum, "close", "\"2\"", Map.of("minutesSummary", "Biên bản")).statusCode(200);
            return forum;
        }, "\"3\"", Map.of());
        calls.put("POST " + F + "/{id}/opinions", (c, t) -> {
            UUID forum = open();
            return answer(as(t).contentType(ContentType.JSON).body(opinionBody(UUID.randomUUID(), "Ý kiến"))
                    .post(F + "/" + forum + "/opinions"));
        });
        opinionCommand(calls, "answer", (forum, opinion) -> { }, answerBody("Trả lời tại chỗ"));
        opinionCommand(calls, "follow-up", (forum, opinion) -> { },
                Map.of("ownerUnitId", WARD, "dueOn", today().plusDays(20).toString()));
        opinionCommand(calls, "escalate", (forum, opinion) -> { }, Map.of("kindRequested", "COMPLAINT"));
        opinionCommand(calls, "follow-up-answer", (forum, opinion) -> onOpinion(organiser, forum, opinion, "follow-up",
                Map.of("ownerUnitId", WARD, "dueOn", today().plusDays(20).toString())).statusCode(200),
                Map.of("answerSummary", "Đã trả lời"));
        opinionCommand(calls, "commitment-fulfilled", (forum, opinion) -> {
            Map<String, Object> promise = new HashMap<>(answerBody("Sẽ xử lý"));
            promise.put("commitmentSummary", "Lắp camera tại ngã tư");
            onOpinion(organiser, forum, opinion, "answer", promise).statusCode(200);
        }, Map.of("fulfilmentSummary", "Đã lắp camera"));
        return calls;
    }

    private void forumCommand(Map<String, Call> calls, String action, Supplier<UUID> prepare, String ifMatch,
            Object body) {
        calls.put("POST " + F + "/{id}/" + action, (c, t) -> {
            UUID forum = prepare.get();
            return answer(as(t).contentType(ContentType.JSON).header("If-Match", ifMatch).body(body)
                    .post(F + "/" + forum + "/" + action));
        });
    }

    private void opinionCommand(Map<String, Call> calls, String action,
            java.util.function.BiConsumer<UUID, UUID> prepare, Object body) {
        calls.put("POST " + F + "/{id}/opinions/{opinionId}/" + action, (c, t) -> {
            UUID forum = open();
            UUID opinion = opinion(forum);
            prepare.accept(forum, opinion);
            return answer(as(t).contentType(ContentType.JSON).body(body)
                    .post(F + "/" + forum + "/opinions/" + opinion + "/" + action));
        });
    }

    /** Opens the feed and closes it as soon as the status is known (the stream never ends by itself). */
    private Answer live(UUID forum, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(F + "/" + forum + "/live"))
                .timeout(Duration.ofSeconds(10)).header("Accept", "text/event-stream");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                return new Answer(response.statusCode(), response.statusCode() == 200 ? "(stream)"
                        : new String(body.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean forumWithin(String id, String unit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT host_unit_id, venue_unit_id FROM forums WHERE id = ?::uuid")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && (units.isWithin(rs.getString(1), unit, today())
                        || units.isWithin(rs.getString(2), unit, today()));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
