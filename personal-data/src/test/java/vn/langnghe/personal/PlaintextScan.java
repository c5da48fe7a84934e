package vn.langnghe.personal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;

/** Searches the whole database (every table of every schema we own) for traces of a personal value. */
final class PlaintextScan {

    private PlaintextScan() {}

    /**
     * Each row as text: catches the value in a text column, and (bytea columns print as hex) its
     * UTF-8 bytes in a binary column. The base64 form catches an encoding that is not encryption.
     */
    static void assertNoTrace(DataSource dataSource, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        List<String> tables = TestInfra.query(dataSource, String.class, "SELECT quote_ident(table_schema) || '.'"
                + " || quote_ident(table_name) FROM information_schema.tables WHERE table_schema IN ('public', 'keyring')"
                + " AND table_type = 'BASE TABLE'");
        assertThat(tables).contains("keyring.subject_keys", "public.personal_identities",
                "public.case_texts_encrypted", "public.personal_access_audit");
        for (String table : tables) {
            String rows = String.join("\n", TestInfra.query(dataSource, String.class, "SELECT t::text FROM " + table + " t"));
            assertThat(rows).as("rows of %s", table)
                    .doesNotContain(value)
                    .doesNotContain(HexFormat.of().formatHex(bytes))
                    .doesNotContain(Base64.getEncoder().encodeToString(bytes));
        }
    }

    /** Raw ciphertext bytes must not contain the plaintext bytes nor their base64. */
    static void assertNotInBytes(byte[] haystack, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        assertThat(indexOf(haystack, bytes)).as("plaintext bytes in ciphertext").isEqualTo(-1);
        byte[] base64 = Base64.getEncoder().encode(bytes);
        assertThat(indexOf(haystack, base64)).as("base64 of plaintext in ciphertext").isEqualTo(-1);
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
