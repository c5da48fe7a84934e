package vn.langnghe.console.session;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/** Finds the session of the request's cookie and the chosen language (Vietnamese unless English was picked). */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class SessionFilter implements ContainerRequestFilter {

    private final SessionStore sessions;
    private final CurrentUser user;

    SessionFilter(SessionStore sessions, CurrentUser user) {
        this.sessions = sessions;
        this.user = user;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Cookie id = request.getCookies().get(Cookies.SESSION);
        Session session = id == null ? null : sessions.find(id.getValue()).orElse(null);
        Cookie lang = request.getCookies().get(Cookies.LANGUAGE);
        Locale locale = lang != null && "en".equals(lang.getValue()) ? Locale.ENGLISH : CurrentUser.VIETNAMESE;
        String path = request.getUriInfo().getRequestUri().getRawPath();
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        user.set(session, locale, query == null ? path : path + "?" + query);
    }
}
