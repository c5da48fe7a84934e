package vn.langnghe.forum.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.langnghe.forum.domain.forum.ForumRefused;
import vn.langnghe.servicekit.problem.Problem;

/** The forum's own refusals as RFC 9457 problems: 404, 409 naming the code, or 422 naming the field. */
public class ForumProblemMappers {

    @ServerExceptionMapper
    public Response refused(ForumRefused e, UriInfo uri) {
        if (e.isNotFound()) {
            return Problem.of("not-found", "Không tìm thấy / Not found", Status.NOT_FOUND, e.getMessage())
                    .at(uri.getPath()).toResponse();
        }
        if (e.isStateConflict()) {
            return Problem.of("refused/" + e.code().toLowerCase(), "Không thực hiện được / Not allowed now",
                    Status.CONFLICT, e.code() + ": " + e.getMessage()).at(uri.getPath()).toResponse();
        }
        return Problem.of("invalid-input", "Dữ liệu không hợp lệ / Invalid input", 422,
                        e.field() + ": " + e.getMessage())
                .withErrors(List.of(new Problem.FieldError(e.field(), e.code() + ": " + e.getMessage())))
                .at(uri.getPath()).toResponse();
    }
}
