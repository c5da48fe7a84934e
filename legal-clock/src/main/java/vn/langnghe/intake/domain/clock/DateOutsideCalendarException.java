package vn.langnghe.intake.domain.clock;

import java.time.LocalDate;

/** A date the loaded calendar does not cover: we refuse to guess which days are off. */
public final class DateOutsideCalendarException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient LocalDate date;

    DateOutsideCalendarException(LocalDate date, int firstYear, int lastYear) {
        super("Ngày " + date + " nằm ngoài lịch làm việc đã nạp (" + firstYear + "–" + lastYear + ") / "
                + "Date " + date + " is outside the loaded working-day calendar (" + firstYear + "–" + lastYear
                + "); add legal/calendar/vn-" + date.getYear() + ".json");
        this.date = date;
    }

    public LocalDate date() {
        return date;
    }
}
