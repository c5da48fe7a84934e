package vn.langnghe.console.session;

import java.time.Instant;

/**
 * A signed-in person's server-side session: the access token never leaves the server. The browser holds only
 * the random id, in an HttpOnly, SameSite=Strict cookie.
 */
public final class Session {

    private final String id;
    private final String accessToken;
    private final Instant tokenExpiresAt;
    private final Person person;
    private final boolean viaOidc;
    private volatile Instant lastSeen;

    Session(String id, String accessToken, Instant tokenExpiresAt, Person person, boolean viaOidc, Instant now) {
        this.id = id;
        this.accessToken = accessToken;
        this.tokenExpiresAt = tokenExpiresAt;
        this.person = person;
        this.viaOidc = viaOidc;
        this.lastSeen = now;
    }

    public String id() {
        return id;
    }

    public String accessToken() {
        return accessToken;
    }

    public Instant tokenExpiresAt() {
        return tokenExpiresAt;
    }

    public Person person() {
        return person;
    }

    /** Signed in through the identity provider (else with a local-run token). */
    public boolean viaOidc() {
        return viaOidc;
    }

    Instant lastSeen() {
        return lastSeen;
    }

    void touch(Instant now) {
        lastSeen = now;
    }
}
