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
}
