package vn.langnghe.personal;

import com.google.crypto.tink.Aead;
import java.security.GeneralSecurityException;

/** Tink's checked exceptions turned into this library's: encryption failing is a bug, decryption a tamper. */
final class Ciphers {

    private Ciphers() {}

    static byte[] seal(Aead aead, byte[] plaintext, byte[] associatedData) {
        try {
            return aead.encrypt(plaintext, associatedData);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    static byte[] open(Aead aead, byte[] ciphertext, byte[] associatedData, String what) {
        try {
            return aead.decrypt(ciphertext, associatedData);
        } catch (GeneralSecurityException e) {
            throw new CiphertextRejected(what + " failed authentication (altered or moved)", e);
        }
    }
}
