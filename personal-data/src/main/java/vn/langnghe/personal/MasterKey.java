package vn.langnghe.personal;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * The key-encryption key (KEK): a Tink AEAD keyset that wraps every person's and case's key. Services get
 * it as base64 from configuration (never from the database it protects). Rotation and moving it into a
 * KMS/HSM are future work (ADR 0007).
 */
public final class MasterKey {

    private final KeysetHandle keyset;
    private final Aead aead;

    private MasterKey(KeysetHandle keyset) throws GeneralSecurityException {
        this.keyset = keyset;
        this.aead = Tink.aead(keyset);
    }

    /** A Tink keyset in binary proto form, base64-encoded (what {@link #toBase64()} gives). */
    public static MasterKey fromBase64(String base64) {
        Checks.notBlank(base64, "master key");
        try {
            byte[] bytes = Base64.getDecoder().decode(base64.strip());
            return new MasterKey(TinkProtoKeysetFormat.parseKeyset(bytes, InsecureSecretKeyAccess.get()));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            // the message must not echo the value: it is the secret
            throw new IllegalArgumentException("master key is not a base64 Tink AEAD keyset");
        }
    }

    /** A new random master key: for tests and the local run only. */
    public static MasterKey generate() {
        try {
            return new MasterKey(Tink.newKeyset());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a master key", e);
        }
    }

    /** For handing a generated key to locally run services through their configuration. */
    public String toBase64() {
        try {
            return Base64.getEncoder()
                    .encodeToString(TinkProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot serialize the master key", e);
        }
    }

    Aead aead() {
        return aead;
    }

    @Override
    public String toString() {
        return "MasterKey[redacted]";
    }
}
