package vn.langnghe.intake.domain.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.langnghe.contracts.events.SubmissionKind.COMPLAINT;
import static vn.langnghe.intake.domain.clock.RealClock.CLOCK;
import static vn.langnghe.intake.domain.clock.TestCalendar.d;

import org.junit.jupiter.api.Test;

/** Law on Complaints 2011, arts. 27-28, as encoded in deadline-rules.v1.json. */
class ComplaintClockTest {

    private final ClockFacts acceptedOnMonday = ClockFacts.receivedOn(d("2024-05-27")).withAcceptedOn(d("2024-06-03"));

    @Test
    void givenAComplaintReceivedOnWednesday_whenAcceptanceDueIsComputed_thenTheSaturdayDeadlineMovesToMonday() {
        DueDates due = CLOCK.dueDates(COMPLAINT, ClockFacts.receivedOn(d("2024-03-06")));

        assertThat(due.acceptanceDue()).contains(d("2024-03-18"));
    }

    @Test
    void givenAComplaintNotYetAccepted_whenDueDatesAreComputed_thenOnlyAcceptanceIsDue() {
        DueDates due = CLOCK.dueDates(COMPLAINT, ClockFacts.receivedOn(d("2024-03-04")));

        assertThat(due.acceptanceDue()).contains(d("2024-03-14"));
        assertThat(due.resolutionDue()).isEmpty();
        assertThat(due.acceptanceNoticeDue()).isEmpty();
    }

    @Test
    void givenAnAcceptedComplaint_whenResolutionDueIsComputed_thenItIs30DaysFromAcceptance() {
        assertThat(CLOCK.dueDates(COMPLAINT, acceptedOnMonday).resolutionDue()).contains(d("2024-07-03"));
    }

    @Test
    void givenAComplexComplaint_whenResolutionDueIsComputed_thenItIs45Days() {
        assertThat(CLOCK.dueDates(COMPLAINT, acceptedOnMonday.withComplex(true)).resolutionDue())
                .contains(d("2024-07-18"));
    }

    @Test
    void givenAComplaintInARemoteArea_whenResolutionDueIsComputed_thenItIs45Days() {
        assertThat(CLOCK.dueDates(COMPLAINT, acceptedOnMonday.withRemoteArea(true)).resolutionDue())
                .contains(d("2024-07-18"));
    }

    @Test
    void givenAComplexComplaintInARemoteArea_whenResolutionDueIsComputed_thenItIs60Days() {
        assertThat(CLOCK.dueDates(COMPLAINT, acceptedOnMonday.withRemoteArea(true).withComplex(true)).resolutionDue())
                .contains(d("2024-08-02"));
    }

    @Test
    void givenAComplaint_whenAnExtensionIsAsked_thenItIsRefusedBecauseTheLongerLimitsAreVariantsNotExtensions() {
        ExtensionCheck check = CLOCK.canExtend(COMPLAINT, acceptedOnMonday, "COMPLEX");

        assertThat(check).isInstanceOf(ExtensionCheck.Refused.class);
        ExtensionCheck.Refused refused = (ExtensionCheck.Refused) check;
        assertThat(refused.reasonVi()).contains("không quy định việc gia hạn").contains("khiếu nại");
        assertThat(refused.reasonEn()).contains("no extension").contains("complaint");
    }
}
