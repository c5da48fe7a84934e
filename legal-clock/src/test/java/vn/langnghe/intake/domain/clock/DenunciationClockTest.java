package vn.langnghe.intake.domain.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.langnghe.contracts.events.SubmissionKind.DENUNCIATION;
import static vn.langnghe.intake.domain.clock.RealClock.CLOCK;
import static vn.langnghe.intake.domain.clock.TestCalendar.d;

import org.junit.jupiter.api.Test;

/** Law on Denunciations 2018, arts. 24, 29 and 30, as encoded in deadline-rules.v1.json. */
class DenunciationClockTest {

    private final ClockFacts accepted = ClockFacts.receivedOn(d("2024-05-27")).withAcceptedOn(d("2024-06-03"));

    @Test
    void givenADenunciationReceivedTheFridayBeforeTet_whenClassificationDueIsComputed_thenSevenWorkingDaysSkipTet() {
        // Tết Ất Tỵ: 27-31/1/2025 off; working days 3,4,5,6,7,10,11 February.
        DueDates due = CLOCK.dueDates(DENUNCIATION, ClockFacts.receivedOn(d("2025-01-24")));

        assertThat(due.acceptanceDue()).contains(d("2025-02-11"));
    }

    @Test
    void givenVerificationAtSeveralPlaces_whenTheClassificationIsExtended_thenItIsTenWorkingDaysFromReceipt() {
        ClockFacts facts = ClockFacts.receivedOn(d("2024-03-04"));
        assertThat(CLOCK.dueDates(DENUNCIATION, facts).acceptanceDue()).contains(d("2024-03-13"));

        ExtensionCheck check = CLOCK.canExtend(DENUNCIATION, facts, "MULTIPLE_LOCATIONS");

        assertThat(check).isEqualTo(new ExtensionCheck.Allowed(ClockPhase.ACCEPTANCE, d("2024-03-18"),
                GrantAuthority.UNIT_HEAD, java.util.Optional.empty()));
    }

    @Test
    void givenAnAcceptanceBeforeThe30AprilBreak_whenTheNoticeDueIsComputed_thenFiveWorkingDaysCountTheMakeUpSaturday() {
        // 26/4 Fri, then 29/4-1/5 off, 2/5, 3/5, Saturday 4/5 (làm bù), Monday 6/5.
        ClockFacts facts = ClockFacts.receivedOn(d("2024-04-22")).withAcceptedOn(d("2024-04-25"));

        assertThat(CLOCK.dueDates(DENUNCIATION, facts).acceptanceNoticeDue()).contains(d("2024-05-06"));
    }

    @Test
    void givenAnAcceptedDenunciation_whenResolutionDueIsComputed_thenItIs30DaysFromAcceptance() {
        assertThat(CLOCK.dueDates(DENUNCIATION, accepted).resolutionDue()).contains(d("2024-07-03"));
    }

    @Test
    void givenANotYetAcceptedDenunciation_whenAnExtensionIsAsked_thenItIsRefusedBecauseTheClockHasNotStarted() {
        ExtensionCheck check = CLOCK.canExtend(DENUNCIATION, ClockFacts.receivedOn(d("2024-05-27")), "COMPLEX");

        assertThat(check).isInstanceOfSatisfying(ExtensionCheck.Refused.class,
                r -> assertThat(r.reasonVi()).contains("chưa bắt đầu"));
    }

    @Test
    void givenAComplexDenunciation_whenExtendedOnce_thenThirtyDaysAreAdded() {
        assertThat(CLOCK.canExtend(DENUNCIATION, accepted, "COMPLEX").allowed()).isTrue();

        ClockFacts extended = accepted.withExtension("COMPLEX", d("2024-06-28"));

        assertThat(CLOCK.dueDates(DENUNCIATION, extended).resolutionDue()).contains(d("2024-08-02"));
    }

    @Test
    void givenOneComplexExtension_whenASecondComplexExtensionIsAsked_thenItIsRefused() {
        ClockFacts extended = accepted.withExtension("COMPLEX", d("2024-06-28"));

        ExtensionCheck check = CLOCK.canExtend(DENUNCIATION, extended, "COMPLEX");

        assertThat(check).isInstanceOfSatisfying(ExtensionCheck.Refused.class, r -> {
            assertThat(r.reasonVi()).contains("tối đa 1 lần");
            assertThat(r.reasonEn()).contains("at most 1");
        });
    }

    @Test
    void givenOneExtension_whenTheCaseIsEspeciallyComplex_thenASecondExtensionIsAllowedAndMovesPastQuocKhanh() {
        ClockFacts once = accepted.withExtension("COMPLEX", d("2024-06-28"));

        ExtensionCheck check = CLOCK.canExtend(DENUNCIATION, once, "ESPECIALLY_COMPLEX", d("2024-07-30"));

        // 2/8 + 30 days = Sunday 1/9; 2-3/9 Quốc khánh: Wednesday 4/9.
        assertThat(check).isInstanceOfSatisfying(ExtensionCheck.Allowed.class,
                a -> assertThat(a.dueIfGranted()).isEqualTo(d("2024-09-04")));
        assertThat(CLOCK.dueDates(DENUNCIATION, once.withExtension("ESPECIALLY_COMPLEX", d("2024-07-30")))
                .resolutionDue()).contains(d("2024-09-04"));
    }

    @Test
    void givenTwoExtensions_whenAThirdIsAsked_thenItIsRefusedWhateverTheReason() {
        ClockFacts twice = accepted.withExtension("ESPECIALLY_COMPLEX", d("2024-06-28"))
                .withExtension("ESPECIALLY_COMPLEX", d("2024-07-30"));

        assertThat(CLOCK.canExtend(DENUNCIATION, twice, "ESPECIALLY_COMPLEX").allowed()).isFalse();
        assertThat(CLOCK.canExtend(DENUNCIATION, twice, "COMPLEX").allowed()).isFalse();
    }

    @Test
    void givenAHistoryWithThreeExtensions_whenDueDatesAreComputed_thenTheIllegalHistoryIsRejected() {
        ClockFacts thrice = accepted.withExtension("ESPECIALLY_COMPLEX", d("2024-06-28"))
                .withExtension("ESPECIALLY_COMPLEX", d("2024-07-30"))
                .withExtension("ESPECIALLY_COMPLEX", d("2024-08-30"));

        assertThatThrownBy(() -> CLOCK.dueDates(DENUNCIATION, thrice))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not legal");
    }

    @Test
    void givenAnExpiredDeadline_whenAnExtensionIsGrantedAfterIt_thenItIsRefused() {
        ExtensionCheck check = CLOCK.canExtend(DENUNCIATION, accepted, "COMPLEX", d("2024-07-04"));

        assertThat(check).isInstanceOfSatisfying(ExtensionCheck.Refused.class,
                r -> assertThat(r.reasonEn()).contains("expired on 2024-07-03"));
    }

    @Test
    void givenAnUnknownReason_whenAnExtensionIsAsked_thenTheRefusalListsTheValidReasons() {
        ExtensionCheck check = CLOCK.canExtend(DENUNCIATION, accepted, "WORKLOAD");

        assertThat(check).isInstanceOfSatisfying(ExtensionCheck.Refused.class, r -> assertThat(r.reasonEn())
                .contains("WORKLOAD").contains("COMPLEX").contains("ESPECIALLY_COMPLEX"));
    }
}
