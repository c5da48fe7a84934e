package vn.langnghe.contracts.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicTaxonomyTest {

    /** The table of docs/domain.md, in its order. */
    private static final List<String> DOMAIN_CODES = List.of("THEFT", "PUBLIC_DISORDER", "TRAFFIC_SAFETY",
            "SCHOOL_GATE_CONGESTION", "OVERLOADED_VEHICLES", "INTERSECTION_CONFLICTS", "LOAN_SHARKS", "DRUGS",
            "POLLUTION", "GRASSROOTS_STAFFING", "PATROLS", "SIDEWALK_ORDER", "REPORT_HANDLING", "LEGAL_EDUCATION",
            "FIREWORKS_WEAPONS", "SOCIAL_EVILS", "ADMIN_PROCEDURES", "PRAISE", "OTHER");

    private final TopicTaxonomy topics = ReferenceData.load().topics();

    @Test
    void holdsExactlyTheNineteenCodesOfTheDomainInFileOrder() {
        assertThat(topics.all()).extracting(Topic::code).containsExactlyElementsOf(DOMAIN_CODES);
        assertThat(topics.version()).isEqualTo("topics.v1");
    }

    @Test
    void labelsAreVietnameseFirstWithDiacriticsInNfc() {
        Topic loanSharks = topics.topic("LOAN_SHARKS");

        assertThat(loanSharks.labelVi()).isEqualTo("tín dụng đen");
        assertThat(loanSharks.labelEn()).isEqualTo("loan sharks / black credit");
        assertThat(topics.topic("DRUGS").labelVi()).isEqualTo("ma túy");
        assertThat(topics.all()).allSatisfy(t -> assertThat(
                Normalizer.isNormalized(t.labelVi(), Normalizer.Form.NFC)).as(t.code()).isTrue());
    }

    @Test
    void unknownCodesAreNotKnown() {
        assertThat(topics.isKnown("THEFT")).isTrue();
        assertThat(topics.isKnown("theft")).isFalse();
        assertThat(topics.find("GOSSIP")).isEmpty();
        assertThatThrownBy(() -> topics.topic("GOSSIP")).hasMessageContaining("GOSSIP");
    }

    @Test
    void aRepeatedCodeIsRejected() {
        Topic theft = new Topic("THEFT", "trộm cắp tài sản", "theft");

        assertThatThrownBy(() -> new TopicTaxonomy("topics.test", List.of(theft, theft)))
                .isInstanceOf(InvalidReferenceDataException.class).hasMessageContaining("THEFT");
    }
}
