package vn.langnghe.console.signin;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import vn.langnghe.console.ConsoleConfig;

/**
 * Local sign-in (local run, dev, tests): the tokens the local run prints and saves as
 * {@code .langnghe/tokens/<role>.jwt}, offered as one-click sign-ins, or a pasted token. Every token must verify
 * against the configured public key. Off in production unless explicitly enabled.
 */
@ApplicationScoped
public class LocalTokens {

    private static final Logger LOG = Logger.getLogger(LocalTokens.class);

    /** A saved token offered on the sign-in page: the role is the file name. */
    public record Offer(String role, String name, String unit) {}

    private final ConsoleConfig.LocalSignIn config;

    LocalTokens(ConsoleConfig config) {
        this.config = config.localSignIn();
        if (this.config.enabled()) {
            LOG.warnf("local sign-in is ON (tokens from %s): for the local run and tests only; production signs in"
                    + " through the identity provider", this.config.tokensDir().orElse("(pasted only)"));
        }
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** The saved tokens that are still valid, in a fixed order of roles. */
    public List<Offer> offers() {
        List<Offer> offers = new ArrayList<>();
        for (String role : List.of("organiser", "officer", "analyst", "admin")) {
            read(role).ifPresent(token -> {
                try {
                    Jwts.Claims claims = verify(token);
                    offers.add(new Offer(role, claims.person().displayName(),
                            claims.person().unitId() == null ? "" : claims.person().unitId()));
                } catch (Jwts.InvalidToken e) {
                    // stale file from an earlier run: not offered
                }
            });
        }
        return offers;
    }

    /** The saved token of a role, if any. */
    public Optional<String> read(String role) {
        if (!enabled() || config.tokensDir().isEmpty() || !role.matches("[a-z]{2,20}")) {
            return Optional.empty();
        }
        Path file = Path.of(config.tokensDir().get(), role + ".jwt");
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file).strip()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public Jwts.Claims verify(String token) {
        if (!enabled()) {
            throw new Jwts.InvalidToken("local sign-in is off");
        }
        String key = config.publicKey().filter(k -> !k.isBlank()).orElseThrow(() ->
                new Jwts.InvalidToken("no public key configured (langnghe.console.local-sign-in.public-key)"));
        return Jwts.verify(token, key, config.issuer(), Instant.now());
    }

    /** For the sign-in page's hint. */
    public String tokensDir() {
        return config.tokensDir().map(d -> Path.of(d).toAbsolutePath().normalize().toString()).orElse("");
    }
}
