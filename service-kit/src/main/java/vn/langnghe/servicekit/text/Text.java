package vn.langnghe.servicekit.text;

import java.text.Normalizer;
import vn.langnghe.servicekit.problem.InvalidInput;

/**
 * Free text as it is stored: Unicode NFC (so "Thanh Liệt" typed with combining marks equals the
 * precomposed form), trimmed, and free of control characters other than line breaks and tabs.
 */
public final class Text {

    private Text() {}

    /** The normalised text, or null for null or blank input. */
    public static String clean(String field, String value) {
        if (value == null) {
            return null;
        }
        String normalised = Normalizer.normalize(value, Normalizer.Form.NFC).strip();
        for (int i = 0; i < normalised.length(); i++) {
            char c = normalised.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                throw new InvalidInput(field, "contains a control character (U+"
                        + String.format("%04X", (int) c) + ")");
            }
        }
        return normalised.isEmpty() ? null : normalised;
    }
}
