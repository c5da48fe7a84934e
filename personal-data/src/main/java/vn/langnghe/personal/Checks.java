package vn.langnghe.personal;

/** Argument checks whose messages name the argument, never its value (values may be personal). */
final class Checks {

    private Checks() {}

    static String notBlank(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
