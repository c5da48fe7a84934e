package vn.langnghe.intake.domain.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.langnghe.contracts.events.SubmissionKind.PETITION;
import static vn.langnghe.contracts.events.SubmissionKind.TIP;
import static vn.langnghe.intake.domain.clock.RealClock.CLOCK;
import static vn.langnghe.intake.domain.clock.TestCalendar.d;

import org.junit.jupiter.api.Test;

/** Petitions follow the unit's own rule (default in the data file); tips have no legal deadline. */
class PetitionAndTipClockTest {

    private final ClockFacts received = ClockFacts.receivedOn(d("2024-03-04"));

    @Test
    void givenAPetitionOfAUnitWithoutItsOwnRule_whenResolutionDueIsComputed_thenTheDefault15WorkingDaysApply() {
        assertThat(CLOCK.dueDates(PETITION, received.withUnitCode("HP-LECHAN")).resolutionDue())
                .contains(d("2024-03-25"));
    }

    @Test
    void givenAPetitionWithoutAUnit_whenResolutionDueIsComputed_thenTheDefaultApplies() {
        assertThat(CLOCK.dueDates(PETITION, received).resolutionDue()).contains(d("2024-03-25"));
    }

    @Test
    void givenAPetitionOfAUnitWithItsOwnRule_whenResolutionDueIsComputed_thenTheUnitsLengthApplies() {
        assertThat(CLOCK.dueDates(PETITION, received.withUnitCode("HN")).resolutionDue())
                .contains(d("2024-03-18"));
    }

    @Test
    void givenAChildOfAUnitWithItsOwnRule_whenResolutionDueIsComputed_thenOnlyAnExactCodeMatches() {
        assertThat(CLOCK.dueDates(PETITION, received.withUnitCode("HN-THANHTRI")).resolutionDue())
                .contains(d("2024-03-25"));
    }

    @Test
    void givenATip_whenDueDatesAreComputed_thenThereAreNone() {
        ClockFacts facts = received.withAcceptedOn(d("2024-03-05")).withComplex(true);

        assertThat(CLOCK.dueDates(TIP, facts)).isEqualTo(DueDates.none());
        assertThat(CLOCK.dueDates(TIP, facts).isEmpty()).isTrue();
    }

    @Test
    void givenATip_whenAnExtensionIsAsked_thenItIsRefused() {
        assertThat(CLOCK.canExtend(TIP, received, "COMPLEX").allowed()).isFalse();
    }
}
