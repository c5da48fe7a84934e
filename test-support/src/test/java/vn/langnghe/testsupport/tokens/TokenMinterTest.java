package vn.langnghe.testsupport.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenMinterTest {

    private final TokenMinter minter = TokenMinter.generate();

    /** Verifies as quarkus-oidc would: key from the configured base64 string, issuer and expiry checked. */
    private JwtClaims verify(String token, String publicKeyBase64) throws Exception {
        PublicKey key = KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKeyBase64)));
        JwtConsumer consumer = new JwtConsumerBuilder().setVerificationKey(key)
                .setExpectedIssuer(TokenMinter.DEFAULT_ISSUER).setRequireExpirationTime().setRequireSubject().build();
        return consumer.processToClaims(token);
    }

    @Test
    void tokensCarryTheClaimsAndVerifyWithThePublicKey() throws Exception {
        JwtClaims officer = verify(minter.officer("unit-42"), minter.publicKeyPem());
        assertThat(officer.getStringListClaimValue("groups")).containsExactly(Roles.OFFICER);
        assertThat(officer.getStringClaimValue("unit_id")).isEqualTo("unit-42");
        assertThat(officer.getSubject()).isEqualTo("officer-unit-42");
        assertThat(officer.getStringClaimValue("preferred_username")).isEqualTo("officer-unit-42");
        assertThat(officer.hasClaim("azp")).isFalse();

        JwtClaims partner = verify(minter.partner("portal-a"), minter.publicKeyPem());
        assertThat(partner.getStringListClaimValue("groups")).containsExactly(Roles.PARTNER);
        assertThat(partner.getStringClaimValue("azp")).isEqualTo("portal-a");
        assertThat(partner.hasClaim("unit_id")).isFalse();

        JwtClaims custom = verify(minter.mint(TokenSpec.of("u1", Roles.ANALYST, Roles.ORGANISER)
                .withUnitId("p-1").withClaim("extra", "x")), minter.publicKeyPem());
        assertThat(custom.getStringListClaimValue("groups")).containsExactlyInAnyOrder(Roles.ANALYST, Roles.ORGANISER);
        assertThat(custom.getStringClaimValue("extra")).isEqualTo("x");
        assertThat(verify(minter.admin(), minter.publicKeyPem()).getStringListClaimValue("groups")).containsExactly(Roles.ADMIN);
    }

    @Test
    void forgedAndExpiredTokensAreRejected() {
        assertThatThrownBy(() -> verify(minter.forged(TokenSpec.officer("unit-42")), minter.publicKeyPem()))
                .isInstanceOf(InvalidJwtException.class);
        assertThatThrownBy(() -> verify(minter.expired(TokenSpec.officer("unit-42")), minter.publicKeyPem()))
                .isInstanceOf(InvalidJwtException.class).hasMessageContaining("Expiration Time");
        assertThatThrownBy(() -> verify(minter.officer("unit-42"), TokenMinter.generate().publicKeyPem()))
                .isInstanceOf(InvalidJwtException.class);
    }

    @Test
    void aSavedKeyPairIsReloaded(@TempDir Path dir) throws Exception {
        TokenMinter first = TokenMinter.loadOrCreate(dir, TokenMinter.DEFAULT_ISSUER);
        TokenMinter again = TokenMinter.loadOrCreate(dir, TokenMinter.DEFAULT_ISSUER);
        assertThat(again.publicKeyPem()).isEqualTo(first.publicKeyPem());
        assertThat(again.keyId()).isEqualTo(first.keyId());
        verify(again.admin(), first.publicKeyPem());
        assertThat(Files.readString(dir.resolve("public-key.pem"))).startsWith("-----BEGIN PUBLIC KEY-----");
    }

    @Test
    void theSharedMinterIsOnePerJvm() throws Exception {
        assertThat(Tokens.shared()).isSameAs(Tokens.shared());
        assertThat(System.getProperty(Tokens.DIR_PROPERTY)).isNotNull();
        verify(Tokens.shared().analyst("x"), Tokens.shared().publicKeyPem());
    }
}
