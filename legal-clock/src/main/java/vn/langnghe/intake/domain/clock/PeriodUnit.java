package vn.langnghe.intake.domain.clock;

/** How a legal period (thời hạn) is counted. */
public enum PeriodUnit {
    /** Ngày: calendar days; a last day that is a day off moves to the next working day. */
    CALENDAR_DAYS,
    /** Ngày làm việc: only working days of the calendar count. */
    WORKING_DAYS,
    /** Tháng: ends on the same-numbered day of the last month, or that month's last day. */
    MONTHS
}
