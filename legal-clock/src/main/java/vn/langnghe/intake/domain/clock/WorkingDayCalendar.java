package vn.langnghe.intake.domain.clock;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Working days (ngày làm việc) of Vietnamese state bodies over a contiguous run of loaded years.
 * A day is a working day unless it is a weekend day or a day off, except that a make-up Saturday
 * (ngày làm bù) is a working day. Dates outside the loaded years throw instead of being guessed.
 */
public final class WorkingDayCalendar {

    private final TreeMap<Integer, CalendarYear> years = new TreeMap<>();
    private final Set<LocalDate> daysOff = new HashSet<>();
    private final Set<LocalDate> makeUpDays = new HashSet<>();

    private WorkingDayCalendar(Collection<CalendarYear> loaded) {
        if (loaded.isEmpty()) {
            throw new IllegalArgumentException("a working-day calendar needs at least one year");
        }
        for (CalendarYear year : loaded) {
            if (years.putIfAbsent(year.year(), year) != null) {
                throw new IllegalArgumentException("calendar year " + year.year() + " is loaded twice (overlapping years)");
            }
            year.daysOff().forEach(d -> daysOff.add(d.date()));
            year.makeUpWorkingDays().forEach(d -> makeUpDays.add(d.date()));
        }
        // A gap would make "outside the calendar" depend on the date in a confusing way.
        if (years.lastKey() - years.firstKey() + 1 != years.size()) {
            throw new IllegalArgumentException("calendar years must be contiguous, got " + years.keySet());
        }
    }

    public static WorkingDayCalendar of(Collection<CalendarYear> years) {
        return new WorkingDayCalendar(years);
    }

    public boolean isWorkingDay(LocalDate date) {
        CalendarYear year = yearOf(date);
        if (makeUpDays.contains(date)) {
            return true;
        }
        return !daysOff.contains(date) && !year.weekendDays().contains(date.getDayOfWeek());
    }

    /**
     * The day on which a period of {@code n} working days ends: counting starts the day after
     * {@code start} (Civil Code 2015, art. 147) and only working days count. {@code n = 0} gives {@code start}.
     */
    public LocalDate addWorkingDays(LocalDate start, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("working days must not be negative: " + n);
        }
        LocalDate day = start;
        int remaining = n;
        while (remaining > 0) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                remaining--;
            }
        }
        return day;
    }

    /** {@code date} itself if it is a working day, else the first working day after it. */
    public LocalDate nextWorkingDayOnOrAfter(LocalDate date) {
        LocalDate day = date;
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** The versions of all loaded years joined with '+', e.g. {@code vn-2024.v1+vn-2025.v1}. */
    public String version() {
        return years.values().stream().map(CalendarYear::version).collect(Collectors.joining("+"));
    }

    public int firstYear() {
        return years.firstKey();
    }

    public int lastYear() {
        return years.lastKey();
    }

    /** Years whose days off are partly assumed (see each year's source note). */
    public List<Integer> provisionalYears() {
        return years.values().stream().filter(CalendarYear::provisional).map(CalendarYear::year).toList();
    }

    public Map<Integer, CalendarYear> years() {
        return Map.copyOf(years);
    }

    private CalendarYear yearOf(LocalDate date) {
        CalendarYear year = years.get(date.getYear());
        if (year == null) {
            throw new DateOutsideCalendarException(date, firstYear(), lastYear());
        }
        return year;
    }
}
