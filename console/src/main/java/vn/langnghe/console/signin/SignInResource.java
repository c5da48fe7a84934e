package vn.langnghe.console.signin;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.jboss.logging.Logger;
import vn.langnghe.console.ConsoleConfig;
import vn.langnghe.console.session.Cookies;
import vn.langnghe.console.session.CurrentUser;
import vn.langnghe.console.session.Session;
import vn.langnghe.console.session.SessionStore;
import vn.langnghe.console.web.Htmx;
import vn.langnghe.console.web.TemplateExtensions;

/**
 * Signing in and out. Production: {@code /sign-in/oidc} runs the authorization code flow with PKCE against the
 * realm (quarkus-oidc), then the console opens its own session with the access token. Local run and tests: the
 * printed tokens, one click per role or pasted, verified against the local public key.
 */
@Path("/sign-in")
@Produces(MediaType.TEXT_HTML)
public class SignInResource {

    private static final Logger LOG = Logger.getLogger(SignInResource.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signIn(boolean local, List<LocalTokens.Offer> offers, String tokensDir,
                String returnTo);

        static native TemplateInstance signInError(String message);

        static native TemplateInstance continueTo(String target);
    }

    private final LocalTokens local;
    private final SessionStore sessions;
    private final CurrentUser user;
    private final ConsoleConfig config;
    private final SecurityIdentity identity;

    SignInResource(LocalTokens local, SessionStore sessions, CurrentUser user, ConsoleConfig config,
            SecurityIdentity identity) {
        this.identity = identity;
        this.local = local;
        this.sessions = sessions;
        this.user = user;
        this.config = config;
    }

    @GET
    public Response page(@QueryParam("return") String returnTo) {
        if (!local.enabled()) {
            return Response.seeOther(URI.create("/sign-in/oidc")).build();
        }
        return Response.ok(Templates.signIn(true, local.offers(), local.tokensDir(),
                TemplateExtensions.localPath(returnTo)).setLocale(user.locale())).build();
    }

    /** Local sign-in (htmx): a saved role token or a pasted one. Refused outright when local sign-in is off. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam("role") String role, @FormParam("token") String pasted,
            @FormParam("return") String returnTo) {
        if (!local.enabled()) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        String token = pasted != null && !pasted.isBlank() ? pasted.strip()
                : role == null ? null : local.read(role).orElse(null);
        if (token == null) {
            return error(Response.Status.BAD_REQUEST, "no token");
        }
        Jwts.Claims claims;
        try {
            claims = local.verify(token);
        } catch (Jwts.InvalidToken e) {
            return error(Response.Status.UNAUTHORIZED, e.getMessage());
        }
        Session session = sessions.create(token, claims.expiresAt(), claims.person(), false);
        LOG.infof("local sign-in of %s %s", claims.person().subject(), claims.person().roles());
        return Response.ok().header(Htmx.REDIRECT, TemplateExtensions.localPath(returnTo))
                .cookie(Cookies.session(session.id(), config.session().secureCookie())).build();
    }

    /**
     * After the code flow: quarkus-oidc verified the ID token and holds the tokens in its own cookie (path
     * /sign-in, encrypted). The console opens its session with the access token, then continues with a
     * same-site navigation (a page, not a redirect: a redirect chain started by the identity provider is
     * cross-site, and the browser would not send the SameSite=Strict cookie with it).
     */
    @GET
    @Path("/oidc")
    @Authenticated
    public Response oidc() {
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (credential == null) {
            return Response.status(Response.Status.UNAUTHORIZED).build();
        }
        Jwts.Claims claims = Jwts.decode(credential.getToken());
        Session session = sessions.create(credential.getToken(), claims.expiresAt(), claims.person(), true);
        LOG.infof("signed in %s %s through the identity provider", claims.person().subject(), claims.person().roles());
        return Response.ok(Templates.continueTo("/").setLocale(user.locale()))
                .cookie(Cookies.session(session.id(), config.session().secureCookie())).build();
    }

    private Response error(Response.Status status, String message) {
        return Response.status(status).entity(Templates.signInError(message).setLocale(user.locale())).build();
    }

    /** Signing out (htmx POST with the CSRF header): the session is forgotten at once. */
    @POST
    @Path("/out")
    public Response signOut() {
        user.session().ifPresent(s -> sessions.remove(s.id()));
        boolean secure = config.session().secureCookie();
        // quarkus-oidc's own session cookie, so the next sign-in goes through the identity provider again
        NewCookie oidc = new NewCookie.Builder("q_session").value("").path("/sign-in").maxAge(0).httpOnly(true)
                .secure(secure).build();
        return Response.ok().header(Htmx.REDIRECT, "/sign-in").cookie(Cookies.expiredSession(secure), oidc).build();
    }
}
