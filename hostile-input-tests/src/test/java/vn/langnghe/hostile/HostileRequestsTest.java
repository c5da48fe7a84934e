package vn.langnghe.hostile;

import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Example;
import vn.langnghe.testsupport.tokens.Tokens;
import vn.langnghe.testsupport.tokens.TokenSpec;

/**
 * Every hostile request the generator builds must go on the wire: a case the HTTP client refuses to send (a raw
 * {@code %} in the query once made {@link URI} throw "Malformed escape pair") tests the harness, not the service.
 * No service runs here, so every attack meets every known payload, in every build.
 */
class HostileRequestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ApiOperation QUERY_AND_PATH = new ApiOperation("reporting-service", "GET",
            "/api/v1/reports/{name}/items/{id}",
            List.of(new ApiOperation.Parameter("name", "path", true, JSON.createObjectNode().put("type", "string")),
                    new ApiOperation.Parameter("id", "path", true, JSON.createObjectNode().put("type", "string")),
                    new ApiOperation.Parameter("period", "query", true, JSON.createObjectNode().put("type", "string")),
                    new ApiOperation.Parameter("unit", "query", false, JSON.createObjectNode().put("type", "string"))),
            null, null, List.of("analyst"));

    private final HostileRequests requests;

    HostileRequestsTest() {
        Tokens.shared(); // creates the key pair the generator's foreign issuer signs with
        requests = new HostileRequests(JSON);
    }

    /** Every attack with every known payload, and a few more that are special in a URI. */
    private static List<HostileCase> everyKnownCase() {
        List<String> payloads = new ArrayList<>(HostileCases.INJECTIONS);
        payloads.addAll(HostileCases.CONTROLS);
        payloads.addAll(HostileCases.VIETNAMESE);
        payloads.addAll(List.of("%zz", "%%", "%4", "#", "?", "&", "=", " ", "a b", "\uD800", "/", "//", ".."));
        List<HostileCase> cases = new ArrayList<>();
        for (Attack attack : Attack.values()) {
            for (String payload : payloads) {
                cases.add(new HostileCase(attack, payload, cases.size() % 7)); // the pick walks over fields
            }
        }
        return cases;
    }

    @Example
    void everyRequestWithoutBodyIsAValidUri() {
        ValidRequest valid = new ValidRequest(QUERY_AND_PATH, Map.of("name", "intake", "id", "2ffac18f"),
                Map.of(), Map.of("period", "2026 H1", "unit", "Hải Phòng"), Map.of(), null,
                TokenSpec.analyst("HP"), null, null);

        everyKnownCase().forEach(hostile -> assertSendable(requests.apply(valid, hostile)));
    }

    @Example
    void everyRequestWithBodyIsAValidUri() {
        ApiOperation post = new ApiOperation("intake-service", "POST", "/api/v1/submissions", List.of(),
                "application/json", JSON.createObjectNode().put("type", "object"), List.of());
        ObjectNode body = JSON.createObjectNode().put("summary", "Đề nghị").put("unitId", "HP");
        ValidRequest valid = new ValidRequest(post, Map.of(), Map.of(), Map.of(), Map.of(), body,
                TokenSpec.analyst("HP"), null, null);

        everyKnownCase().forEach(hostile -> assertSendable(requests.apply(valid, hostile)));
    }

    private static void assertSendable(HostileRequest request) {
        assertThatCode(() -> URI.create("http://127.0.0.1:1" + request.pathAndQuery()))
                .as("%s", request).doesNotThrowAnyException();
    }
}
