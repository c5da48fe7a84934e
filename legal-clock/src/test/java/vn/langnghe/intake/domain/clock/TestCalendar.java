package vn.langnghe.intake.domain.clock;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** A hand-built 2024–2025 calendar, so the counting tests do not depend on the data files. */
final class TestCalendar {

    static final Set<DayOfWeek> WEEKEND = Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

    private TestCalendar() {}

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    static DayOff off(String iso, String name) {
        return new DayOff(d(iso), DayOffKind.PUBLIC_HOLIDAY, name);
    }

    static CalendarYear year2024() {
        return new CalendarYear(2024, "test-2024", WEEKEND, List.of(
                off("2024-01-01", "Tết Dương lịch"),
                off("2024-02-08", "Tết Nguyên đán"), off("2024-02-09", "Tết Nguyên đán"),
                off("2024-02-12", "Tết Nguyên đán"), off("2024-02-13", "Tết Nguyên đán"),
                off("2024-02-14", "Tết Nguyên đán"),
                off("2024-04-18", "Giỗ Tổ Hùng Vương"),
                new DayOff(d("2024-04-29"), DayOffKind.SWAPPED, "Nghỉ hoán đổi"),
                off("2024-04-30", "30/4"), off("2024-05-01", "1/5"),
                off("2024-09-02", "Quốc khánh"), off("2024-09-03", "Quốc khánh")),
                List.of(new MakeUpWorkingDay(d("2024-05-04"), "Làm bù 29/4")), false, "test");
    }

    static CalendarYear year2025() {
        return new CalendarYear(2025, "test-2025", WEEKEND, List.of(
                off("2025-01-01", "Tết Dương lịch"),
                off("2025-01-27", "Tết Nguyên đán"), off("2025-01-28", "Tết Nguyên đán"),
                off("2025-01-29", "Tết Nguyên đán"), off("2025-01-30", "Tết Nguyên đán"),
                off("2025-01-31", "Tết Nguyên đán")),
                List.of(), true, "test");
    }

    static WorkingDayCalendar calendar() {
        return WorkingDayCalendar.of(List.of(year2024(), year2025()));
    }
}
