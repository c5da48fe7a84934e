package vn.langnghe.contracts.reference;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A broken unit file must fail on load with a message that names the problem. */
class UnitTreeValidationTest {

    private static final LocalDate START = LocalDate.of(2000, 1, 1);

    @Test
    void anUnknownParentIsRejected() {
        assertThatThrownBy(() -> tree(root("BCA"), unit("HP", period("XX", START, null))))
                .isInstanceOf(InvalidReferenceDataException.class)
                .hasMessageContaining("HP names an unknown parent XX");
    }

    @Test
    void overlappingParentPeriodsAreRejected() {
        assertThatThrownBy(() -> tree(root("BCA"), unit("A", period("BCA", START, null)),
                unit("W", period("BCA", START, LocalDate.of(2025, 3, 1)), period("A", LocalDate.of(2025, 3, 1), null))))
                .isInstanceOf(InvalidReferenceDataException.class)
                .hasMessageContaining("W has overlapping parent periods");
    }

    @Test
    void aCycleIsRejected() {
        assertThatThrownBy(() -> tree(unit("A", period("B", START, null)), unit("B", period("A", START, null))))
                .isInstanceOf(InvalidReferenceDataException.class)
                .hasMessageContaining("cycle");
    }

    @Test
    void aCycleThatStartsLaterIsRejectedToo() {
        LocalDate later = LocalDate.of(2025, 7, 1);
        assertThatThrownBy(() -> tree(root("R"),
                unit("A", period("R", START, later.minusDays(1)), period("B", later, null)),
                unit("B", period("A", START, null))))
                .isInstanceOf(InvalidReferenceDataException.class)
                .hasMessageContaining("cycle").hasMessageContaining("2025-07-01");
    }

    @Test
    void aParentThatNoLongerExistsIsRejected() {
        Unit bl = new Unit("BL", "Công an tỉnh Bạc Liêu", null, UnitLevel.PROVINCE, false, START,
                LocalDate.of(2025, 6, 30), List.of());
        assertThatThrownBy(() -> tree(bl, unit("W", period("BL", START, null))))
                .isInstanceOf(InvalidReferenceDataException.class)
                .hasMessageContaining("BL exists only");
    }

    @Test
    void aRepeatedCodeIsRejected() {
        assertThatThrownBy(() -> tree(root("BCA"), root("BCA")))
                .isInstanceOf(InvalidReferenceDataException.class)
                .hasMessageContaining("appears twice");
    }

    @Test
    void aMisspeltFieldInTheFileIsRejected() {
        String json = """
                {"version": "units.test", "units": [
                  {"code": "BCA", "nameVi": "Bộ Công an", "level": "MINISTRY", "validFrom": "1945-08-19", "parent": []}
                ]}""";
        assertThatThrownBy(() -> ReferenceData.readUnits(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("parent");
    }

    private static UnitTree tree(Unit... units) {
        return new UnitTree("units.test", List.of(units));
    }

    private static Unit root(String code) {
        return new Unit(code, code, null, UnitLevel.MINISTRY, false, START, null, List.of());
    }

    private static Unit unit(String code, ParentPeriod... parents) {
        return new Unit(code, code, null, UnitLevel.WARD, false, START, null, List.of(parents));
    }

    private static ParentPeriod period(String parent, LocalDate from, LocalDate to) {
        return new ParentPeriod(parent, from, to);
    }
}
