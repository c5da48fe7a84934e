package vn.langnghe.servicekit.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import vn.langnghe.servicekit.problem.Problem;

/**
 * A path under {@code /api/} with an empty segment ({@code //}, or a {@code /} at the end) names no resource: 404
 * problem. Vert.x would route {@code /api/v1/forums//open} as {@code /api/v1/forums/open} and
 * {@code /api/v1/admin/projections/} as the list, resources other than the one the caller named with an empty id
 * (found by the hostile-input properties, whose contract check saw answers no operation documents).
 */
@ApplicationScoped
public class EmptyPathSegments {

    private static final String API = "/api/";
    private final byte[] answer;

    EmptyPathSegments(ObjectMapper json) throws JsonProcessingException {
        this.answer = json.writeValueAsBytes(Problem.of("http-404", "Not Found", 404,
                "an empty path segment names no resource"));
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 2).handler(this::check);
    }

    private void check(RoutingContext context) {
        String path = context.request().path();
        if (path != null && path.startsWith(API) && (path.contains("//") || path.endsWith("/"))) {
            context.response().setStatusCode(404)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(Buffer.buffer(answer));
            return;
        }
        context.next();
    }
}
