package vn.langnghe.contracts.reference;

/** Reference data that must not be used: a broken file is a start-up failure, not a wrong report. */
public class InvalidReferenceDataException extends RuntimeException {

    public InvalidReferenceDataException(String message) {
        super(message);
    }

    public InvalidReferenceDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
