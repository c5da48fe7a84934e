package vn.langnghe.intake.clockdata;

import static vn.langnghe.intake.clockdata.Strict.enumValue;
import static vn.langnghe.intake.clockdata.Strict.required;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.langnghe.contracts.events.SubmissionKind;
import vn.langnghe.intake.domain.clock.CaseVariant;
import vn.langnghe.intake.domain.clock.ClockPhase;
import vn.langnghe.intake.domain.clock.DeadlineRule;
import vn.langnghe.intake.domain.clock.DeadlineRules;
import vn.langnghe.intake.domain.clock.ExtensionLength;
import vn.langnghe.intake.domain.clock.ExtensionRule;
import vn.langnghe.intake.domain.clock.GrantAuthority;
import vn.langnghe.intake.domain.clock.LegalPeriod;
import vn.langnghe.intake.domain.clock.PeriodUnit;
import vn.langnghe.intake.domain.clock.StartEvent;

/** Reads {@code deadline-rules.v*.json} into {@link DeadlineRules}. */
final class RulesReader {

    private RulesReader() {}

    static DeadlineRules read(String json, String source) {
        LegalJson.RulesFile file = Strict.read(json, LegalJson.RulesFile.class, source);
        String version = required(file.version(), "version", source);
        List<LegalJson.RuleJson> rulesJson = required(file.rules(), "rules", source);
        List<DeadlineRule> rules = new ArrayList<>();
        for (int i = 0; i < rulesJson.size(); i++) {
            rules.add(rule(rulesJson.get(i), source + ", rule #" + (i + 1)));
        }
        try {
            return new DeadlineRules(version, required(file.atRiskFraction(), "atRiskFraction", source), rules);
        } catch (IllegalArgumentException e) {
            throw new LegalDataException(source + ": " + e.getMessage(), e);
        }
    }

    private static DeadlineRule rule(LegalJson.RuleJson json, String where) {
        SubmissionKind kind = enumValue(SubmissionKind.class, json.kind(), "kind", where);
        ClockPhase phase = enumValue(ClockPhase.class, json.phase(), "phase", where);
        String at = where + " (" + kind + "/" + phase + ")";
        StartEvent startsOn = enumValue(StartEvent.class, json.startsOn(), "startsOn", at);
        Map<CaseVariant, LegalPeriod> variants = new EnumMap<>(CaseVariant.class);
        required(json.variants(), "variants", at).forEach((name, period) -> variants.put(
                enumValue(CaseVariant.class, name, "variant", at), period(period, at + ", variant " + name)));
        Map<String, LegalPeriod> overrides = new LinkedHashMap<>();
        if (json.unitOverrides() != null) {
            json.unitOverrides().forEach((unit, period) -> overrides.put(unit, period(period, at + ", unit " + unit)));
        }
        List<ExtensionRule> extensions = new ArrayList<>();
        if (json.extensions() != null) {
            json.extensions().forEach(e -> extensions.add(extension(e, at)));
        }
        try {
            return new DeadlineRule(kind, phase, startsOn, variants, overrides, extensions,
                    required(json.legalBasis(), "legalBasis", at));
        } catch (IllegalArgumentException e) {
            throw new LegalDataException(at + ": " + e.getMessage(), e);
        }
    }

    private static ExtensionRule extension(LegalJson.ExtensionJson json, String where) {
        String reason = required(json.reason(), "reason", where + ", extension");
        String at = where + ", extension " + reason;
        if ((json.by() == null) == (json.upToTotalFromStart() == null)) {
            throw new LegalDataException(at + ": give exactly one of 'by' and 'upToTotalFromStart'");
        }
        ExtensionLength length = json.by() != null
                ? new ExtensionLength.By(period(json.by(), at))
                : new ExtensionLength.UpToTotalFromStart(period(json.upToTotalFromStart(), at));
        int lead = json.requestAtLeastDaysBeforeDue() == null ? 0 : json.requestAtLeastDaysBeforeDue();
        try {
            return new ExtensionRule(reason,
                    required(json.labelVi(), "labelVi", at),
                    required(json.labelEn(), "labelEn", at),
                    length,
                    required(json.maxTotalExtensions(), "maxTotalExtensions", at),
                    enumValue(GrantAuthority.class, json.grantedBy(), "grantedBy", at),
                    json.requires() == null ? null : new HashSet<>(json.requires()),
                    lead,
                    required(json.legalBasis(), "legalBasis", at));
        } catch (IllegalArgumentException e) {
            throw new LegalDataException(at + ": " + e.getMessage(), e);
        }
    }

    private static LegalPeriod period(LegalJson.PeriodJson json, String where) {
        required(json, "length and unit", where);
        int length = required(json.length(), "length", where);
        if (length < 0) {
            throw new LegalDataException(where + ": negative length " + length);
        }
        return new LegalPeriod(length, enumValue(PeriodUnit.class, json.unit(), "unit", where));
    }
}
