package vn.langnghe.contracts.reference;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one topic taxonomy of intake and forums. Each item has one primary topic (what reports count)
 * and optional secondary tags, all codes from here.
 */
public final class TopicTaxonomy {

    private final String version;
    private final Map<String, Topic> byCode = new LinkedHashMap<>();

    /** @throws InvalidReferenceDataException on a duplicate or blank code */
    public TopicTaxonomy(String version, List<Topic> topics) {
        this.version = version;
        for (Topic t : topics) {
            if (t.code().isBlank() || byCode.putIfAbsent(t.code(), t) != null) {
                throw new InvalidReferenceDataException(version + ": topic code '" + t.code() + "' is blank or repeated");
            }
        }
    }

    /** The file's version, e.g. {@code topics.v1}, for reports to cite. */
    public String version() {
        return version;
    }

    public boolean isKnown(String code) {
        return byCode.containsKey(code);
    }

    /** @throws IllegalArgumentException when the code is not in this taxonomy */
    public Topic topic(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException(
                "unknown topic code '" + code + "' in " + version));
    }

    public Optional<Topic> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** All topics in file order, the order in which they are shown. */
    public List<Topic> all() {
        return List.copyOf(byCode.values());
    }

    /** The JSON shape of {@code reference/topics.vN.json}. */
    record File(@JsonProperty("version") String version, @JsonProperty("description") String description,
            @JsonProperty("topics") List<Topic> topics) {
    }
}
