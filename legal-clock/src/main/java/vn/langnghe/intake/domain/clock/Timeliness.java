package vn.langnghe.intake.domain.clock;

import java.time.LocalDate;

/** How a finished step compares with its deadline: the "trước hạn / đúng hạn / trễ hạn" breakdown of reports. */
public enum Timeliness {
    /** Trước hạn: done before the due day. */
    EARLY,
    /** Đúng hạn: done on the due day. */
    ON_TIME,
    /** Trễ hạn: done after the due day. */
    LATE;

    public static Timeliness of(LocalDate due, LocalDate doneOn) {
        int compared = doneOn.compareTo(due);
        if (compared < 0) {
            return EARLY;
        }
        return compared == 0 ? ON_TIME : LATE;
    }
}
