package vn.langnghe.contracts.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/** A tip (tin) was rated valuable (tin có giá trị). */
public record TipRatedValuable(
        UUID submissionId,
        Instant effectiveAt) implements SubmissionLifecycleEvent {

    public static final String TYPE = "intake.TipRatedValuable.v1";

    public TipRatedValuable {
        requireNonNull(submissionId, "submissionId");
        requireNonNull(effectiveAt, "effectiveAt");
    }

    @Override
    public String contractType() {
        return TYPE;
    }
}
