package vn.langnghe.intake.domain.clock;

import static java.util.Objects.requireNonNull;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.langnghe.contracts.events.SubmissionKind;

/**
 * The legal time limit of one phase of one kind of submission.
 *
 * @param variants      lengths by case variant; {@code NORMAL} is required and stands in for a missing variant
 * @param unitOverrides lengths set by a unit's own rules, by exact unit code; they win over the variants
 * @param legalBasis    the article that sets the limit, quoted in reports and refusals
 */
public record DeadlineRule(
        SubmissionKind kind,
        ClockPhase phase,
        StartEvent startsOn,
        Map<CaseVariant, LegalPeriod> variants,
        Map<String, LegalPeriod> unitOverrides,
        List<ExtensionRule> extensions,
        String legalBasis) {

    public DeadlineRule {
        requireNonNull(kind, "kind");
        requireNonNull(phase, "phase of " + kind);
        requireNonNull(startsOn, "startsOn of " + kind + "/" + phase);
        if (variants == null || !variants.containsKey(CaseVariant.NORMAL)) {
            throw new IllegalArgumentException("rule " + kind + "/" + phase + " needs a NORMAL length");
        }
        variants = Map.copyOf(new EnumMap<>(variants));
        unitOverrides = unitOverrides == null ? Map.of() : Map.copyOf(unitOverrides);
        extensions = extensions == null ? List.of() : List.copyOf(extensions);
        Set<String> reasons = new HashSet<>();
        for (ExtensionRule extension : extensions) {
            if (!reasons.add(extension.reasonCode())) {
                throw new IllegalArgumentException("rule " + kind + "/" + phase + ": extension reason "
                        + extension.reasonCode() + " listed twice");
            }
        }
        for (ExtensionRule extension : extensions) {
            if (!reasons.containsAll(extension.requires())) {
                throw new IllegalArgumentException("rule " + kind + "/" + phase + ": extension " + extension.reasonCode()
                        + " requires unknown reasons " + extension.requires());
            }
        }
        requireNonNull(legalBasis, "legalBasis of " + kind + "/" + phase);
    }

    /** The length that applies to these facts: a unit's own rule first, then the case variant. */
    public LegalPeriod periodFor(ClockFacts facts) {
        if (facts.unitCode() != null && unitOverrides.containsKey(facts.unitCode())) {
            return unitOverrides.get(facts.unitCode());
        }
        return variants.getOrDefault(CaseVariant.of(facts.remoteArea(), facts.complex()), variants.get(CaseVariant.NORMAL));
    }

    public Optional<ExtensionRule> extension(String reasonCode) {
        return extensions.stream().filter(e -> e.reasonCode().equals(reasonCode)).findFirst();
    }
}
