package vn.langnghe.personal;

/** A ciphertext failed authentication: it was altered or moved to a row it does not belong to. */
public final class CiphertextRejected extends IllegalStateException {

    public CiphertextRejected(String message, Throwable cause) {
        super(message, cause);
    }
}
