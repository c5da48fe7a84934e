package vn.langnghe.contracts.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The shipped unit tree, asked as of different days across the 2025 reform. */
class UnitTreeTest {

    private static final LocalDate DEC_2019 = LocalDate.of(2019, 12, 5);
    private static final LocalDate APR_2025 = LocalDate.of(2025, 4, 1);
    private static final LocalDate AUG_2025 = LocalDate.of(2025, 8, 1);

    private final UnitTree units = ReferenceData.load().units();

    @Test
    void aWardReportsToItsDistrictIn2019AndToTheProvinceAfterDistrictPoliceWereDissolved() {
        assertThat(units.parentOf("HP-LECHAN-ANDUONG", DEC_2019)).contains("HP-LECHAN");
        assertThat(units.parentOf("HP-LECHAN-ANDUONG", LocalDate.of(2025, 2, 28))).contains("HP-LECHAN");
        assertThat(units.parentOf("HP-LECHAN-ANDUONG", LocalDate.of(2025, 3, 1))).contains("HP");
        assertThat(units.parentOf("HP-LECHAN-ANDUONG", AUG_2025)).contains("HP");
        assertThat(units.existsOn("HP-LECHAN", AUG_2025)).isFalse();
    }

    @Test
    void aBacLieuWardMovesUnderCaMauAfterTheMerger() {
        assertThat(units.pathOf("BL-BACLIEU-NHAMAT", DEC_2019)).containsExactly("BCA", "BL", "BL-BACLIEU", "BL-BACLIEU-NHAMAT");
        assertThat(units.pathOf("BL-BACLIEU-NHAMAT", APR_2025)).containsExactly("BCA", "BL", "BL-BACLIEU-NHAMAT");
        assertThat(units.pathOf("BL-BACLIEU-NHAMAT", AUG_2025)).containsExactly("BCA", "CM", "BL-BACLIEU-NHAMAT");
        assertThat(units.existsOn("BL", AUG_2025)).isFalse();
    }

    @Test
    void subtreesFollowTheTreeOfTheDay() {
        assertThat(units.subtree("CM", DEC_2019)).containsExactlyInAnyOrder(
                "CM", "CM-CAMAU", "CM-CAMAU-P5", "CM-NGOCHIEN", "CM-NGOCHIEN-DATMUI");
        assertThat(units.subtree("CM", AUG_2025)).containsExactlyInAnyOrder(
                "CM", "CM-CAMAU-P5", "CM-NGOCHIEN-DATMUI", "BL-BACLIEU-NHAMAT");
        assertThat(units.subtree("HP-LECHAN", DEC_2019)).containsExactlyInAnyOrder(
                "HP-LECHAN", "HP-LECHAN-ANDUONG", "HP-LECHAN-DUHANGKENH", "HP-LECHAN-VINHNIEM");
        assertThat(units.subtree("HP-LECHAN", AUG_2025)).isEmpty();
        assertThat(units.subtree("BCA", DEC_2019)).containsExactlyInAnyOrderElementsOf(
                units.all().stream().map(Unit::code).toList());
        assertThat(units.subtree("BCA", AUG_2025)).hasSize(18).allSatisfy(code -> {
            assertThat(units.unit(code).level()).isNotEqualTo(UnitLevel.DISTRICT);
            assertThat(code).isNotEqualTo("BL");
        });
    }

    @Test
    void aUnitThatDidNotExistYetIsNotInTheTree() {
        assertThat(units.existsOn("NA-HOANGMAI-QUYNHXUAN", LocalDate.of(2012, 1, 1))).isFalse();
        assertThat(units.subtree("NA", LocalDate.of(2012, 1, 1))).containsExactly("NA");
        assertThat(units.subtree("NA", DEC_2019)).containsExactlyInAnyOrder("NA", "NA-HOANGMAI", "NA-HOANGMAI-QUYNHXUAN");
    }

    @Test
    void namesRepeatAcrossLevelsButCodesDiffer() {
        var anDuong = units.all().stream().filter(u -> u.nameVi().endsWith("An Dương")).toList();

        assertThat(anDuong).extracting(Unit::code).containsExactlyInAnyOrder("HP-ANDUONG", "HP-LECHAN-ANDUONG");
        assertThat(anDuong).extracting(Unit::level).containsExactlyInAnyOrder(UnitLevel.DISTRICT, UnitLevel.WARD);
        assertThat(units.isWithin("HP-LECHAN-ANDUONG", "HP-ANDUONG", DEC_2019)).isFalse();
        assertThat(units.isWithin("HP-ANDUONG-DONGTHAI", "HP-ANDUONG", DEC_2019)).isTrue();
    }

    @Test
    void isWithinIsReflexiveAndTransitive() {
        assertThat(units.isWithin("HP-LECHAN", "HP-LECHAN", DEC_2019)).isTrue();
        assertThat(units.isWithin("HP-LECHAN-VINHNIEM", "BCA", DEC_2019)).isTrue();
        assertThat(units.isWithin("HP", "HP-LECHAN-VINHNIEM", DEC_2019)).isFalse();
        assertThat(units.isWithin("HN-THANHTRI-THANHLIET", "HP", DEC_2019)).isFalse();
    }

    @Test
    void childrenComeInFileOrder() {
        assertThat(units.childrenOf("BCA", DEC_2019)).containsExactly("HN", "HP", "NA", "CM", "BL", "HCM");
        assertThat(units.childrenOf("BCA", AUG_2025)).containsExactly("HN", "HP", "NA", "CM", "HCM");
        assertThat(units.childrenOf("HP", DEC_2019)).hasSize(10).startsWith("HP-NGOQUYEN", "HP-LECHAN");
    }

    @Test
    void theDataSetIsModestNamedInVietnameseAndFlagsRemoteAreas() {
        assertThat(units.all()).hasSizeBetween(30, 40);
        assertThat(units.version()).isEqualTo("units.v1");
        assertThat(units.unit("HN-THANHTRI-THANHLIET").nameVi()).isEqualTo("Công an xã Thanh Liệt");
        assertThat(units.unit("HN-THANHTRI-THANHLIET").level()).isEqualTo(UnitLevel.COMMUNE);
        assertThat(units.unit("CM-NGOCHIEN-DATMUI").remoteArea()).isTrue();
        assertThat(units.unit("HP-LECHAN").remoteArea()).isFalse();
        assertThat(units.all()).allSatisfy(u -> assertThat(
                Normalizer.isNormalized(u.nameVi(), Normalizer.Form.NFC)).as(u.code()).isTrue());
    }
}
