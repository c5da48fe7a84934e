package vn.langnghe.personal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AadTest {

    @Test
    void parts_cannot_be_shifted_into_each_other() {
        assertThat(Aad.of("ab", "c")).isNotEqualTo(Aad.of("a", "bc"));
        assertThat(Aad.of("a", "b")).isEqualTo(Aad.of("a", "b"));
    }
}
