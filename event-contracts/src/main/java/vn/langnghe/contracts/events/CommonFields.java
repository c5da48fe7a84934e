package vn.langnghe.contracts.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Checks shared by the event records: the null checks of the {@link SubmissionOutcome} records
 * (originatingOpinionId may be null), and the bounds the {@link SubmissionLifecycleEvent} schemas
 * state, so a record that can be built also validates. Lengths count code points, as JSON Schema does.
 */
final class CommonFields {

    /** Unit code, as {@code unitId} in every schema. */
    static final Pattern UNIT_CODE = Pattern.compile("^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$");
    /** Topic code, as {@code topic} and {@code tags} in every schema. */
    static final Pattern TOPIC_CODE = Pattern.compile("^[A-Z][A-Z0-9_]*$");
    /** Maximum length of a unit or topic code. */
    static final int CODE_MAX_LENGTH = 64;

    private CommonFields() {
    }

    static void require(UUID submissionId, String trackingCode, SubmissionKind kind, String unitId,
            Instant effectiveAt) {
        requireNonNull(submissionId, "submissionId");
        requireNonNull(trackingCode, "trackingCode");
        requireNonNull(kind, "kind");
        requireNonNull(unitId, "unitId");
        requireNonNull(effectiveAt, "effectiveAt");
    }

    /** A required string that matches {@code pattern} and is at most {@code maxLength} long. */
    static String requireMatch(String value, Pattern pattern, int maxLength, String field) {
        requireNonNull(value, field);
        requireLength(value, 1, maxLength, field);
        if (!pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " '" + value + "' does not match " + pattern.pattern());
        }
        return value;
    }

    /** A required string of {@code min..max} code points. */
    static String requireLength(String value, int min, int max, String field) {
        requireNonNull(value, field);
        int length = value.codePointCount(0, value.length());
        if (length < min || length > max) {
            throw new IllegalArgumentException(
                    field + " must be " + min + ".." + max + " characters long, was " + length);
        }
        return value;
    }

    /** An optional string: null, or {@code min..max} code points. */
    static String optionalLength(String value, int min, int max, String field) {
        return value == null ? null : requireLength(value, min, max, field);
    }

    static String requireUnitCode(String value, String field) {
        return requireMatch(value, UNIT_CODE, CODE_MAX_LENGTH, field);
    }

    static String requireTopicCode(String value, String field) {
        return requireMatch(value, TOPIC_CODE, CODE_MAX_LENGTH, field);
    }

    /** An immutable copy of distinct topic codes; null is rejected, empty is fine. */
    static List<String> requireTopicCodes(List<String> values, String field) {
        requireNonNull(values, field);
        List<String> copy = List.copyOf(values);
        copy.forEach(code -> requireTopicCode(code, field + "[]"));
        if (new HashSet<>(copy).size() != copy.size()) {
            throw new IllegalArgumentException(field + " repeats a code: " + copy);
        }
        return copy;
    }
}
