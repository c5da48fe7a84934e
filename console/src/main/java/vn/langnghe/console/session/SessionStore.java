package vn.langnghe.console.session;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import vn.langnghe.console.ConsoleConfig;

/**
 * Sessions in memory, keyed by 256-bit random ids. A session ends when it is signed out, idle too long, or its
 * token expires (then the person signs in again; with the identity provider that is usually silent). Replicas do
 * not share sessions: behind more than one replica, use sticky sessions, or people sign in again on a switch.
 */
@ApplicationScoped
public class SessionStore {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Tokens are treated as expired a little early, so a call never leaves with a token about to lapse. */
    private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(10);

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Duration idleTimeout;
    private final Clock clock;

    @jakarta.inject.Inject
    SessionStore(ConsoleConfig config) {
        this(config.session().idleTimeout(), Clock.systemUTC());
    }

    SessionStore(Duration idleTimeout, Clock clock) {
        this.idleTimeout = idleTimeout;
        this.clock = clock;
    }

    public Session create(String accessToken, Instant tokenExpiresAt, Person person, boolean viaOidc) {
        sweep();
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Session session = new Session(id, accessToken, tokenExpiresAt, person, viaOidc, clock.instant());
        sessions.put(id, session);
        return session;
    }

    /** The live session with this id, touched; empty when unknown, idle too long or its token expired. */
    public Optional<Session> find(String id) {
        if (id == null || id.length() > 100) {
            return Optional.empty();
        }
        Session session = sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (!usable(session, now)) {
            sessions.remove(id);
            return Optional.empty();
        }
        session.touch(now);
        return Optional.of(session);
    }

    public void remove(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    public int size() {
        return sessions.size();
    }

    private boolean usable(Session session, Instant now) {
        return now.isBefore(session.lastSeen().plus(idleTimeout))
                && now.isBefore(session.tokenExpiresAt().minus(EXPIRY_MARGIN));
    }

    private void sweep() {
        Instant now = clock.instant();
        sessions.values().removeIf(s -> !usable(s, now));
    }
}
