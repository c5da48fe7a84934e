package vn.langnghe.console.session;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.Locale;
import java.util.Optional;

/**
 * The request's person and language, set by {@link SessionFilter}. Templates read it as {@code inject:user}.
 */
@RequestScoped
@Named("user")
public class CurrentUser {

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private Session session;
    private Locale locale = VIETNAMESE;
    private String path = "/";

    void set(Session session, Locale locale, String path) {
        this.session = session;
        this.locale = locale;
        this.path = path;
    }

    public Optional<Session> session() {
        return Optional.ofNullable(session);
    }

    public boolean isSignedIn() {
        return session != null;
    }

    /** The session, or {@link SignInRequired}. */
    public Session required() {
        if (session == null) {
            throw new SignInRequired();
        }
        return session;
    }

    /** The session of a person with this role (admins pass every check), or 403 / sign-in. */
    public Session requireRole(String role) {
        Session s = required();
        if (!s.person().has(role) && !s.person().has(Person.ADMIN)) {
            throw new NotInRole(role);
        }
        return s;
    }

    public String token() {
        return required().accessToken();
    }

    public String getName() {
        return session == null ? "" : session.person().displayName();
    }

    public String getUnit() {
        return session == null || session.person().unitId() == null ? "" : session.person().unitId();
    }

    public boolean isOrganiser() {
        return session != null && session.person().has(Person.ORGANISER);
    }

    public boolean isOfficer() {
        return session != null && session.person().has(Person.OFFICER);
    }

    public boolean isAnalyst() {
        return session != null && (session.person().has(Person.ANALYST) || session.person().has(Person.ADMIN));
    }

    public Locale locale() {
        return locale;
    }

    /** "vi" or "en", for {@code <html lang>}. */
    public String getLang() {
        return locale.getLanguage();
    }

    public boolean isEnglish() {
        return "en".equals(locale.getLanguage());
    }

    /** The current path, so the language switch comes back here. */
    public String getPath() {
        return path;
    }

    /** Thrown when a page needs a signed-in person: a page redirects to sign-in, htmx gets HX-Redirect. */
    public static final class SignInRequired extends RuntimeException {
        public SignInRequired() {
            super("sign in first", null, false, false);
        }
    }

    /** Thrown when the person lacks the role a page is for. */
    public static final class NotInRole extends RuntimeException {
        public NotInRole(String role) {
            super("this page is for the role " + role, null, false, false);
        }
    }
}
