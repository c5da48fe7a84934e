package vn.langnghe.intake.clockdata;

/** The legal data files are missing or malformed; the message names the file and the offending entry. */
public final class LegalDataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LegalDataException(String message) {
        super(message);
    }

    public LegalDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
