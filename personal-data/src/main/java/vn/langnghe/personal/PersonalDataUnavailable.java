package vn.langnghe.personal;

/** The database is gone or refused us (retry later), as opposed to a wrong statement. */
public final class PersonalDataUnavailable extends RuntimeException {

    public PersonalDataUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
