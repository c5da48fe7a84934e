package vn.langnghe.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.langnghe.console.session.Person;
import vn.langnghe.console.signin.Jwts;
import vn.langnghe.console.web.Msg;
import vn.langnghe.console.web.TemplateExtensions;
import vn.langnghe.testsupport.tokens.TokenMinter;
import vn.langnghe.testsupport.tokens.TokenSpec;

/** The console's rules that need no running server. */
class ConsoleUnitTest {

    static final TokenMinter MINTER = TokenMinter.generate();

    @Test
    void aLocalTokenVerifies_withItsClaims() {
        String token = MINTER.mint(TokenSpec.organiser("HP-LECHAN-ANDUONG").withPreferredUsername("Tổ chức"));
        Jwts.Claims claims = Jwts.verify(token, MINTER.publicKeyPem(), MINTER.issuer(), Instant.now());
        assertThat(claims.person().roles()).containsExactly(Person.ORGANISER);
        assertThat(claims.person().unitId()).isEqualTo("HP-LECHAN-ANDUONG");
        assertThat(claims.person().displayName()).isEqualTo("Tổ chức");
    }

    @Test
    void forgedExpiredOrForeignTokensAreRefused() {
        TokenSpec spec = TokenSpec.officer("HP");
        assertThatThrownBy(() -> Jwts.verify(MINTER.forged(spec), MINTER.publicKeyPem(), MINTER.issuer(), Instant.now()))
                .hasMessageContaining("signature");
        assertThatThrownBy(() -> Jwts.verify(MINTER.expired(spec), MINTER.publicKeyPem(), MINTER.issuer(), Instant.now()))
                .hasMessageContaining("expired");
        assertThatThrownBy(() -> Jwts.verify(MINTER.mint(spec), MINTER.publicKeyPem(), "https://elsewhere", Instant.now()))
                .hasMessageContaining("issued by");
        assertThatThrownBy(() -> Jwts.verify("not.a-token", MINTER.publicKeyPem(), null, Instant.now()))
                .isInstanceOf(Jwts.InvalidToken.class);
    }

    @Test
    void redirectsStayOnTheConsole() {
        assertThat(TemplateExtensions.localPath("/cases/1?x=2")).isEqualTo("/cases/1?x=2");
        for (String outside : new String[] {"https://evil.example/", "//evil.example", "/\\evil.example", "evil",
                null, "/a\nb"}) {
            assertThat(TemplateExtensions.localPath(outside)).as(String.valueOf(outside)).isEqualTo("/");
        }
    }

    @Test
    void sessionsEndWhenIdleOrWhenTheTokenExpires() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
        var constructor = vn.langnghe.console.session.SessionStore.class.getDeclaredConstructor(Duration.class,
                Clock.class);
        constructor.setAccessible(true);
        var store = constructor.newInstance(Duration.ofHours(1), clock);
        Person person = new Person("s", "S", Set.of(Person.OFFICER), "HP");
        var session = store.create("t", clock.instant().plus(Duration.ofHours(3)), person, false);
        assertThat(session.id()).hasSizeGreaterThanOrEqualTo(43); // 256 random bits
        clock.now = clock.now.plus(Duration.ofMinutes(50));
        assertThat(store.find(session.id())).isPresent();
        clock.now = clock.now.plus(Duration.ofMinutes(61));
        assertThat(store.find(session.id())).as("idle for more than an hour").isEmpty();
        var second = store.create("t", clock.instant().plus(Duration.ofMinutes(5)), person, false);
        clock.now = clock.now.plus(Duration.ofMinutes(5));
        assertThat(store.find(second.id())).as("token expired").isEmpty();
    }

    @Test
    void everyTextHasItsEnglish() throws Exception {
        Properties en = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/messages/msg_en.properties")) {
            en.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Set<String> keys = en.stringPropertyNames();
        assertThat(Arrays.stream(Msg.class.getDeclaredMethods()).map(Method::getName).filter(k -> !keys.contains(k)))
                .as("messages without English").isEmpty();
        assertThat(keys).allMatch(k -> Arrays.stream(Msg.class.getDeclaredMethods()).anyMatch(m -> m.getName()
                .equals(k)), "no English text without a Vietnamese one");
    }

    @Test
    void productionHasNoLocalSignIn_unlessExplicitlyEnabled() throws Exception {
        Properties app = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            app.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        assertThat(app.getProperty("langnghe.console.local-sign-in.enabled")).isEqualTo(
                "${LANGNGHE_CONSOLE_LOCAL_SIGN_IN:false}");
        assertThat(app.getProperty("quarkus.oidc.tenant-enabled")).isEqualTo("true");
        assertThat(app.getProperty("quarkus.oidc.authentication.pkce-required")).isEqualTo("true");
        assertThat(app.getProperty("langnghe.console.session.secure-cookie")).isEqualTo("true");
        assertThat(app.getProperty("%prod.langnghe.console.local-sign-in.enabled")).isNull();
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
