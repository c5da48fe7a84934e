package vn.langnghe.intake.domain.clock;

import static java.util.Objects.requireNonNull;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One year of the working-day calendar (lịch làm việc) of state bodies, as versioned data.
 *
 * @param version     the data version of this year, e.g. {@code vn-2024.v1}; recorded with computed deadlines
 * @param provisional true while some days off of the year are assumed rather than taken from the notice
 * @param source      where the days come from and what still needs confirming
 */
public record CalendarYear(
        int year,
        String version,
        Set<DayOfWeek> weekendDays,
        List<DayOff> daysOff,
        List<MakeUpWorkingDay> makeUpWorkingDays,
        boolean provisional,
        String source) {

    public CalendarYear {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("calendar year " + year + " needs a version");
        }
        requireNonNull(weekendDays, "weekendDays");
        weekendDays = weekendDays.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(weekendDays));
        daysOff = List.copyOf(daysOff);
        makeUpWorkingDays = List.copyOf(makeUpWorkingDays);
        Set<LocalDate> offDates = new HashSet<>();
        for (DayOff dayOff : daysOff) {
            requireInYear(year, dayOff.date(), "day off");
            if (!offDates.add(dayOff.date())) {
                throw new IllegalArgumentException("calendar year " + year + ": day off " + dayOff.date() + " listed twice");
            }
        }
        Set<LocalDate> makeUpDates = new HashSet<>();
        for (MakeUpWorkingDay makeUp : makeUpWorkingDays) {
            requireInYear(year, makeUp.date(), "make-up working day");
            if (offDates.contains(makeUp.date()) || !makeUpDates.add(makeUp.date())) {
                throw new IllegalArgumentException("calendar year " + year + ": make-up working day "
                        + makeUp.date() + " is also a day off or listed twice");
            }
            // A make-up day on a weekday would change nothing: it is a typo for another date.
            if (!weekendDays.contains(makeUp.date().getDayOfWeek())) {
                throw new IllegalArgumentException("calendar year " + year + ": make-up working day "
                        + makeUp.date() + " is a " + makeUp.date().getDayOfWeek() + ", not a weekend day");
            }
        }
    }

    private static void requireInYear(int year, LocalDate date, String what) {
        if (date.getYear() != year) {
            throw new IllegalArgumentException("calendar year " + year + ": " + what + " " + date + " is in another year");
        }
    }
}
