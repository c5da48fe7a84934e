package vn.langnghe.intake.domain.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.langnghe.intake.domain.clock.TestCalendar.d;

import org.junit.jupiter.api.Test;

/** Civil Code 2015, arts. 147-148, on the hand-built calendar. */
class CivilCodeCountingTest {

    private final WorkingDayCalendar calendar = TestCalendar.calendar();

    private java.time.LocalDate lastDay(String event, LegalPeriod period) {
        return CivilCodeCounting.lastDay(d(event), period, calendar);
    }

    @Test
    void givenAnEventOnMonday_whenTenDaysAreCounted_thenTheEventDayItselfIsNotCounted() {
        assertThat(lastDay("2024-03-04", LegalPeriod.calendarDays(10))).isEqualTo(d("2024-03-14"));
    }

    @Test
    void givenALastDayOnSaturday_whenCounted_thenTheDeadlineMovesToMonday() {
        assertThat(lastDay("2024-03-06", LegalPeriod.calendarDays(10))).isEqualTo(d("2024-03-18"));
    }

    @Test
    void givenALastDayOnSunday_whenCounted_thenTheDeadlineMovesToMonday() {
        assertThat(lastDay("2024-03-07", LegalPeriod.calendarDays(10))).isEqualTo(d("2024-03-18"));
    }

    @Test
    void givenALastDayOnTheThirtiethOfApril_whenCounted_thenItMovesPastTheHolidaysToTheNextWorkingDay() {
        assertThat(lastDay("2024-04-20", LegalPeriod.calendarDays(10))).isEqualTo(d("2024-05-02"));
    }

    @Test
    void givenALastDayOnAMakeUpSaturday_whenCounted_thenItStaysBecauseThatSaturdayIsAWorkingDay() {
        assertThat(lastDay("2024-04-24", LegalPeriod.calendarDays(10))).isEqualTo(d("2024-05-04"));
    }

    @Test
    void givenAPeriodInMonths_whenCounted_thenItEndsOnTheSameNumberedDay() {
        assertThat(lastDay("2024-03-15", LegalPeriod.months(2))).isEqualTo(d("2024-05-15"));
    }

    @Test
    void givenTheThirtyFirst_whenOneMonthIsCountedIntoAThirtyDayMonth_thenItEndsOnTheThirtieth() {
        assertThat(lastDay("2024-08-31", LegalPeriod.months(1))).isEqualTo(d("2024-09-30"));
    }

    @Test
    void givenTheThirtyFirstOfJanuaryInALeapYear_whenOneMonthIsCounted_thenItEndsOnTheTwentyNinthOfFebruary() {
        assertThat(lastDay("2024-01-31", LegalPeriod.months(1))).isEqualTo(d("2024-02-29"));
    }

    @Test
    void givenTheThirtyFirstOfJanuaryInACommonYear_whenOneMonthIsCounted_thenItEndsOnTheTwentyEighthOfFebruary() {
        assertThat(lastDay("2025-01-31", LegalPeriod.months(1))).isEqualTo(d("2025-02-28"));
    }

    @Test
    void givenAMonthPeriodEndingOnSaturday_whenCounted_thenItMovesToMonday() {
        // 31/10 + 1 month = 30/11/2024, a Saturday.
        assertThat(lastDay("2024-10-31", LegalPeriod.months(1))).isEqualTo(d("2024-12-02"));
    }

    @Test
    void givenWorkingDays_whenCounted_thenOnlyWorkingDaysCount() {
        assertThat(lastDay("2024-03-08", LegalPeriod.workingDays(2))).isEqualTo(d("2024-03-12"));
    }
}
