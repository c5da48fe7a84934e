package vn.langnghe.servicekit.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem answer. {@code errors} names each offending field (JSON pointer-like paths such
 * as {@code reporter.phone}) so a partner portal can show the message next to the right input.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);
    private static final String TYPES = "https://langnghe.vn/problems/";

    public record FieldError(String field, String message) {}

    public static Problem of(String slug, String title, Response.StatusType status, String detail) {
        return new Problem(URI.create(TYPES + slug), title, status.getStatusCode(), detail, null, List.of());
    }

    /** For statuses the JAX-RS enum lacks, such as 422 Unprocessable Content. */
    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem(URI.create(TYPES + slug), title, status, detail, null, List.of());
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, List.copyOf(fieldErrors));
    }

    public Problem at(String path) {
        return new Problem(type, title, status, detail, path, errors);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA).entity(this).build();
    }
}
