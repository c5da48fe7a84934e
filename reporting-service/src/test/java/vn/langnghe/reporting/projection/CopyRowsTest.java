package vn.langnghe.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CopyRowsTest {

    @Test
    void valuesAreTabSeparated_nullIsBackslashN_oneLinePerRow() {
        CopyRows rows = new CopyRows()
                .row(UUID.fromString("00000000-0000-0000-0000-000000000001"), 3L, LocalDate.parse("2025-07-01"), null)
                .row(Instant.parse("2025-06-30T17:00:00Z"), true, "HP-LECHAN");

        assertThat(rows.size()).isEqualTo(2);
        assertThat(rows.text()).isEqualTo("00000000-0000-0000-0000-000000000001\t3\t2025-07-01\t\\N\n"
                + "2025-06-30T17:00:00Z\ttrue\tHP-LECHAN\n");
    }

    @Test
    void backslashTabAndLineBreaksInAValue_areEscaped_soTheyCannotSplitAFieldOrARow() {
        CopyRows rows = new CopyRows().row("a\\b\tc\nd\re", "\\N");

        assertThat(rows.text()).isEqualTo("a\\\\b\\tc\\nd\\re\t\\\\N\n");
    }
}
