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
        UUID originatingOpinionId) {}
