package vn.langnghe.personal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Guards of this module itself: the scans the other tests rely on work, and no unkeyed hash creeps in. */
class NoPlaintextLeaksTest {

    // Unkeyed hashes of personal values are forbidden (a phone number's hash is found by hashing all
    // phone numbers). Only a keyed HMAC would be allowed, and none is needed yet.
    private static final Pattern UNKEYED_HASH = Pattern.compile(
            "MessageDigest|DigestUtils|Hashing\\.|\\bmd5\\s*\\(|\\bsha(1|224|256|384|512)\\s*\\(|\\bdigest\\s*\\(",
            Pattern.CASE_INSENSITIVE);

    @Test
    void the_database_scan_finds_a_value_stored_in_clear() {
        try (AgroalDataSource db = TestInfra.freshDatabase()) {
            TestInfra.execute(db, "INSERT INTO case_texts_encrypted (case_id, text_kind, ciphertext, written_at)"
                    + " VALUES (gen_random_uuid(), 'DESCRIPTION', ?, now())", "Nguyễn Thị Hoa".getBytes(StandardCharsets.UTF_8));

            assertThatThrownBy(() -> PlaintextScan.assertNoTrace(db, "Nguyễn Thị Hoa")).isInstanceOf(AssertionError.class);
        }
        assertThatThrownBy(() -> PlaintextScan.assertNotInBytes("..Hoa..".getBytes(StandardCharsets.UTF_8), "Hoa"))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void no_unkeyed_hash_in_code_or_migrations() throws IOException {
        assertThat(UNKEYED_HASH.matcher("MessageDigest.getInstance(\"SHA-256\")").find()).isTrue();
        assertThat(UNKEYED_HASH.matcher("CREATE INDEX ON t (md5(phone))").find()).isTrue();

        try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
            List<Path> offending = files.filter(Files::isRegularFile)
                    .filter(file -> {
                        try {
                            return UNKEYED_HASH.matcher(Files.readString(file)).find();
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .toList();
            assertThat(offending).isEmpty();
        }
    }

    @Test
    void personal_values_do_not_print() {
        PersonalIdentity identity = new PersonalIdentity("Nguyễn Thị Hoa", "0912345678", "001190012345", "Hà Nội", "h@x.vn");

        assertThat(identity.toString()).doesNotContain("Hoa", "0912345678", "001190012345", "Hà Nội", "h@x.vn");
        assertThat(new Readout.Found<>(identity.fullName()).toString()).doesNotContain("Hoa");
    }
}
