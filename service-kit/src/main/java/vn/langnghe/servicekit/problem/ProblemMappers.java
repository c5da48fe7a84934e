package vn.langnghe.servicekit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.langnghe.eventsourcing.store.ConcurrencyConflict;
import vn.langnghe.eventsourcing.store.EventStoreUnavailable;
import vn.langnghe.eventsourcing.store.ExpectedVersion;
import vn.langnghe.servicekit.http.IfMatch;

/** Every failure leaves as problem+json; nothing internal (stack traces, SQL) reaches the caller. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** Seconds a client should wait before retrying when the database is down. */
    static final String RETRY_AFTER_SECONDS = "5";

    @ServerExceptionMapper
    public Response invalidInput(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new Problem.FieldError(fieldOf(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        return Problem.of("invalid-input", "Dữ liệu không hợp lệ / Invalid input", Status.BAD_REQUEST,
                        errors.size() + " field(s) are invalid")
                .withErrors(errors).at(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response invalidField(InvalidInput e, UriInfo uri) {
        return Problem.of("invalid-input", "Dữ liệu không hợp lệ / Invalid input", Status.BAD_REQUEST,
                        e.field() + ": " + e.getMessage())
                .withErrors(List.of(new Problem.FieldError(e.field(), e.getMessage())))
                .at(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException mapping ? pathOf(mapping) : "";
        String message = e.getOriginalMessage() == null ? "malformed JSON" : firstLine(e.getOriginalMessage());
        Problem problem = Problem.of("invalid-json", "JSON không hợp lệ / Malformed JSON", Status.BAD_REQUEST,
                field.isEmpty() ? message : "field " + field + ": " + message);
        if (!field.isEmpty()) {
            problem = problem.withErrors(List.of(new Problem.FieldError(field, message)));
        }
        return problem.at(uri.getPath()).toResponse();
    }

    /** A stale If-Match is 412 Precondition Failed; any other version clash (creating twice) is 409. */
    /** Overrides Quarkus' own mapper for these, which answers in a shape of its own. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response conflict(ConcurrencyConflict e, UriInfo uri) {
        Response.StatusType status = e.expected() instanceof ExpectedVersion.Exactly
                ? Status.PRECONDITION_FAILED : Status.CONFLICT;
        return Response.fromResponse(Problem.of("version-conflict", "Xung đột phiên bản / Version conflict", status,
                                "the record changed since you read it (now at version " + e.actualVersion()
                                        + "); reload and try again")
                        .at(uri.getPath()).toResponse())
                .header(HttpHeaders.ETAG, "\"" + e.actualVersion() + "\"")
                .build();
    }

    @ServerExceptionMapper
    public Response preconditionRequired(IfMatch.PreconditionRequired e, UriInfo uri) {
        return Problem.of("if-match-required", "Thiếu If-Match / If-Match required", Status.PRECONDITION_REQUIRED,
                        e.getMessage())
                .withErrors(List.of(new Problem.FieldError(IfMatch.HEADER, "required")))
                .at(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response unavailable(EventStoreUnavailable e, UriInfo uri) {
        LOG.warnf("database unavailable for %s: %s", uri.getPath(), e.getMessage());
        return Response.fromResponse(Problem.of("unavailable", "Tạm thời không phục vụ được / Temporarily unavailable",
                                Status.SERVICE_UNAVAILABLE, "the service's database is unavailable; retry later")
                        .at(uri.getPath()).toResponse())
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .build();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(Problem.of("unauthenticated", "Chưa xác thực / Not authenticated",
                                Status.UNAUTHORIZED, "a valid bearer token is required")
                        .at(uri.getPath()).toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Problem.of("forbidden", "Không có quyền / Forbidden", Status.FORBIDDEN,
                        "your role or unit does not allow this")
                .at(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        // Quarkus' JSON reader wraps what it cannot read (broken syntax, too deep, a number too long for its field)
        // in a bare 400: answer it as the JSON problem it is, naming the field where Jackson knows it.
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        return Problem.of("http-" + status.getStatusCode(), status.getReasonPhrase(), status, e.getMessage())
                .at(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected failure %s on %s", incident, uri.getPath());
        return Problem.of("internal", "Lỗi hệ thống / Internal error", Status.INTERNAL_SERVER_ERROR,
                        "incident " + incident + " was logged")
                .at(uri.getPath()).toResponse();
    }

    /** {@code register.arg0.reporter.phone} → {@code reporter.phone}: the body's own field path. */
    static String fieldOf(Path path) {
        List<String> names = new ArrayList<>();
        String parameter = "";
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR -> names.clear();
                case PARAMETER -> {
                    names.clear();
                    parameter = node.getName(); // a query or path parameter names itself
                }
                default -> names.add(node.getIndex() != null ? node.getName() + "[" + node.getIndex() + "]"
                        : node.getName());
            }
        }
        List<String> fields = names.stream().filter(n -> n != null && !n.isEmpty()).toList();
        return fields.isEmpty() ? parameter : String.join(".", fields);
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
