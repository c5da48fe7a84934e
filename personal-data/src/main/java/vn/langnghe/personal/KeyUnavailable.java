package vn.langnghe.personal;

/**
 * A key exists but cannot be unwrapped: wrong master key, or tampered key material. Deliberately not
 * "erased": a misconfiguration must fail loudly rather than look like a lawful erasure.
 */
public final class KeyUnavailable extends IllegalStateException {

    public KeyUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
