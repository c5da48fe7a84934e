package vn.langnghe.intake.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import vn.langnghe.servicekit.personal.PersonalDataBeans;

/**
 * Fingerprints a request body for the Idempotency-Key check. The body holds personal data, so the
 * fingerprint is an HMAC keyed by a secret derived from the master key: an unkeyed hash of a name or
 * phone number could be reversed by trying candidates.
 */
@ApplicationScoped
public class RequestFingerprint {

    private final byte[] key;

    RequestFingerprint(PersonalDataBeans personalData) {
        this.key = hmac(personalData.masterKey().toBase64().getBytes(StandardCharsets.UTF_8),
                "langnghe/idempotency-fingerprint/v1".getBytes(StandardCharsets.UTF_8));
    }

    public String of(String canonicalRequest) {
        return HexFormat.of().formatHex(hmac(key, canonicalRequest.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
