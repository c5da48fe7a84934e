package vn.langnghe.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Where the services are, how sessions behave, and whether local sign-in (no identity provider) is on. */
@ConfigMapping(prefix = "langnghe.console")
public interface ConsoleConfig {

    String intakeUrl();

    String forumUrl();

    String reportingUrl();

    @WithDefault("15s")
    Duration callTimeout();

    SessionSettings session();

    LocalSignIn localSignIn();

    interface SessionSettings {
        /** A session unused this long is forgotten. */
        @WithDefault("PT8H")
        Duration idleTimeout();

        /** {@code Secure} on the session cookie: on in production (TLS at the ingress). */
        @WithDefault("true")
        boolean secureCookie();
    }

    interface LocalSignIn {
        /** Off in production unless explicitly enabled; on in the local run, dev and tests. */
        @WithDefault("false")
        boolean enabled();

        /** The local run's {@code .langnghe/tokens}: each {@code <role>.jwt} is offered as a one-click sign-in. */
        Optional<String> tokensDir();

        /** Base64 X.509 public key the local tokens are signed with; a token that does not verify is refused. */
        Optional<String> publicKey();

        @WithDefault("https://langnghe.local/issuer")
        String issuer();
    }
}
