package vn.langnghe.intake.domain.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.langnghe.contracts.events.SubmissionKind.CRIME_REPORT;
import static vn.langnghe.intake.domain.clock.RealClock.CLOCK;
import static vn.langnghe.intake.domain.clock.TestCalendar.d;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Criminal Procedure Code 2015, art. 147, as encoded in deadline-rules.v1.json. */
class CrimeReportClockTest {

    private final ClockFacts received = ClockFacts.receivedOn(d("2024-03-05"));

    @Test
    void givenACrimeReport_whenResolutionDueIsComputed_thenItIs20DaysFromReceiptWithoutAcceptance() {
        DueDates due = CLOCK.dueDates(CRIME_REPORT, received);

        assertThat(due.resolutionDue()).contains(d("2024-03-25"));
        assertThat(due.acceptanceDue()).isEmpty();
    }

    @Test
    void givenAComplexCrimeReport_whenExtended_thenItRunsUpToTwoMonthsFromReceipt() {
        ExtensionCheck check = CLOCK.canExtend(CRIME_REPORT, received, "COMPLEX");

        // 5/3 + 2 months = Sunday 5/5/2024: Monday 6/5.
        assertThat(check).isEqualTo(new ExtensionCheck.Allowed(ClockPhase.RESOLUTION, d("2024-05-06"),
                GrantAuthority.UNIT_HEAD, Optional.empty()));
    }

    @Test
    void givenTheTwoMonthExtension_whenTheProcuracyExtends_thenTwoMonthsMoreAndTheRequestIsDueFiveDaysBefore() {
        ClockFacts extended = received.withExtension("COMPLEX", d("2024-03-20"));
        assertThat(CLOCK.dueDates(CRIME_REPORT, extended).resolutionDue()).contains(d("2024-05-06"));

        ExtensionCheck check = CLOCK.canExtend(CRIME_REPORT, extended, "PROCURACY_EXTENSION");

        // 6/5 + 2 months = Saturday 6/7/2024: Monday 8/7.
        assertThat(check).isEqualTo(new ExtensionCheck.Allowed(ClockPhase.RESOLUTION, d("2024-07-08"),
                GrantAuthority.PROCURACY, Optional.of(d("2024-05-01"))));
    }

    @Test
    void givenBothExtensions_whenAnotherIsAsked_thenItIsRefused() {
        ClockFacts twice = received.withExtension("COMPLEX", d("2024-03-20"))
                .withExtension("PROCURACY_EXTENSION", d("2024-04-29"));
        assertThat(CLOCK.dueDates(CRIME_REPORT, twice).resolutionDue()).contains(d("2024-07-08"));

        assertThat(CLOCK.canExtend(CRIME_REPORT, twice, "PROCURACY_EXTENSION").allowed()).isFalse();
        assertThat(CLOCK.canExtend(CRIME_REPORT, twice, "COMPLEX").allowed()).isFalse();
    }

    @Test
    void givenNoTwoMonthExtensionYet_whenTheProcuracyExtends_thenItIsRefused() {
        ExtensionCheck check = CLOCK.canExtend(CRIME_REPORT, received, "PROCURACY_EXTENSION");

        assertThat(check).isInstanceOfSatisfying(ExtensionCheck.Refused.class,
                r -> assertThat(r.reasonEn()).contains("needs a prior extension").contains("COMPLEX"));
    }
}
