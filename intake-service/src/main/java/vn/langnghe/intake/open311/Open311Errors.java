package vn.langnghe.intake.open311;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import vn.langnghe.servicekit.problem.Problem;

/**
 * Under {@code /open311/} every failure leaves in the GeoReport v2 error format instead of problem+json: a
 * list of {@code {code, description}} (XML: {@code <errors><error>}), in the format of the path's extension.
 * The services' exception mappers still decide the status; this only reshapes their answer, so 401, 403,
 * 404, 422 and 503 mean the same here as on {@code /api}. Each field error becomes one error, described as
 * "field: message".
 */
public class Open311Errors {

    private final ObjectMapper json;

    Open311Errors(ObjectMapper json) {
        this.json = json;
    }

    @ServerResponseFilter
    public void reshape(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (path == null || !path.startsWith("/open311/") || !(response.getEntity() instanceof Problem problem)) {
            return;
        }
        List<Map<String, Object>> errors = new ArrayList<>();
        if (problem.errors() != null && !problem.errors().isEmpty()) {
            for (Problem.FieldError e : problem.errors()) {
                errors.add(error(problem.status(), e.field() == null || e.field().isEmpty() ? e.message()
                        : e.field() + ": " + e.message()));
            }
        } else {
            errors.add(error(problem.status(), problem.detail() != null ? problem.detail() : problem.title()));
        }
        Open311Document.Format format = Open311Document.Format.ofPath(path);
        response.setEntity(Open311Document.render(format, "errors", "error", errors, json), new Annotation[0],
                format.mediaType());
        response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, format.mediaType().toString());
    }

    private static Map<String, Object> error(int code, String description) {
        Map<String, Object> e = Open311Document.element();
        e.put("code", code);
        e.put("description", description);
        return e;
    }
}
