package vn.langnghe.intake.domain.clock;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/** Ngày làm bù: a weekend day worked in exchange for a swapped day off; it counts as a working day. */
public record MakeUpWorkingDay(LocalDate date, String nameVi) {

    public MakeUpWorkingDay {
        requireNonNull(date, "date");
        if (nameVi == null || nameVi.isBlank()) {
            throw new IllegalArgumentException("make-up working day " + date + " needs a Vietnamese note");
        }
    }
}
