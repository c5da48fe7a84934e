package vn.langnghe.console.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.langnghe.console.services.ServiceError;
import vn.langnghe.console.session.CurrentUser;
import vn.langnghe.console.session.SessionStore;

/**
 * What people see when something is refused: a page for a full page load, a fragment for htmx (swapped into the
 * form's result area, status kept), a redirect to sign-in when there is no session or the token was refused.
 */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance errorPage(int status, String title, String detail,
                List<ServiceError.FieldError> errors);

        static native TemplateInstance errorFragment(int status, String title, String detail,
                List<ServiceError.FieldError> errors);
    }

    private final CurrentUser user;
    private final SessionStore sessions;

    ErrorMappers(CurrentUser user, SessionStore sessions) {
        this.user = user;
        this.sessions = sessions;
    }

    @ServerExceptionMapper
    Response signIn(CurrentUser.SignInRequired e, HttpHeaders headers) {
        return toSignIn(headers);
    }

    @ServerExceptionMapper
    Response notInRole(CurrentUser.NotInRole e, HttpHeaders headers) {
        return render(headers, 403, user.isEnglish() ? "Not for your role" : "Không thuộc vai trò của bạn",
                e.getMessage(), List.of());
    }

    @ServerExceptionMapper
    Response service(ServiceError e, HttpHeaders headers) {
        if (e.status() == 401) {
            // the token was refused (expired or revoked): the session is over
            user.session().ifPresent(s -> sessions.remove(s.id()));
            return toSignIn(headers);
        }
        if (e.status() >= 500) {
            LOG.warnf("service call failed: %s", e.getMessage());
        }
        return render(headers, e.status(), e.title(), e.detail(), e.errors());
    }

    private Response toSignIn(HttpHeaders headers) {
        String back = "/sign-in?return=" + TemplateExtensions.enc(user.getPath());
        if (Htmx.isHtmx(headers)) {
            return Response.ok().header(Htmx.REDIRECT, back).build();
        }
        String accept = headers.getHeaderString(HttpHeaders.ACCEPT);
        if (accept != null && accept.contains(MediaType.SERVER_SENT_EVENTS)) {
            return Response.status(Response.Status.UNAUTHORIZED).build();
        }
        return Response.seeOther(URI.create(back)).build();
    }

    private Response render(HttpHeaders headers, int status, String title, String detail,
            List<ServiceError.FieldError> errors) {
        TemplateInstance body = Htmx.isHtmx(headers) ? Templates.errorFragment(status, title, detail, errors)
                : Templates.errorPage(status, title, detail, errors);
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE + ";charset=UTF-8")
                .entity(body.setLocale(user.locale()).render()).build();
    }
}
