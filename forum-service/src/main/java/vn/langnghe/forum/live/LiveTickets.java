package vn.langnghe.forum.live;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Short-lived signed tickets that open one forum's live feed, so a browser's EventSource never puts a bearer
 * token in a URL. A ticket names the forum, the organiser and its expiry, signed with HMAC-SHA256. It is not a
 * bearer token: it opens that forum's feed only, until it expires.
 *
 * <p>The secret comes from {@code langnghe.forum.live-ticket-secret}; without it one is generated at start,
 * which is fine for one instance but means replicas must share a configured secret.
 */
@ApplicationScoped
public class LiveTickets {

    private static final Logger LOG = Logger.getLogger(LiveTickets.class);
    static final Duration LIFETIME = Duration.ofSeconds(60);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder UNB64 = Base64.getUrlDecoder();

    private final byte[] secret;
    private final Clock clock;

    LiveTickets(@ConfigProperty(name = "langnghe.forum.live-ticket-secret") Optional<String> configured, Clock clock) {
        this.clock = clock;
        this.secret = configured.filter(s -> !s.isBlank()).map(s -> s.getBytes(StandardCharsets.UTF_8))
                .orElseGet(() -> {
                    LOG.info("no langnghe.forum.live-ticket-secret: live tickets are signed with a key generated at"
                            + " start (fine for one instance; replicas need a shared secret)");
                    byte[] random = new byte[32];
                    new SecureRandom().nextBytes(random);
                    return random;
                });
    }

    public record Ticket(String ticket, Instant expiresAt) {}

    public Ticket issue(UUID forumId, String subject) {
        Instant expiresAt = clock.instant().plus(LIFETIME);
        String payload = "v1|" + forumId + "|" + expiresAt.getEpochSecond() + "|" + subject;
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return new Ticket(B64.encodeToString(bytes) + "." + B64.encodeToString(sign(bytes)), expiresAt);
    }

    /** The organiser the ticket was issued to, if it is genuine, unexpired and for this forum. */
    public Optional<String> verify(String ticket, UUID forumId) {
        if (ticket == null || ticket.length() > 1000) {
            return Optional.empty();
        }
        int dot = ticket.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        try {
            byte[] payload = UNB64.decode(ticket.substring(0, dot));
            byte[] signature = UNB64.decode(ticket.substring(dot + 1));
            if (!MessageDigest.isEqual(sign(payload), signature)) {
                return Optional.empty();
            }
            String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|", 4);
            if (parts.length != 4 || !parts[0].equals("v1") || !parts[1].equals(forumId.toString())) {
                return Optional.empty();
            }
            if (!clock.instant().isBefore(Instant.ofEpochSecond(Long.parseLong(parts[2])))) {
                return Optional.empty();
            }
            return Optional.of(parts[3]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
