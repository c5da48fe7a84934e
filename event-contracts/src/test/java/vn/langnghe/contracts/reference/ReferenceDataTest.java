package vn.langnghe.contracts.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReferenceDataTest {

    @Test
    void isLoadedOnceAndCitesItsVersions() {
        ReferenceData data = ReferenceData.load();

        assertThat(ReferenceData.load()).isSameAs(data);
        assertThat(data.topicsVersion()).isEqualTo("topics.v1");
        assertThat(data.unitsVersion()).isEqualTo("units.v1");
        assertThat(ReferenceData.UNITS_RESOURCE).contains(data.unitsVersion());
        assertThat(ReferenceData.TOPICS_RESOURCE).contains(data.topicsVersion());
    }
}
