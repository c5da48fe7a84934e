package vn.langnghe.console.session;

import jakarta.ws.rs.core.NewCookie;

/** The console's cookies: the session id (HttpOnly, SameSite=Strict, Secure in production) and the language. */
public final class Cookies {

    public static final String SESSION = "langnghe_session";
    public static final String LANGUAGE = "langnghe_lang";

    private Cookies() {
    }

    public static NewCookie session(String id, boolean secure) {
        return new NewCookie.Builder(SESSION).value(id).path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }

    public static NewCookie expiredSession(boolean secure) {
        return new NewCookie.Builder(SESSION).value("").path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT).maxAge(0).build();
    }

    public static NewCookie language(String lang, boolean secure) {
        return new NewCookie.Builder(LANGUAGE).value(lang).path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT).maxAge(60 * 60 * 24 * 365).build();
    }
}
