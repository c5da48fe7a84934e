package vn.langnghe.contracts.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The handling deadline was extended (gia hạn). intake-service computes the new deadline; the event
 * records that and why.
 *
 * @param reasonCode the ground as a code, e.g. {@code COMPLEX_CASE}, {@code PROCURACY_DECISION}
 * @param reason     officer-written public explanation without names, 1..500 characters
 */
public record DeadlineExtended(
        UUID submissionId,
        String reasonCode,
        String reason,
        Instant effectiveAt) implements SubmissionLifecycleEvent {

    public static final String TYPE = "intake.DeadlineExtended.v1";

    /** Format of a reason code; the schema states the same pattern. */
    public static final Pattern REASON_CODE = Pattern.compile("^[A-Z][A-Z0-9_]{1,40}$");
    public static final int REASON_MAX_LENGTH = 500;

    public DeadlineExtended {
        requireNonNull(submissionId, "submissionId");
        CommonFields.requireMatch(reasonCode, REASON_CODE, 41, "reasonCode");
        CommonFields.requireLength(reason, 1, REASON_MAX_LENGTH, "reason");
        requireNonNull(effectiveAt, "effectiveAt");
    }

    @Override
    public String contractType() {
        return TYPE;
    }
}
