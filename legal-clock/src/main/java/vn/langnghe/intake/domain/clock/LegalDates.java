package vn.langnghe.intake.domain.clock;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Legal dates are calendar days in Vietnam: every instant is turned into a date in Asia/Ho_Chi_Minh first. */
public final class LegalDates {

    /** The zone of every legal date, deadline and report period (UTC+7, no daylight saving). */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private LegalDates() {}

    /** The Vietnamese calendar day on which {@code instant} falls (23:30 UTC is already the next day). */
    public static LocalDate vietnamDate(Instant instant) {
        return LocalDate.ofInstant(instant, VIETNAM);
    }
}
