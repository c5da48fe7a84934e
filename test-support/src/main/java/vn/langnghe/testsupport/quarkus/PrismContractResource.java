package vn.langnghe.testsupport.quarkus;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.langnghe.testsupport.ports.FreePorts;
import vn.langnghe.testsupport.prism.ContractCheck;
import vn.langnghe.testsupport.prism.ThroughPrism;

/**
 * Contract conformance for a {@code @QuarkusTest} module: pins the app's test port to a free one and installs a
 * global rest-assured filter ({@link ThroughPrism}) that sends every request for the app through Prism, validating
 * both directions against the OpenAPI document the app publishes at {@code /q/openapi}. A disagreement fails the
 * test that made the request; a test of bad input marks its request with
 * {@link ContractCheck#invalidRequestOnPurpose()}.
 *
 * <pre>{@code @QuarkusTestResource(PostgresKafkaResource.class)
 * @QuarkusTestResource(PrismContractResource.class)}</pre>
 *
 * Put it on every {@code @QuarkusTest} class of the module (the same resources everywhere, so Quarkus keeps one app).
 * Clients that do not use rest-assured's static configuration (an SSE client on {@code @TestHTTPResource}, say) reach
 * the app directly and are not checked.
 */
public class PrismContractResource implements QuarkusTestResourceLifecycleManager {

    private ThroughPrism throughPrism;

    @Override
    public Map<String, String> start() {
        int port = FreePorts.next();
        throughPrism = new ThroughPrism(port);
        List<Filter> filters = new ArrayList<>(RestAssured.filters());
        filters.removeIf(ThroughPrism.class::isInstance);
        filters.add(throughPrism);
        RestAssured.replaceFiltersWith(filters);
        return Map.of("quarkus.http.test-port", String.valueOf(port));
    }

    @Override
    public void stop() {
        if (throughPrism != null) {
            List<Filter> filters = new ArrayList<>(RestAssured.filters());
            filters.remove(throughPrism);
            RestAssured.replaceFiltersWith(filters);
            throughPrism.close();
        }
    }
}
