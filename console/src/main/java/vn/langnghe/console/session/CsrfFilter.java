package vn.langnghe.console.session;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * Cross-site request forgery: besides the SameSite=Strict session cookie, every state-changing request must carry
 * {@value #HEADER}: 1. A page on another site cannot add a custom header to a cross-origin request without a CORS
 * preflight, which the console never grants; htmx adds it to every request (hx-headers on the body). A browser's
 * {@code Sec-Fetch-Site}, when sent, must say same-origin.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class CsrfFilter implements ContainerRequestFilter {

    public static final String HEADER = "X-Langnghe-CSRF";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    public void filter(ContainerRequestContext request) {
        if (SAFE.contains(request.getMethod())) {
            return;
        }
        String marker = request.getHeaderString(HEADER);
        String site = request.getHeaderString("Sec-Fetch-Site");
        if (!"1".equals(marker) || (site != null && !site.equals("same-origin"))) {
            request.abortWith(Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_PLAIN_TYPE)
                    .entity("Refused: a state-changing request must come from the console's own pages ("
                            + HEADER + " header missing or cross-site).")
                    .build());
        }
    }
}
