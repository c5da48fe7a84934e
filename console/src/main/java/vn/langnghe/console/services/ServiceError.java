package vn.langnghe.console.services;

import java.util.List;

/**
 * A service answered with an error (RFC 9457 problem): the status, and what to tell the person. 401 means the
 * token was refused; the console then asks the person to sign in again.
 */
public final class ServiceError extends RuntimeException {

    /** One offending field, as the services name it in {@code errors[]}. */
    public record FieldError(String field, String message) {}

    private final int status;
    private final String title;
    private final String detail;
    private final List<FieldError> errors;

    public ServiceError(int status, String title, String detail, List<FieldError> errors) {
        super(status + " " + title + (detail == null ? "" : ": " + detail), null, false, false);
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.errors = List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The service could not be reached or did not answer in time. */
    public static ServiceError unreachable(String service, Exception cause) {
        return new ServiceError(503, service + " unavailable", cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), List.of());
    }
}
