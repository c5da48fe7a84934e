package vn.langnghe.personal;

import com.google.crypto.tink.Aead;
import java.time.Instant;

/** What the key ring holds for a subject. */
public sealed interface KeyState {

    /** The key exists; its primitive encrypts and decrypts the subject's data. */
    record Active(Aead aead) implements KeyState {}

    /** The key was destroyed (crypto-shredded): the subject's data can never be read again. */
    record Destroyed(Instant destroyedAt) implements KeyState {}

    /** No key was ever created for the subject. */
    record Absent() implements KeyState {}
}
