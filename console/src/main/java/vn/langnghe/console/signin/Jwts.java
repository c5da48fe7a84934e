package vn.langnghe.console.signin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;
import vn.langnghe.console.session.Person;

/** Reads the claims of a compact JWT and checks an RS256 signature with a known public key. */
public final class Jwts {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the console needs from a token. */
    public record Claims(Person person, String issuer, Instant expiresAt) {}

    private Jwts() {
    }

    /** Decodes the payload without checking the signature (for tokens quarkus-oidc already verified). */
    public static Claims decode(String token) {
        String[] parts = split(token);
        JsonNode payload = json(parts[1]);
        Set<String> groups = new LinkedHashSet<>();
        payload.path("groups").forEach(g -> groups.add(g.asText()));
        String subject = payload.path("sub").asText("");
        String name = text(payload, "name", text(payload, "preferred_username", subject));
        String unit = text(payload, "unit_id", null);
        long exp = payload.path("exp").asLong(0);
        return new Claims(new Person(subject, name, groups, unit), text(payload, "iss", null),
                Instant.ofEpochSecond(exp));
    }

    /** Checks the RS256 signature, the issuer and the expiry; then the claims. */
    public static Claims verify(String token, String publicKeyBase64, String issuer, Instant now) {
        String[] parts = split(token);
        JsonNode header = json(parts[0]);
        if (!"RS256".equals(header.path("alg").asText())) {
            throw new InvalidToken("only RS256 tokens are accepted");
        }
        try {
            PublicKey key = KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKeyBase64.strip())));
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initVerify(key);
            rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rs256.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                throw new InvalidToken("the signature does not verify");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new InvalidToken("the signature does not verify");
        }
        Claims claims = decode(token);
        if (issuer != null && !issuer.equals(claims.issuer())) {
            throw new InvalidToken("issued by " + claims.issuer() + ", not " + issuer);
        }
        if (!now.isBefore(claims.expiresAt())) {
            throw new InvalidToken("expired at " + claims.expiresAt());
        }
        return claims;
    }

    private static String[] split(String token) {
        String[] parts = token == null ? new String[0] : token.strip().split("\\.");
        if (parts.length != 3 || token.length() > 16_000) {
            throw new InvalidToken("not a signed JWT (three dot-separated parts)");
        }
        return parts;
    }

    private static JsonNode json(String part) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(part));
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidToken("not a JWT: a part is not base64url JSON");
        }
    }

    private static String text(JsonNode node, String field, String otherwise) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? otherwise : value.asText();
    }

    /** A token the console refuses, with the reason to show. */
    public static final class InvalidToken extends RuntimeException {
        public InvalidToken(String message) {
            super(message);
        }
    }
}
