package vn.langnghe.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/event-catalogue.md is checked against the registry, so it can never drift from the contracts. */
class EventCatalogueTest {

    private static final Path CATALOGUE = Path.of("..", "docs", "event-catalogue.md");
    /** A table row: | `type` | `topic` | ... */
    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\| `([^`]+)` \\|", Pattern.MULTILINE);

    @Test
    void everyContractIsListedWithItsTopic_andNothingElseIs() throws IOException {
        Map<String, String> listed = new LinkedHashMap<>();
        Matcher row = ROW.matcher(Files.readString(CATALOGUE));
        while (row.find()) {
            listed.put(row.group(1), row.group(2));
        }
        Map<String, String> registered = new LinkedHashMap<>();
        ContractRegistry.standard().all().forEach(c -> registered.put(c.typeName(), c.kafkaTopic()));

        assertThat(listed).as("rows of %s", CATALOGUE).containsExactlyInAnyOrderEntriesOf(registered);
    }

    /** Each row's version, key and links agree with the contract, and the linked files exist. */
    @Test
    void everyRowNamesItsVersionKeySchemaAndExample() throws IOException {
        Pattern row = Pattern.compile("^\\| `([^`]+)` \\|.*\\| (submission|forum) id \\(`(submission|forum)-<uuid>`\\) \\| (\\d+) \\|"
                + " \\[schema\\]\\(([^)]+)\\), \\[example\\]\\(([^)]+)\\) \\|$", Pattern.MULTILINE);
        Matcher m = row.matcher(Files.readString(CATALOGUE));
        int rows = 0;
        while (m.find()) {
            rows++;
            Contract contract = ContractRegistry.standard().get(m.group(1));
            assertThat(Integer.parseInt(m.group(4))).as("version of %s", m.group(1)).isEqualTo(contract.version());
            assertThat(m.group(2)).as("key of %s", m.group(1))
                    .isEqualTo(contract.kafkaTopic().equals(Topics.INTAKE_SUBMISSION_EVENTS) ? "submission" : "forum");
            assertThat(CATALOGUE.getParent().resolve(m.group(5))).as("schema of %s", m.group(1)).exists();
            assertThat(CATALOGUE.getParent().resolve(m.group(6))).as("example of %s", m.group(1)).exists();
        }
        assertThat(rows).isEqualTo(ContractRegistry.standard().all().size());
    }
}
