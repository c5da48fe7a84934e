package vn.langnghe.testsupport.prism;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.net.URI;

/**
 * A rest-assured filter that sends the requests addressed to one service (by port) through a {@link PrismProxy}
 * in front of it instead, and checks each exchange with {@link ContractCheck}. Prism starts on the first such
 * request, when the service is up and publishes its OpenAPI document.
 *
 * <p>Not routed, so not checked:
 * <ul>
 *   <li>other ports;</li>
 *   <li>Quarkus's own endpoints under {@code /q/} (health, metrics, the OpenAPI document itself): not operations of
 *       the published API;</li>
 *   <li>the Open311 GeoReport v2 facade ({@code /open311/}): it answers XML or JSON by the path's suffix and reads a
 *       form body by hand; the GeoReport v2 specification is its contract, which its own tests check field by
 *       field. (Its published document describes those shapes loosely, and the hostile-input properties send
 *       every Open311 case through Prism.)</li>
 *   <li>a request body Prism cannot pass on unchanged: one that is not JSON (the bulk import's JSON lines reach the
 *       service altered), or a JSON-typed body that does not parse (a test of malformed input: Prism never answers
 *       it). These go straight to the service.</li>
 * </ul>
 */
public final class ThroughPrism implements Filter, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long LARGEST_BODY_THROUGH_PRISM = 1024 * 1024;

    private final int servicePort;
    private final ContractCheck check = new ContractCheck();
    private PrismProxy prism;

    public ThroughPrism(int servicePort) {
        this.servicePort = servicePort;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
            FilterContext ctx) {
        URI target = URI.create(request.getURI());
        if (target.getPort() != servicePort || target.getPath().startsWith("/q/")
                || target.getPath().startsWith("/open311/") || hasBodyPrismCannotPassOn(request)) {
            return ctx.next(request, responseSpec);
        }
        request.port(proxy().port());
        return check.filter(request, responseSpec, ctx);
    }

    static boolean hasBodyPrismCannotPassOn(FilterableRequestSpecification request) {
        String type = request.getContentType();
        Object body = request.getBody();
        if (body == null) {
            return false;
        }
        if (type == null || !(type.contains("/json") || type.contains("+json"))) {
            return true;
        }
        // A body over the services' size limit is answered by Prism itself (its own JSON error), never by the
        // service whose 413 problem the test is about.
        long size = body instanceof byte[] bytes ? bytes.length : body.toString().length();
        if (size > LARGEST_BODY_THROUGH_PRISM) {
            return true;
        }
        try {
            if (body instanceof byte[] bytes) {
                JSON.readTree(bytes);
            } else {
                JSON.readTree(body.toString());
            }
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** The running proxy (started now if this is the first request through it). */
    public synchronized PrismProxy proxy() {
        if (prism == null || !prism.isAlive()) {
            prism = PrismProxy.start(URI.create("http://127.0.0.1:" + servicePort));
        }
        return prism;
    }

    public int servicePort() {
        return servicePort;
    }

    @Override
    public synchronized void close() {
        if (prism != null) {
            prism.close();
            prism = null;
        }
    }
}
