package vn.langnghe.intake.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.langnghe.intake.application.IdempotencyConflict;
import vn.langnghe.intake.domain.submission.SubmissionRefused;
import vn.langnghe.servicekit.problem.Problem;

/** Intake's own refusals as RFC 9457 problems. */
public class IntakeProblemMappers {

    @ServerExceptionMapper
    public Response refused(SubmissionRefused e, UriInfo uri) {
        if ("NOT_FOUND".equals(e.code())) {
            return Problem.of("not-found", "Không tìm thấy / Not found", Status.NOT_FOUND, e.getMessage())
                    .at(uri.getPath()).toResponse();
        }
        if (e.isStateConflict()) {
            return Problem.of("refused/" + e.code().toLowerCase(), "Không thực hiện được / Not allowed now",
                    Status.CONFLICT, e.getMessage()).at(uri.getPath()).toResponse();
        }
        return Problem.of("invalid-input", "Dữ liệu không hợp lệ / Invalid input", 422,
                        e.field() + ": " + e.getMessage())
                .withErrors(List.of(new Problem.FieldError(e.field(), e.getMessage())))
                .at(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response gone(PersonalDataResource.Gone e, UriInfo uri) {
        return Problem.of("erased", "Đã xóa / Erased", Status.GONE, e.getMessage()).at(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response idempotency(IdempotencyConflict e, UriInfo uri) {
        return Problem.of("idempotency-key-reused", "Idempotency-Key đã dùng / Idempotency-Key reused",
                        422, e.getMessage())
                .withErrors(List.of(new Problem.FieldError("Idempotency-Key", "already used with another body")))
                .at(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response tooMany(TooManyLookups e, UriInfo uri) {
        return Response.fromResponse(Problem.of("too-many-lookups", "Quá nhiều yêu cầu / Too many requests",
                                Status.TOO_MANY_REQUESTS, e.getMessage()).at(uri.getPath()).toResponse())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .build();
    }
}
