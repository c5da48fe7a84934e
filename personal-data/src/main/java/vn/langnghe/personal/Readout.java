package vn.langnghe.personal;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/** The answer to reading personal data: it says whether the data exists, was erased, or never existed. */
public sealed interface Readout<T> {

    /** The decrypted value. Its toString does not print the value, so it cannot leak into logs. */
    record Found<T>(T value) implements Readout<T> {
        @Override
        public String toString() {
            return "Found[redacted]";
        }
    }

    /** The owner's key was destroyed: the data is gone for good, although its row may remain. */
    record Erased<T>(Instant erasedAt) implements Readout<T> {}

    /** Nothing was ever stored under this reference. */
    record Missing<T>() implements Readout<T> {}

    /** The value if found; empty when erased or missing (use the cases when the difference matters). */
    default Optional<T> toOptional() {
        return this instanceof Found<T> found ? Optional.of(found.value()) : Optional.empty();
    }

    default <R> Readout<R> map(Function<? super T, ? extends R> mapper) {
        return switch (this) {
            case Found<T> found -> new Found<>(mapper.apply(found.value()));
            case Erased<T> erased -> new Erased<>(erased.erasedAt());
            case Missing<T> missing -> new Missing<>();
        };
    }
}
