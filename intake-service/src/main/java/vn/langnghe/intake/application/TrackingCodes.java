package vn.langnghe.intake.application;

import java.security.SecureRandom;

/**
 * Tracking codes (mã tra cứu) a citizen can read over the phone: 12 symbols of Crockford's base 32
 * (no I, L, O, U), so 60 random bits, grouped as XXXX-XXXX-XXXX. Not guessable; lookups are also
 * rate-limited per client.
 */
public final class TrackingCodes {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private TrackingCodes() {}

    public static String next() {
        StringBuilder code = new StringBuilder(14);
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }

    /** Accepts lower case and the look-alikes a person may type (O for 0, I and L for 1). */
    public static String normalise(String typed) {
        return typed.trim().toUpperCase().replace('O', '0').replace('I', '1').replace('L', '1');
    }
}
