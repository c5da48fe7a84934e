package vn.langnghe.contracts;

/**
 * One way a JSON document breaks its contract's schema.
 *
 * @param location where in the document, e.g. {@code $.opinionId}
 * @param keyword  the schema keyword that failed, e.g. {@code required} or {@code type}
 * @param message  a readable explanation
 */
public record Violation(String location, String keyword, String message) {

    @Override
    public String toString() {
        return message;
    }
}
