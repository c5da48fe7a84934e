package vn.langnghe.hostile;

/** Shows hostile text in a failure message without control characters or megabytes of it. */
final class Printable {

    private Printable() {
    }

    static String of(String text, int max) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(max).forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        if (text.length() > max) {
            out.append("…(").append(text.length()).append(" chars)");
        }
        return "\"" + out + "\"";
    }
}
