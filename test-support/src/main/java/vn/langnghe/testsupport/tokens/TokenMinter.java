package vn.langnghe.testsupport.tokens;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Mints RS256 bearer tokens that quarkus-oidc accepts when configured with {@link #publicKeyPem()} as
 * {@code quarkus.oidc.public-key} and {@link #issuer()} as {@code quarkus.oidc.token.issuer}: no identity
 * provider needed, and 401/403 paths stay real.
 */
public final class TokenMinter {

    public static final String DEFAULT_ISSUER = "https://langnghe.local/issuer";
    static final String PRIVATE_KEY_FILE = "signing-key.pem";
    static final String PUBLIC_KEY_FILE = "public-key.pem";

    private final KeyPair keyPair;
    private final String issuer;
    private final String keyId;

    private TokenMinter(KeyPair keyPair, String issuer) {
        this.keyPair = keyPair;
        this.issuer = issuer;
        this.keyId = thumbprint(keyPair.getPublic());
    }

    /** A fresh RSA-2048 key pair, in memory only. */
    public static TokenMinter generate() {
        return generate(DEFAULT_ISSUER);
    }

    public static TokenMinter generate(String issuer) {
        return new TokenMinter(newKeyPair(), issuer);
    }

    /** Loads the key pair from a PKCS#8 private-key PEM file (the public key is derived from it). */
    public static TokenMinter fromPrivateKeyPem(Path privateKeyPem, String issuer) {
        try {
            byte[] der = decodePem(Files.readString(privateKeyPem));
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey key = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(der));
            PublicKey pub = rsa.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
            return new TokenMinter(new KeyPair(pub, key), issuer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + privateKeyPem, e);
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException(privateKeyPem + " is not a PKCS#8 RSA private key", e);
        }
    }

    /**
     * The key pair kept in {@code dir} ({@value #PRIVATE_KEY_FILE}, {@value #PUBLIC_KEY_FILE}), created there on
     * first use: the local run keeps accepting its tokens across restarts.
     */
    public static TokenMinter loadOrCreate(Path dir, String issuer) {
        Path privateKey = dir.resolve(PRIVATE_KEY_FILE);
        if (Files.exists(privateKey)) {
            return fromPrivateKeyPem(privateKey, issuer);
        }
        TokenMinter minter = generate(issuer);
        minter.save(dir);
        return minter;
    }

    /** Writes {@value #PRIVATE_KEY_FILE} (owner-only where the file system allows) and {@value #PUBLIC_KEY_FILE}. */
    public void save(Path dir) {
        try {
            Files.createDirectories(dir);
            Path privateKey = dir.resolve(PRIVATE_KEY_FILE);
            Path tmp = Files.createTempFile(dir, ".signing-key", ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system
            }
            Files.writeString(tmp, pem("PRIVATE KEY", keyPair.getPrivate().getEncoded()));
            Files.move(tmp, privateKey, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            writePublicKeyPem(dir.resolve(PUBLIC_KEY_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the key pair to " + dir, e);
        }
    }

    /** Writes the public key as a PEM file with headers (for tools; Quarkus takes {@link #publicKeyPem()}). */
    public void writePublicKeyPem(Path file) {
        try {
            Files.writeString(file, pem("PUBLIC KEY", keyPair.getPublic().getEncoded()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * The public key as {@code quarkus.oidc.public-key} (and {@code mp.jwt.verify.publickey}) takes it: the
     * base64 X.509 SubjectPublicKeyInfo, no PEM header, no line breaks.
     */
    public String publicKeyPem() {
        return Base64.getEncoder().encodeToString(keyPair.getPublic().getEncoded());
    }

    public PublicKey publicKey() {
        return keyPair.getPublic();
    }

    public String issuer() {
        return issuer;
    }

    /** The {@code kid} header of every token: a SHA-256 thumbprint of the public key. */
    public String keyId() {
        return keyId;
    }

    public String mint(TokenSpec spec) {
        Instant now = Instant.now();
        return sign(spec, now, now.plus(spec.lifetime()), keyPair.getPrivate());
    }

    public String officer(String unitId) {
        return mint(TokenSpec.officer(unitId));
    }

    public String organiser(String unitId) {
        return mint(TokenSpec.organiser(unitId));
    }

    public String analyst(String unitId) {
        return mint(TokenSpec.analyst(unitId));
    }

    public String admin() {
        return mint(TokenSpec.admin());
    }

    public String partner(String clientId) {
        return mint(TokenSpec.partner(clientId));
    }

    /** Correctly signed, but expired an hour ago (issued two hours ago). */
    public String expired(TokenSpec spec) {
        Instant now = Instant.now();
        return sign(spec, now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1)), keyPair.getPrivate());
    }

    /** Same claims and key id, but signed by a different key: must be rejected. */
    public String forged(TokenSpec spec) {
        Instant now = Instant.now();
        return sign(spec, now, now.plus(spec.lifetime()), forgerKey().getPrivate());
    }

    private KeyPair forgerKey;

    // One forger's key per minter: generating a 2048-bit key costs tens of milliseconds, and property tests forge
    // thousands of tokens.
    private synchronized KeyPair forgerKey() {
        if (forgerKey == null) {
            forgerKey = newKeyPair();
        }
        return forgerKey;
    }

    private String sign(TokenSpec spec, Instant issuedAt, Instant expiresAt, PrivateKey key) {
        JwtClaimsBuilder claims = Jwt.issuer(issuer)
                .subject(spec.subject())
                .groups(spec.groups())
                .issuedAt(issuedAt)
                .expiresAt(expiresAt)
                .claim("jti", UUID.randomUUID().toString());
        if (spec.preferredUsername() != null) {
            claims.claim("preferred_username", spec.preferredUsername());
        }
        if (spec.unitId() != null) {
            claims.claim("unit_id", spec.unitId());
        }
        if (spec.azp() != null) {
            claims.claim("azp", spec.azp());
        }
        spec.extraClaims().forEach(claims::claim);
        return claims.jws().keyId(keyId).algorithm(SignatureAlgorithm.RS256).sign(key);
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no RSA key pair generator", e);
        }
    }

    private static String thumbprint(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] decodePem(String pem) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(base64);
    }
}
