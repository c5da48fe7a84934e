package vn.langnghe.intake.domain.submission;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import vn.langnghe.intake.domain.clock.ClockFacts;
import vn.langnghe.intake.domain.clock.ClockPhase;
import vn.langnghe.intake.domain.clock.ClockStatus;
import vn.langnghe.intake.domain.clock.DateOutsideCalendarException;
import vn.langnghe.intake.domain.clock.DueDates;
import vn.langnghe.intake.domain.clock.ExtensionCheck;
import vn.langnghe.intake.domain.clock.GrantedExtension;
import vn.langnghe.intake.domain.clock.LegalClock;
import vn.langnghe.intake.domain.clock.StartEvent;

/** A submission's legal clock: its facts, due dates, status, and which extensions the law allows. */
public final class SubmissionClocks {

    private final LegalClock clock;

    public SubmissionClocks(LegalClock clock) {
        this.clock = clock;
    }

    public ClockFacts facts(Submission s) {
        List<GrantedExtension> granted = s.extensions().stream()
                .map(e -> new GrantedExtension(e.reasonCode(), e.grantedOn()))
                .toList();
        return new ClockFacts(s.receivedOn(), s.acceptedOn(), s.unitId(), s.remoteArea(), s.complex(), granted);
    }

    /** Due dates in force; none for a closed submission, or when a date lies outside the loaded calendars. */
    public DueDates dueDates(Submission s) {
        if (!s.exists() || s.status().isTerminal()) {
            return DueDates.none();
        }
        try {
            return clock.dueDates(s.kind(), facts(s));
        } catch (DateOutsideCalendarException e) {
            return DueDates.none();
        }
    }

    /** The resolution deadline if there is one, else the acceptance deadline: what an inbox sorts by. */
    public Optional<LocalDate> nextDue(Submission s) {
        DueDates due = dueDates(s);
        return due.resolutionDue().or(due::acceptanceDue);
    }

    /**
     * When the clock that {@link #nextDue} belongs to started: the resolution rule says whether it runs
     * from receipt (crime reports, petitions) or from acceptance (complaints, denunciations).
     */
    public LocalDate clockStartedOn(Submission s) {
        DueDates due = dueDates(s);
        if (due.resolutionDue().isEmpty()) {
            return s.receivedOn(); // the acceptance clock runs from receipt
        }
        StartEvent start = clock.rules().rule(s.kind(), ClockPhase.RESOLUTION)
                .map(rule -> rule.startsOn()).orElse(StartEvent.RECEIPT);
        return start == StartEvent.ACCEPTANCE && s.acceptedOn() != null ? s.acceptedOn() : s.receivedOn();
    }

    public ClockStatus status(LocalDate startedOn, LocalDate due, LocalDate today) {
        return clock.status(startedOn, due, today);
    }

    public ExtensionPolicy extensionPolicy() {
        return (submission, reasonCode) -> switch (clock.canExtend(submission.kind(), facts(submission), reasonCode)) {
            case ExtensionCheck.Allowed allowed -> Optional.empty();
            case ExtensionCheck.Refused refused -> Optional.of(refused.reasonVi() + " / " + refused.reasonEn());
        };
    }
}
