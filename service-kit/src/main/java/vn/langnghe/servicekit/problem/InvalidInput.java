package vn.langnghe.servicekit.problem;

/** A request field that is present but wrong: answered 400 with the field named. */
public final class InvalidInput extends RuntimeException {

    private final String field;

    public InvalidInput(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
