package vn.langnghe.intake.clockdata;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Malformed legal data must stop the load with a message naming the file and the entry. */
class LegalClockDataRejectsMalformedDataTest {

    private static final String RULE = """
            {"kind": "COMPLAINT", "phase": "ACCEPTANCE", "startsOn": "RECEIPT", "legalBasis": "Điều 27",
             "variants": {"NORMAL": {"length": 10, "unit": "CALENDAR_DAYS"}}}""";

    private static final String EXTENSION_RULE = """
            {"kind": "DENUNCIATION", "phase": "RESOLUTION", "startsOn": "ACCEPTANCE", "legalBasis": "Điều 30",
             "variants": {"NORMAL": {"length": 30, "unit": "CALENDAR_DAYS"}},
             "extensions": [{"reason": "COMPLEX", "labelVi": "phức tạp", "labelEn": "complex",
               %s, "maxTotalExtensions": 1, "grantedBy": "UNIT_HEAD", "legalBasis": "Điều 30"}]}""";

    private final Map<String, String> files = new HashMap<>();

    LegalClockDataRejectsMalformedDataTest() {
        files.put("deadline-rules.v1.json", rules(RULE));
        files.put("calendar/index.json", "{\"files\": [\"vn-2024.json\", \"vn-2025.json\"]}");
        files.put("calendar/vn-2024.json", year(2024, "\"2024-01-01\""));
        files.put("calendar/vn-2025.json", year(2025, "\"2025-01-01\""));
    }

    private static String rules(String... rules) {
        return "{\"version\": \"t\", \"atRiskFraction\": 0.2, \"rules\": [" + String.join(",", rules) + "]}";
    }

    private static String year(int year, String newYearDate) {
        return """
                {"year": %d, "version": "vn-%d.v1", "provisional": false, "source": "test",
                 "weekendDays": ["SATURDAY", "SUNDAY"],
                 "daysOff": [{"date": %s, "kind": "PUBLIC_HOLIDAY", "nameVi": "Tết Dương lịch"}],
                 "makeUpWorkingDays": []}""".formatted(year, year, newYearDate);
    }

    private void load() {
        LegalClockData.load(path -> files.containsKey(path)
                ? new ByteArrayInputStream(files.get(path).getBytes(StandardCharsets.UTF_8))
                : null);
    }

    @Test
    void givenWellFormedData_whenLoaded_thenItLoads() {
        load();
    }

    @Test
    void givenAnUnknownField_whenLoaded_thenTheStrictReaderRejectsIt() {
        files.put("deadline-rules.v1.json", rules(RULE.replace("\"phase\"", "\"lengthInDays\": 3, \"phase\"")));

        assertThatThrownBy(this::load).isInstanceOf(LegalDataException.class)
                .hasMessageContaining("legal/deadline-rules.v1.json").hasMessageContaining("lengthInDays");
    }

    @Test
    void givenAnUnknownKind_whenLoaded_thenTheMessageNamesItAndTheKnownKinds() {
        files.put("deadline-rules.v1.json", rules(RULE.replace("COMPLAINT", "RUMOUR")));

        assertThatThrownBy(this::load).isInstanceOf(LegalDataException.class)
                .hasMessageContaining("rule #1").hasMessageContaining("unknown kind 'RUMOUR'")
                .hasMessageContaining("DENUNCIATION");
    }

    @Test
    void givenANegativeLength_whenLoaded_thenItIsRejected() {
        files.put("deadline-rules.v1.json", rules(RULE.replace("10", "-10")));

        assertThatThrownBy(this::load).isInstanceOf(LegalDataException.class)
                .hasMessageContaining("COMPLAINT/ACCEPTANCE").hasMessageContaining("negative length -10");
    }

    @Test
    void givenALengthAsAString_whenLoaded_thenItIsNotCoerced() {
        files.put("deadline-rules.v1.json", rules(RULE.replace("10", "\"10\"")));

        assertThatThrownBy(this::load).isInstanceOf(LegalDataException.class);
    }

    @Test
    void givenAMissingField_whenLoaded_thenTheMessageNamesIt() {
        files.put("deadline-rules.v1.json", rules(RULE.replace("\"startsOn\": \"RECEIPT\", ", "")));

        assertThatThrownBy(this::load).isInstanceOf(LegalDataException.class)
                .hasMessageContaining("missing field 'startsOn'");
    }

    @Test
    void givenTwoRulesForOnePhase_whenLoaded_thenTheyAreRejected() {
        files.put("deadline-rules.v1.json", rules(RULE, RULE));

        assertThatThrownBy(this::load).isInstanceOf(LegalDataException.class)
                .hasMessageContaining("two rules for COMPLAINT/ACCEPTANCE");
    }

    @Test
    void givenAnExtensionWithBothLengths_whenLoaded_thenItIsRejected() {
        files.put("deadline-rules.v1.json", rules(EXTENSION_RULE.formatted(
                "\"by\": {\"length\": 30, \"unit\": \"CALENDAR_DAYS\"}, "
                        + "\"upToTotalFromStart\": {\"length\": 60, \"unit\": \"CALENDAR_DAYS\"}")));

        assertThatThrownBy(this::load).isInstanceOf(LegalDataException.class)
                .hasMessageContaining("extension COMPLEX").hasMessageContaining("exactly one");
    }

    @Test
    void givenAnExtensionRequiringAnUnknownReason_whenLoaded_thenItIsRejected() {
        files.put("deadline-rules.v1.json", rules(EXTENSION_RULE.formatted(
                "\"by\": {\"length\": 30, \"unit\": \"CALENDAR_DAYS\"}, \"requires\": [\"NOPE\"]")));

        assertThatThrownBy(this::load).isInstanceOf(LegalDataException.class).hasMessageContaining("NOPE");
    }

    @Test
    void givenAnAtRiskFractionAboveOne_whenLoaded_thenItIsRejected() {
        files.put("deadline-rules.v1.json", rules(RULE).replace("0.2", "1.5"));

        assertThatThrownBy(this::load).isInstanceOf(LegalDataException.class).hasMessageContaining("atRiskFraction");
    }

    @Test
    void givenTwoFilesForTheSameYear_whenLoaded_thenTheOverlapIsRejected() {
        files.put("calendar/index.json", "{\"files\": [\"vn-2024.json\", \"vn-2024b.json\"]}");
        files.put("calendar/vn-2024b.json", year(2024, "\"2024-01-01\""));

        assertThatThrownBy(this::load).isInstanceOf(LegalDataException.class)
                .hasMessageContaining("calendar year 2024 is loaded twice (overlapping years)");
    }

    @Test
    void givenAGapInTheYears_whenLoaded_thenItIsRejected() {
        files.put("calendar/index.json", "{\"files\": [\"vn-2024.json\", \"vn-2026.json\"]}");
        files.put("calendar/vn-2026.json", year(2026, "\"2026-01-01\""));

        assertThatThrownBy(this::load).isInstanceOf(LegalDataException.class).hasMessageContaining("contiguous");
    }

    @Test
    void givenAnIndexedFileThatIsMissing_whenLoaded_thenTheMessageNamesIt() {
        files.remove("calendar/vn-2025.json");

        assertThatThrownBy(this::load).isInstanceOf(LegalDataException.class)
                .hasMessageContaining("legal/calendar/vn-2025.json: file not found");
    }

    @Test
    void givenABadDate_whenLoaded_thenTheMessageNamesTheFileAndTheValue() {
        files.put("calendar/vn-2025.json", year(2025, "\"2025-13-01\""));

        assertThatThrownBy(this::load).isInstanceOf(LegalDataException.class)
                .hasMessageContaining("legal/calendar/vn-2025.json").hasMessageContaining("'2025-13-01' is not a date");
    }

    @Test
    void givenADayOffInAnotherYear_whenLoaded_thenItIsRejected() {
        files.put("calendar/vn-2025.json", year(2025, "\"2024-12-31\""));

        assertThatThrownBy(this::load).isInstanceOf(LegalDataException.class)
                .hasMessageContaining("legal/calendar/vn-2025.json").hasMessageContaining("another year");
    }

    @Test
    void givenAnUnknownDayOffKind_whenLoaded_thenItIsRejected() {
        files.put("calendar/vn-2025.json", year(2025, "\"2025-01-01\"").replace("PUBLIC_HOLIDAY", "BIRTHDAY"));

        assertThatThrownBy(this::load).isInstanceOf(LegalDataException.class)
                .hasMessageContaining("unknown kind 'BIRTHDAY'");
    }
}
