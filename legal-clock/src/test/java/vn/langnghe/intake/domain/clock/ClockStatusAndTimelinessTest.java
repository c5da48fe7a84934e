package vn.langnghe.intake.domain.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.langnghe.intake.domain.clock.RealClock.CLOCK;
import static vn.langnghe.intake.domain.clock.TestCalendar.d;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClockStatusAndTimelinessTest {

    // A 30-day period: 20 % is 6 days.
    private static final java.time.LocalDate START = d("2024-06-01");
    private static final java.time.LocalDate DUE = d("2024-07-01");

    @Test
    void givenSevenOfThirtyDaysLeft_whenStatusIsAsked_thenItIsOnTime() {
        assertThat(CLOCK.status(START, DUE, d("2024-06-24"))).isEqualTo(ClockStatus.ON_TIME);
    }

    @Test
    void givenExactlyTwentyPercentLeft_whenStatusIsAsked_thenItIsAtRisk() {
        assertThat(CLOCK.status(START, DUE, d("2024-06-25"))).isEqualTo(ClockStatus.AT_RISK);
    }

    @Test
    void givenTheDueDay_whenStatusIsAsked_thenItIsAtRiskNotOverdue() {
        assertThat(CLOCK.status(START, DUE, DUE)).isEqualTo(ClockStatus.AT_RISK);
    }

    @Test
    void givenTheDayAfterTheDueDay_whenStatusIsAsked_thenItIsOverdue() {
        assertThat(CLOCK.status(START, DUE, d("2024-07-02"))).isEqualTo(ClockStatus.OVERDUE);
    }

    @Test
    void givenAnAtRiskFractionOfHalf_whenStatusIsAsked_thenTheConfiguredFractionIsUsed() {
        LegalClock halfClock = new LegalClock(
                new DeadlineRules("test", new BigDecimal("0.5"), List.of()), TestCalendar.calendar());

        assertThat(halfClock.status(START, DUE, d("2024-06-15"))).isEqualTo(ClockStatus.ON_TIME);
        assertThat(halfClock.status(START, DUE, d("2024-06-16"))).isEqualTo(ClockStatus.AT_RISK);
    }

    @Test
    void givenADueDayBeforeTheStart_whenStatusIsAsked_thenItIsRejected() {
        assertThatThrownBy(() -> CLOCK.status(DUE, START, DUE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenWorkDoneBeforeTheDueDay_whenTimelinessIsAsked_thenItIsEarly() {
        assertThat(CLOCK.timeliness(DUE, d("2024-06-30"))).isEqualTo(Timeliness.EARLY);
    }

    @Test
    void givenWorkDoneOnTheDueDay_whenTimelinessIsAsked_thenItIsOnTime() {
        assertThat(CLOCK.timeliness(DUE, DUE)).isEqualTo(Timeliness.ON_TIME);
    }

    @Test
    void givenWorkDoneAfterTheDueDay_whenTimelinessIsAsked_thenItIsLate() {
        assertThat(CLOCK.timeliness(DUE, d("2024-07-02"))).isEqualTo(Timeliness.LATE);
    }

    @Test
    void givenAnInstantLateInTheUtcEvening_whenItsVietnameseDateIsAsked_thenItIsAlreadyTheNextDay() {
        assertThat(LegalDates.vietnamDate(Instant.parse("2024-06-30T16:59:59Z"))).isEqualTo(d("2024-06-30"));
        assertThat(LegalDates.vietnamDate(Instant.parse("2024-06-30T17:00:00Z"))).isEqualTo(d("2024-07-01"));
    }

    @Test
    void givenAnAcceptanceBeforeReceipt_whenFactsAreBuilt_thenTheyAreRejected() {
        assertThatThrownBy(() -> ClockFacts.receivedOn(d("2024-06-03")).withAcceptedOn(d("2024-06-02")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
