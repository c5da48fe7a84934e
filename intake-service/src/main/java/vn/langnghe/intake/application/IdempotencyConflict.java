package vn.langnghe.intake.application;

/** The same Idempotency-Key was used before with a different request body (422). */
public final class IdempotencyConflict extends RuntimeException {
    public IdempotencyConflict() {
        super("this Idempotency-Key was already used with a different request body");
    }
}
