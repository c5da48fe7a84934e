package vn.langnghe.intake.domain.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.langnghe.intake.domain.clock.TestCalendar.WEEKEND;
import static vn.langnghe.intake.domain.clock.TestCalendar.calendar;
import static vn.langnghe.intake.domain.clock.TestCalendar.d;

import java.util.List;
import org.junit.jupiter.api.Test;

class WorkingDayCalendarTest {

    private final WorkingDayCalendar calendar = calendar();

    @Test
    void givenAnOrdinaryTuesday_whenChecked_thenItIsAWorkingDay() {
        assertThat(calendar.isWorkingDay(d("2024-03-05"))).isTrue();
    }

    @Test
    void givenASaturdayAndASunday_whenChecked_thenTheyAreDaysOff() {
        assertThat(calendar.isWorkingDay(d("2024-03-09"))).isFalse();
        assertThat(calendar.isWorkingDay(d("2024-03-10"))).isFalse();
    }

    @Test
    void givenATetWeekday_whenChecked_thenItIsADayOff() {
        assertThat(calendar.isWorkingDay(d("2024-02-12"))).isFalse();
    }

    @Test
    void givenASwappedMonday_whenChecked_thenItIsADayOff() {
        assertThat(calendar.isWorkingDay(d("2024-04-29"))).isFalse();
    }

    @Test
    void givenTheMakeUpSaturday_whenChecked_thenItIsAWorkingDay() {
        assertThat(calendar.isWorkingDay(d("2024-05-04"))).isTrue();
    }

    @Test
    void givenAMonday_whenAddingOneWorkingDay_thenCountingStartsTheDayAfter() {
        assertThat(calendar.addWorkingDays(d("2024-03-04"), 1)).isEqualTo(d("2024-03-05"));
    }

    @Test
    void givenZeroWorkingDays_whenAdded_thenTheStartDayIsReturned() {
        assertThat(calendar.addWorkingDays(d("2024-03-09"), 0)).isEqualTo(d("2024-03-09"));
    }

    @Test
    void givenTheDayBeforeTet_whenAddingThreeWorkingDays_thenTheWholeTetBreakIsSkipped() {
        // 8-14/2/2024 off, 10-11 weekend: the 1st working day after 7/2 is 15/2.
        assertThat(calendar.addWorkingDays(d("2024-02-07"), 3)).isEqualTo(d("2024-02-19"));
    }

    @Test
    void givenAThursdayBeforeTheMakeUpSaturday_whenAddingTwoWorkingDays_thenTheSaturdayCounts() {
        assertThat(calendar.addWorkingDays(d("2024-05-02"), 2)).isEqualTo(d("2024-05-04"));
    }

    @Test
    void givenANegativeCount_whenAdded_thenItIsRejected() {
        assertThatThrownBy(() -> calendar.addWorkingDays(d("2024-03-04"), -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
    }

    @Test
    void givenAWorkingDay_whenAskingTheNextWorkingDayOnOrAfter_thenItIsThatDay() {
        assertThat(calendar.nextWorkingDayOnOrAfter(d("2024-03-05"))).isEqualTo(d("2024-03-05"));
    }

    @Test
    void givenTheSaturdayBeforeThe30AprilBreak_whenAskingTheNextWorkingDay_thenItIsTheSecondOfMay() {
        assertThat(calendar.nextWorkingDayOnOrAfter(d("2024-04-27"))).isEqualTo(d("2024-05-02"));
    }

    @Test
    void givenADateBeforeTheLoadedYears_whenChecked_thenItThrowsInsteadOfGuessing() {
        assertThatThrownBy(() -> calendar.isWorkingDay(d("2023-12-29")))
                .isInstanceOf(DateOutsideCalendarException.class)
                .hasMessageContaining("2023-12-29")
                .hasMessageContaining("2024–2025")
                .hasMessageContaining("vn-2023.json");
    }

    @Test
    void givenACountRunningPastTheLastLoadedYear_whenAdded_thenItThrows() {
        assertThatThrownBy(() -> calendar.addWorkingDays(d("2025-12-30"), 2))
                .isInstanceOf(DateOutsideCalendarException.class)
                .hasMessageContaining("2026-01-01");
    }

    @Test
    void givenTwoYears_whenAskingTheVersion_thenBothVersionsAreCombinedInOrder() {
        assertThat(calendar.version()).isEqualTo("test-2024+test-2025");
        assertThat(calendar.provisionalYears()).containsExactly(2025);
    }

    @Test
    void givenTheSameYearTwice_whenBuildingTheCalendar_thenItIsRejectedAsOverlapping() {
        assertThatThrownBy(() -> WorkingDayCalendar.of(List.of(TestCalendar.year2024(), TestCalendar.year2024())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlapping");
    }

    @Test
    void givenAGapBetweenYears_whenBuildingTheCalendar_thenItIsRejected() {
        CalendarYear year2026 = new CalendarYear(2026, "test-2026", WEEKEND, List.of(), List.of(), false, "test");
        assertThatThrownBy(() -> WorkingDayCalendar.of(List.of(TestCalendar.year2024(), year2026)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("contiguous");
    }

    @Test
    void givenAMakeUpDayOnAWeekday_whenBuildingTheYear_thenItIsRejected() {
        assertThatThrownBy(() -> new CalendarYear(2024, "x", WEEKEND, List.of(),
                List.of(new MakeUpWorkingDay(d("2024-05-03"), "thứ Sáu")), false, "test"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a weekend day");
    }

    @Test
    void givenADayOffOfAnotherYear_whenBuildingTheYear_thenItIsRejected() {
        assertThatThrownBy(() -> new CalendarYear(2024, "x", WEEKEND,
                List.of(TestCalendar.off("2025-01-01", "Tết Dương lịch")), List.of(), false, "test"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another year");
    }
}
