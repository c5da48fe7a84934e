package vn.langnghe.intake.domain.clock;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.langnghe.contracts.events.SubmissionKind;

/**
 * All legal deadline rules of one version of the rules data.
 *
 * @param atRiskFraction a clock is "at risk" when at most this fraction of its period is left (0..1)
 */
public record DeadlineRules(String version, BigDecimal atRiskFraction, List<DeadlineRule> rules) {

    public DeadlineRules {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("deadline rules need a version");
        }
        requireNonNull(atRiskFraction, "atRiskFraction");
        if (atRiskFraction.signum() < 0 || atRiskFraction.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("atRiskFraction must be between 0 and 1, got " + atRiskFraction);
        }
        rules = List.copyOf(rules);
        Set<String> phases = new HashSet<>();
        Map<SubmissionKind, Set<String>> reasonsByKind = new HashMap<>();
        for (DeadlineRule rule : rules) {
            if (!phases.add(rule.kind() + "/" + rule.phase())) {
                throw new IllegalArgumentException("two rules for " + rule.kind() + "/" + rule.phase());
            }
            // A granted extension names only its reason, so a reason must point at one phase of its kind.
            for (ExtensionRule extension : rule.extensions()) {
                if (!reasonsByKind.computeIfAbsent(rule.kind(), k -> new HashSet<>()).add(extension.reasonCode())) {
                    throw new IllegalArgumentException("extension reason " + extension.reasonCode()
                            + " is used by two phases of " + rule.kind());
                }
            }
        }
    }

    public List<DeadlineRule> rulesFor(SubmissionKind kind) {
        return rules.stream().filter(r -> r.kind() == kind).toList();
    }

    public Optional<DeadlineRule> rule(SubmissionKind kind, ClockPhase phase) {
        return rules.stream().filter(r -> r.kind() == kind && r.phase() == phase).findFirst();
    }

    /** The rule of {@code kind} that has an extension with this reason code. */
    public Optional<DeadlineRule> ruleWithExtension(SubmissionKind kind, String reasonCode) {
        return rulesFor(kind).stream().filter(r -> r.extension(reasonCode).isPresent()).findFirst();
    }
}
