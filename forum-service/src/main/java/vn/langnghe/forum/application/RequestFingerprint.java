package vn.langnghe.forum.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import vn.langnghe.servicekit.personal.PersonalDataBeans;
import vn.langnghe.personal.PersonalIdentity;

/**
 * Fingerprints an opinion's recording request, so a retry is told from another opinion under the same id.
 * The request holds personal data (the speaker's name, their own words), so the fingerprint is an HMAC keyed
 * by a secret derived from the master key: an unkeyed hash of a name could be reversed by trying candidates.
 * The effective date is left out, as the decider leaves it out: a retry may be stamped a moment later.
 */
@ApplicationScoped
public class RequestFingerprint {

    private final byte[] key;
    private final ObjectMapper json = new ObjectMapper();

    RequestFingerprint(PersonalDataBeans personalData) {
        this.key = hmac(personalData.masterKey().toBase64().getBytes(StandardCharsets.UTF_8),
                "langnghe/forum-opinion-fingerprint/v1".getBytes(StandardCharsets.UTF_8));
    }

    public String of(NewOpinion o) {
        PersonalIdentity s = o.speaker();
        List<Object> canonical = Arrays.asList(o.opinionId().toString(), name(o.speakerGroup()),
                s == null ? null : Arrays.asList(s.fullName(), s.phone(), s.idNumber(), s.address(), s.email()),
                o.topic(), o.tags(), name(o.nature()), o.publicSummary(), o.text());
        try {
            return HexFormat.of().formatHex(hmac(key, json.writeValueAsBytes(canonical)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
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
