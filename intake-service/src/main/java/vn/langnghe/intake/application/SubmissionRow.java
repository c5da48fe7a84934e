package vn.langnghe.intake.application;

import java.time.LocalDate;
import java.util.UUID;

/** One row of the inline read model: what lists, inboxes and status lookups show. No personal data. */
public record SubmissionRow(
        UUID id,
        String trackingCode,
        String kind,
        String channel,
        String unitId,
        String status,
        String track,
        boolean identified,
        String partnerClientId,
        UUID originatingOpinionId,
        String topic,
        String publicSummary,
        LocalDate receivedOn,
        LocalDate acceptedOn,
        LocalDate closedOn,
        LocalDate acceptanceDue,
        LocalDate acceptanceNoticeDue,
        LocalDate resolutionDue,
        LocalDate nextDue,
        LocalDate clockStartedOn,
        long version,
        long firstPosition,
        long lastPosition) {}
