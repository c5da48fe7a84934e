package vn.langnghe.intake.domain.clock;

import static java.util.Objects.requireNonNull;

/** A length of time as the law states it, e.g. 30 calendar days or 2 months. */
public record LegalPeriod(int length, PeriodUnit unit) {

    public LegalPeriod {
        requireNonNull(unit, "unit");
        if (length < 0) {
            throw new IllegalArgumentException("a legal period must not be negative: " + length + " " + unit);
        }
    }

    public static LegalPeriod calendarDays(int length) {
        return new LegalPeriod(length, PeriodUnit.CALENDAR_DAYS);
    }

    public static LegalPeriod workingDays(int length) {
        return new LegalPeriod(length, PeriodUnit.WORKING_DAYS);
    }

    public static LegalPeriod months(int length) {
        return new LegalPeriod(length, PeriodUnit.MONTHS);
    }
}
