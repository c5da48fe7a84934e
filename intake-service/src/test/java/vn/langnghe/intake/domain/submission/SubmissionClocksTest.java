package vn.langnghe.intake.domain.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.langnghe.contracts.events.Channel;
import vn.langnghe.contracts.events.SubmissionKind;
import vn.langnghe.contracts.events.Track;
import vn.langnghe.intake.clockdata.LegalClockData;
import vn.langnghe.intake.domain.clock.ClockStatus;

/** The clock a submission shows: started when the law says, so a late acceptance can never invert it. */
class SubmissionClocksTest {

    private final SubmissionClocks clocks = new SubmissionClocks(LegalClockData.load());

    private static Submission crimeReportAcceptedLate(LocalDate received, LocalDate accepted) {
        var id = java.util.UUID.randomUUID();
        var decider = new SubmissionDecider(accepted, vn.langnghe.contracts.reference.ReferenceData.load().topics(),
                vn.langnghe.contracts.reference.ReferenceData.load().units(), (s, r) -> java.util.Optional.empty());
        return decider.fold(decider.initialState(), List.of(
                new SubmissionEvent.Received(id, "AB12-CD34-EF56", SubmissionKind.CRIME_REPORT, Channel.HOTLINE,
                        "HN", null, null, null, null, received),
                new SubmissionEvent.Classified(id, SubmissionKind.CRIME_REPORT, "THEFT", List.of(), "HN", "Trộm cắp",
                        false, Track.STANDARD, received),
                new SubmissionEvent.Accepted(id, false, accepted)));
    }

    @Test
    void givenACrimeReportAcceptedAfterItsDeadline_thenItsClockStillRunsFromReceipt_andItIsOverdue() {
        LocalDate received = LocalDate.of(2022, 3, 1);
        Submission late = crimeReportAcceptedLate(received, LocalDate.of(2022, 4, 15));

        LocalDate due = clocks.nextDue(late).orElseThrow();
        assertThat(clocks.clockStartedOn(late)).isEqualTo(received);
        assertThat(due).isAfter(received).isBefore(LocalDate.of(2022, 4, 15));
        assertThat(clocks.status(clocks.clockStartedOn(late), due, LocalDate.of(2022, 4, 20)))
                .isEqualTo(ClockStatus.OVERDUE);
    }
}
