package vn.langnghe.reporting.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A report period cut into the whole months the projection's monthly cells can answer and the days left over
 * (ADR 0012). A month counts as whole when it lies inside the period and no unit window starts or ends inside
 * it, so each unit belongs to one report row for the whole month; the days at the period's edges, and the months
 * a window boundary cuts, are read from the daily cells.
 */
public record PeriodSplit(List<LocalDate> wholeMonths, List<LocalDate> days) {

    public static PeriodSplit of(ReportPeriod period, List<UnitScope.Window> windows) {
        TreeSet<LocalDate> boundaries = new TreeSet<>();
        for (UnitScope.Window w : windows) {
            boundaries.add(w.from());
            boundaries.add(w.to().plusDays(1));
        }
        List<LocalDate> months = new ArrayList<>();
        List<LocalDate> days = new ArrayList<>();
        LocalDate day = period.from();
        while (!day.isAfter(period.to())) {
            LocalDate monthEnd = day.withDayOfMonth(day.lengthOfMonth());
            LocalDate afterMonth = monthEnd.plusDays(1);
            LocalDate boundaryInside = boundaries.higher(day);
            boolean whole = day.getDayOfMonth() == 1 && !monthEnd.isAfter(period.to())
                    && (boundaryInside == null || !boundaryInside.isBefore(afterMonth));
            if (whole) {
                months.add(day);
                day = afterMonth;
            } else {
                days.add(day);
                day = day.plusDays(1);
            }
        }
        return new PeriodSplit(List.copyOf(months), List.copyOf(days));
    }
}
