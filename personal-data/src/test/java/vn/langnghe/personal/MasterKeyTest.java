package vn.langnghe.personal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class MasterKeyTest {

    @Test
    void a_master_key_survives_its_base64_form() throws Exception {
        MasterKey key = MasterKey.generate();
        byte[] wrapped = key.aead().encrypt(new byte[] {42}, new byte[0]);

        assertThat(MasterKey.fromBase64(key.toBase64()).aead().decrypt(wrapped, new byte[0])).containsExactly(42);
    }

    @Test
    void a_bad_master_key_is_refused_without_echoing_it() {
        String notAKeyset = Base64.getEncoder().encodeToString("s3cret-not-a-keyset".getBytes());
        assertThatThrownBy(() -> MasterKey.fromBase64(notAKeyset))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(notAKeyset)
                .hasNoCause();
        assertThatThrownBy(() -> MasterKey.fromBase64("")).isInstanceOf(IllegalArgumentException.class);
        MasterKey key = MasterKey.generate();
        assertThat(key.toString()).doesNotContain(key.toBase64()).isEqualTo("MasterKey[redacted]");
    }
}
