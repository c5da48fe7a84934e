package vn.langnghe.intake.domain.clock;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The deadline of one phase as extensions are granted one after another; immutable. */
record PhaseTimeline(DeadlineRule rule, LocalDate start, LocalDate due, List<String> grantedReasons, WorkingDayCalendar calendar) {

    PhaseTimeline {
        grantedReasons = List.copyOf(grantedReasons);
    }

    static PhaseTimeline started(DeadlineRule rule, LocalDate start, ClockFacts facts, WorkingDayCalendar calendar) {
        LocalDate due = CivilCodeCounting.lastDay(start, rule.periodFor(facts), calendar);
        return new PhaseTimeline(rule, start, due, List.of(), calendar);
    }

    /** Whether {@code extension} may be granted now; {@code grantOn} null skips the checks on the grant day. */
    ExtensionCheck check(ExtensionRule extension, LocalDate grantOn) {
        if (grantedReasons.size() >= extension.maxTotalExtensions()) {
            return new ExtensionCheck.Refused(
                    "Đã gia hạn " + grantedReasons.size() + " lần; lý do \"" + extension.labelVi()
                            + "\" chỉ cho phép gia hạn tối đa " + extension.maxTotalExtensions() + " lần ("
                            + extension.legalBasis() + ").",
                    "Already extended " + grantedReasons.size() + " time(s); reason \"" + extension.labelEn()
                            + "\" allows at most " + extension.maxTotalExtensions() + " extension(s) ("
                            + extension.legalBasis() + ").");
        }
        List<String> missing = extension.requires().stream().filter(r -> !grantedReasons.contains(r)).sorted().toList();
        if (!missing.isEmpty()) {
            return new ExtensionCheck.Refused(
                    "Chỉ được gia hạn vì lý do \"" + extension.labelVi() + "\" sau khi đã gia hạn vì " + missing + ".",
                    "An extension for \"" + extension.labelEn() + "\" needs a prior extension for " + missing + ".");
        }
        if (grantOn != null && grantOn.isBefore(start)) {
            return new ExtensionCheck.Refused(
                    "Không thể gia hạn trước khi thời hạn bắt đầu (" + start + ").",
                    "An extension cannot be granted before the period starts (" + start + ").");
        }
        if (grantOn != null && grantOn.isAfter(due)) {
            return new ExtensionCheck.Refused(
                    "Thời hạn " + rule.phase().labelVi() + " đã hết ngày " + due + "; không thể gia hạn sau khi hết hạn.",
                    "The " + rule.phase().labelEn() + " deadline expired on " + due + "; it cannot be extended afterwards.");
        }
        Optional<LocalDate> requestBy = extension.requestLeadDays() > 0
                ? Optional.of(due.minusDays(extension.requestLeadDays()))
                : Optional.empty();
        return new ExtensionCheck.Allowed(rule.phase(), dueAfter(extension), extension.grantedBy(), requestBy);
    }

    /** The timeline once {@code granted} is applied; an extension the rules forbid is a broken history. */
    PhaseTimeline grant(GrantedExtension granted) {
        ExtensionRule extension = rule.extension(granted.reasonCode()).orElseThrow();
        return switch (check(extension, granted.grantedOn())) {
            case ExtensionCheck.Allowed allowed -> {
                List<String> reasons = new ArrayList<>(grantedReasons);
                reasons.add(granted.reasonCode());
                yield new PhaseTimeline(rule, start, allowed.dueIfGranted(), reasons, calendar);
            }
            case ExtensionCheck.Refused refused -> throw new IllegalArgumentException(
                    "extension " + granted + " of " + rule.kind() + " is not legal: " + refused.reasonEn());
        };
    }

    private LocalDate dueAfter(ExtensionRule extension) {
        return switch (extension.length()) {
            // Counted from the deadline in force, which is the legal end of the period being extended.
            case ExtensionLength.By by -> CivilCodeCounting.lastDay(due, by.period(), calendar);
            case ExtensionLength.UpToTotalFromStart upTo -> {
                LocalDate capped = CivilCodeCounting.lastDay(start, upTo.period(), calendar);
                yield capped.isAfter(due) ? capped : due;
            }
        };
    }
}
