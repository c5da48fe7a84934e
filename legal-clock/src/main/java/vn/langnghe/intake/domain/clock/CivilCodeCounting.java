package vn.langnghe.intake.domain.clock;

import java.time.LocalDate;

/**
 * Where a period ends, per the Civil Code 2015 (Bộ luật Dân sự), arts. 144-148: counting starts the day
 * after the event (art. 147); a period in months ends on the same-numbered day of its last month, or on
 * that month's last day when it has none (art. 148(1)); a last day that is a weekend or holiday moves to
 * the next working day (art. 148(2)). The Criminal Procedure Code 2015, art. 137, counts the same way.
 */
final class CivilCodeCounting {

    private CivilCodeCounting() {}

    static LocalDate lastDay(LocalDate event, LegalPeriod period, WorkingDayCalendar calendar) {
        return switch (period.unit()) {
            case CALENDAR_DAYS -> calendar.nextWorkingDayOnOrAfter(event.plusDays(period.length()));
            // plusMonths already clamps 31 January + 1 month to 28/29 February, as art. 148(1) says.
            case MONTHS -> calendar.nextWorkingDayOnOrAfter(event.plusMonths(period.length()));
            case WORKING_DAYS -> calendar.addWorkingDays(event, period.length());
        };
    }
}
