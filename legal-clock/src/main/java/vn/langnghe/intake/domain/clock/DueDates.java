package vn.langnghe.intake.domain.clock;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * The deadlines in force for a submission; empty where the law sets none (a tip) or the clock has not
 * started yet (a resolution counted from an acceptance that has not happened).
 */
public record DueDates(
        Optional<LocalDate> acceptanceDue,
        Optional<LocalDate> acceptanceNoticeDue,
        Optional<LocalDate> resolutionDue) {

    public DueDates {
        requireNonNull(acceptanceDue, "acceptanceDue");
        requireNonNull(acceptanceNoticeDue, "acceptanceNoticeDue");
        requireNonNull(resolutionDue, "resolutionDue");
    }

    public static DueDates none() {
        return new DueDates(Optional.empty(), Optional.empty(), Optional.empty());
    }

    static DueDates of(Map<ClockPhase, LocalDate> byPhase) {
        return new DueDates(
                Optional.ofNullable(byPhase.get(ClockPhase.ACCEPTANCE)),
                Optional.ofNullable(byPhase.get(ClockPhase.ACCEPTANCE_NOTICE)),
                Optional.ofNullable(byPhase.get(ClockPhase.RESOLUTION)));
    }

    public Optional<LocalDate> due(ClockPhase phase) {
        return switch (phase) {
            case ACCEPTANCE -> acceptanceDue;
            case ACCEPTANCE_NOTICE -> acceptanceNoticeDue;
            case RESOLUTION -> resolutionDue;
        };
    }

    public boolean isEmpty() {
        return acceptanceDue.isEmpty() && acceptanceNoticeDue.isEmpty() && resolutionDue.isEmpty();
    }
}
