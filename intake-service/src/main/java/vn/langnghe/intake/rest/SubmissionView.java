package vn.langnghe.intake.rest;

import java.time.LocalDate;
import java.util.UUID;
import vn.langnghe.intake.application.SubmissionRow;
import vn.langnghe.intake.domain.clock.ClockStatus;

/**
 * A submission as its readers see it: status, legal due dates and whether it is on time, at risk or
 * overdue. Never a name or the citizen's text.
 */
public record SubmissionView(
        UUID id,
        String trackingCode,
        String kind,
        String channel,
        String unitId,
        String status,
        String track,
        boolean identified,
        String topic,
        String publicSummary,
        LocalDate receivedOn,
        LocalDate acceptedOn,
        LocalDate closedOn,
        Due due,
        long version) {

    /** @param clock ON_TIME, AT_RISK or OVERDUE against {@code next}; null when closed or without a deadline */
    public record Due(LocalDate acceptance, LocalDate acceptanceNotice, LocalDate resolution, LocalDate next,
            ClockStatus clock) {}

    static SubmissionView of(SubmissionRow row, ClockStatus clock) {
        return new SubmissionView(row.id(), row.trackingCode(), row.kind(), row.channel(), row.unitId(), row.status(),
                row.track(), row.identified(), row.topic(), row.publicSummary(), row.receivedOn(), row.acceptedOn(),
                row.closedOn(), new Due(row.acceptanceDue(), row.acceptanceNoticeDue(), row.resolutionDue(),
                        row.nextDue(), clock),
                row.version());
    }
}
