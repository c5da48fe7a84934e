package vn.langnghe.intake.clockdata;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The shape of the JSON files under {@code legal/}: wire records kept apart from the domain records, so
 * the domain stays plain Java and the file format can evolve with an explicit mapping. Enums are read as
 * strings so that an unknown value gets a message naming the file and the entry.
 */
final class LegalJson {

    private LegalJson() {}

    record RulesFile(String version, List<String> notes, BigDecimal atRiskFraction, List<RuleJson> rules) {}

    record RuleJson(
            String kind,
            String phase,
            String startsOn,
            String legalBasis,
            Map<String, PeriodJson> variants,
            Map<String, PeriodJson> unitOverrides,
            List<ExtensionJson> extensions,
            String note) {}

    record PeriodJson(Integer length, String unit) {}

    record ExtensionJson(
            String reason,
            String labelVi,
            String labelEn,
            PeriodJson by,
            PeriodJson upToTotalFromStart,
            Integer maxTotalExtensions,
            String grantedBy,
            List<String> requires,
            Integer requestAtLeastDaysBeforeDue,
            String legalBasis) {}

    record CalendarIndex(List<String> notes, List<String> files) {}

    record CalendarYearJson(
            Integer year,
            String version,
            Boolean provisional,
            String source,
            List<String> weekendDays,
            List<DayOffJson> daysOff,
            List<MakeUpDayJson> makeUpWorkingDays) {}

    record DayOffJson(String date, String kind, String nameVi) {}

    record MakeUpDayJson(String date, String nameVi) {}
}
