package vn.langnghe.intake.application;

import java.time.LocalDate;
import java.util.UUID;
import vn.langnghe.contracts.events.Channel;
import vn.langnghe.contracts.events.SubmissionKind;
import vn.langnghe.personal.PersonalIdentity;

/**
 * A submission as it arrives, already normalised (NFC, trimmed) and bounded by the REST edge.
 *
 * @param receivedOn the date on the paper record, or today
 * @param reporter null for an anonymous submission
 * @param description the citizen's own words: case text, never an event
 */
public record NewSubmission(
        SubmissionKind kind,
        Channel channel,
        String unitId,
        LocalDate receivedOn,
        String topic,
        String description,
        PersonalIdentity reporter,
        UUID originatingOpinionId) {

    /**
     * Every field, the reporter's included: what the idempotency fingerprint (an HMAC, never logged or stored as
     * text) is taken of. {@link #toString()} will not do, as it redacts the reporter. Each reporter field is length
     * prefixed so that no two different reporters read the same.
     */
    public String canonical() {
        StringBuilder out = new StringBuilder(toString()).append(" reporter:");
        if (reporter == null) {
            return out.append("none").toString();
        }
        for (String field : java.util.Arrays.asList(reporter.fullName(), reporter.phone(), reporter.idNumber(),
                reporter.address(), reporter.email())) {
            out.append(field == null ? "-" : field.length() + ":" + field).append(';');
        }
        return out.toString();
    }
}
