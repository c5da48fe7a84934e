package vn.langnghe.intake.domain.clock;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.langnghe.contracts.events.SubmissionKind;

/**
 * The legal clocks (thời hạn theo luật) of citizen submissions: due dates, extensions (gia hạn), status
 * and timeliness, computed from versioned rules and a working-day calendar. Pure: no clock, no I/O.
 */
public final class LegalClock {

    private final DeadlineRules rules;
    private final WorkingDayCalendar calendar;

    public LegalClock(DeadlineRules rules, WorkingDayCalendar calendar) {
        this.rules = requireNonNull(rules, "rules");
        this.calendar = requireNonNull(calendar, "calendar");
    }

    /** The deadlines in force, with every granted extension applied. */
    public DueDates dueDates(SubmissionKind kind, ClockFacts facts) {
        requireNonNull(kind, "kind");
        requireNonNull(facts, "facts");
        requireKnownReasons(kind, facts);
        Map<ClockPhase, LocalDate> due = new EnumMap<>(ClockPhase.class);
        for (DeadlineRule rule : rules.rulesFor(kind)) {
            timeline(rule, facts).ifPresent(t -> due.put(rule.phase(), t.due()));
        }
        return DueDates.of(due);
    }

    /** Whether one more extension for {@code reasonCode} is legal, whatever the day it would be granted. */
    public ExtensionCheck canExtend(SubmissionKind kind, ClockFacts facts, String reasonCode) {
        return check(kind, facts, reasonCode, null);
    }

    /** As {@link #canExtend(SubmissionKind, ClockFacts, String)}, and refuses a grant after the deadline expired. */
    public ExtensionCheck canExtend(SubmissionKind kind, ClockFacts facts, String reasonCode, LocalDate grantOn) {
        return check(kind, facts, reasonCode, requireNonNull(grantOn, "grantOn"));
    }

    /**
     * ON_TIME, AT_RISK when at most the configured fraction of the period (in calendar days) is left,
     * the due day included, OVERDUE when {@code today} is after {@code due}.
     */
    public ClockStatus status(LocalDate startedOn, LocalDate due, LocalDate today) {
        if (due.isBefore(startedOn)) {
            throw new IllegalArgumentException("due " + due + " is before the start " + startedOn);
        }
        if (today.isAfter(due)) {
            return ClockStatus.OVERDUE;
        }
        BigDecimal period = BigDecimal.valueOf(ChronoUnit.DAYS.between(startedOn, due));
        BigDecimal left = BigDecimal.valueOf(ChronoUnit.DAYS.between(today, due));
        // Exact decimal arithmetic: "exactly 20 % left" must not depend on rounding.
        return left.compareTo(rules.atRiskFraction().multiply(period)) <= 0 ? ClockStatus.AT_RISK : ClockStatus.ON_TIME;
    }

    public Timeliness timeliness(LocalDate due, LocalDate doneOn) {
        return Timeliness.of(due, doneOn);
    }

    /** The rules version and the calendar versions, to record next to every computed deadline. */
    public String version() {
        return rules.version() + "|" + calendar.version();
    }

    public DeadlineRules rules() {
        return rules;
    }

    public WorkingDayCalendar calendar() {
        return calendar;
    }

    private ExtensionCheck check(SubmissionKind kind, ClockFacts facts, String reasonCode, LocalDate grantOn) {
        requireNonNull(kind, "kind");
        requireNonNull(facts, "facts");
        Optional<DeadlineRule> rule = rules.ruleWithExtension(kind, reasonCode);
        if (rule.isEmpty()) {
            return unknownReason(kind, reasonCode);
        }
        requireKnownReasons(kind, facts);
        Optional<PhaseTimeline> timeline = timeline(rule.get(), facts);
        if (timeline.isEmpty()) {
            ClockPhase phase = rule.get().phase();
            return new ExtensionCheck.Refused(
                    "Thời hạn " + phase.labelVi() + " chưa bắt đầu (chưa thụ lý), nên chưa thể gia hạn.",
                    "The " + phase.labelEn() + " period has not started (not accepted yet), so it cannot be extended.");
        }
        return timeline.get().check(rule.get().extension(reasonCode).orElseThrow(), grantOn);
    }

    private ExtensionCheck unknownReason(SubmissionKind kind, String reasonCode) {
        List<String> valid = rules.rulesFor(kind).stream()
                .flatMap(r -> r.extensions().stream())
                .map(ExtensionRule::reasonCode)
                .toList();
        if (valid.isEmpty()) {
            return new ExtensionCheck.Refused(
                    "Pháp luật không quy định việc gia hạn đối với " + kind.labelVi() + ".",
                    "The law provides no extension for a " + kind.labelEn() + ".");
        }
        return new ExtensionCheck.Refused(
                "Lý do gia hạn \"" + reasonCode + "\" không được quy định đối với " + kind.labelVi()
                        + "; lý do hợp lệ: " + valid + ".",
                "Extension reason \"" + reasonCode + "\" is not provided for a " + kind.labelEn()
                        + "; valid reasons: " + valid + ".");
    }

    private Optional<PhaseTimeline> timeline(DeadlineRule rule, ClockFacts facts) {
        Optional<LocalDate> start = switch (rule.startsOn()) {
            case RECEIPT -> Optional.of(facts.receivedOn());
            case ACCEPTANCE -> Optional.ofNullable(facts.acceptedOn());
        };
        List<GrantedExtension> ofThisPhase = facts.extensions().stream()
                .filter(e -> rule.extension(e.reasonCode()).isPresent())
                .sorted(Comparator.comparing(GrantedExtension::grantedOn)) // stable: same-day grants keep their order
                .toList();
        if (start.isEmpty() && !ofThisPhase.isEmpty()) {
            throw new IllegalArgumentException("extensions " + ofThisPhase + " of " + rule.kind() + "/" + rule.phase()
                    + " were granted before its period started");
        }
        return start.map(day -> {
            PhaseTimeline timeline = PhaseTimeline.started(rule, day, facts, calendar);
            for (GrantedExtension granted : ofThisPhase) {
                timeline = timeline.grant(granted);
            }
            return timeline;
        });
    }

    private void requireKnownReasons(SubmissionKind kind, ClockFacts facts) {
        for (GrantedExtension granted : facts.extensions()) {
            if (rules.ruleWithExtension(kind, granted.reasonCode()).isEmpty()) {
                throw new IllegalArgumentException("extension reason " + granted.reasonCode()
                        + " is not provided for " + kind + " in " + rules.version());
            }
        }
    }
}
