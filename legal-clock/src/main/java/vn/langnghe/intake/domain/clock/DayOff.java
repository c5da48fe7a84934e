package vn.langnghe.intake.domain.clock;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/** One day off in a year's calendar, with its Vietnamese name as the official notice gives it. */
public record DayOff(LocalDate date, DayOffKind kind, String nameVi) {

    public DayOff {
        requireNonNull(date, "date");
        requireNonNull(kind, "kind");
        if (nameVi == null || nameVi.isBlank()) {
            throw new IllegalArgumentException("day off " + date + " needs a Vietnamese name");
        }
    }
}
