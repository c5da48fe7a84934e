package vn.langnghe.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeriodSplitTest {

    private static LocalDate d(String day) {
        return LocalDate.parse(day);
    }

    private static List<UnitScope.Window> windows(String... bounds) {
        List<UnitScope.Window> windows = new ArrayList<>();
        for (int i = 0; i + 1 < bounds.length; i += 2) {
            windows.add(new UnitScope.Window("HP-LECHAN-ANDUONG", d(bounds[i]), d(bounds[i + 1]), "HP-LECHAN"));
        }
        return windows;
    }

    @Test
    void aHalfYearWithoutBoundaries_isSixWholeMonthsAndNoDays() {
        PeriodSplit split = PeriodSplit.of(ReportPeriod.named("2022-H1"), windows("2022-01-01", "2022-06-30"));

        assertThat(split.wholeMonths()).containsExactly(d("2022-01-01"), d("2022-02-01"), d("2022-03-01"),
                d("2022-04-01"), d("2022-05-01"), d("2022-06-01"));
        assertThat(split.days()).isEmpty();
    }

    @Test
    void theEdgesOfAPeriod_areReadByDay() {
        PeriodSplit split = PeriodSplit.of(new ReportPeriod(d("2022-01-30"), d("2022-03-02")),
                windows("2022-01-30", "2022-03-02"));

        assertThat(split.wholeMonths()).containsExactly(d("2022-02-01"));
        assertThat(split.days()).containsExactly(d("2022-01-30"), d("2022-01-31"), d("2022-03-01"),
                d("2022-03-02"));
    }

    @Test
    void aMonthAUnitWindowStartsInside_isReadByDay_butAWindowStartingOnTheFirstKeepsItWhole() {
        PeriodSplit split = PeriodSplit.of(new ReportPeriod(d("2025-05-01"), d("2025-08-31")),
                windows("2025-05-01", "2025-06-30", "2025-07-01", "2025-07-14", "2025-07-15", "2025-08-31"));

        assertThat(split.wholeMonths()).containsExactly(d("2025-05-01"), d("2025-06-01"), d("2025-08-01"));
        assertThat(split.days()).hasSize(31).startsWith(d("2025-07-01")).endsWith(d("2025-07-31"));
    }

    @Test
    void aPeriodInsideOneMonth_isOnlyDays() {
        PeriodSplit split = PeriodSplit.of(new ReportPeriod(d("2024-02-01"), d("2024-02-28")),
                windows("2024-02-01", "2024-02-28"));

        assertThat(split.wholeMonths()).isEmpty();
        assertThat(split.days()).hasSize(28);
    }
}
