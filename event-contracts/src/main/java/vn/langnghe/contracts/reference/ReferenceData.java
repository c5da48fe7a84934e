package vn.langnghe.contracts.reference;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import vn.langnghe.contracts.ContractJson;

/**
 * The reference data shared by all services, loaded once from versioned resources. A released file
 * is never edited: a change is a new file ({@code units.v2.json}) and a new constant here, so a report
 * can cite the version it used.
 */
public record ReferenceData(TopicTaxonomy topics, UnitTree units) {

    public static final String TOPICS_RESOURCE = "reference/topics.v1.json";
    public static final String UNITS_RESOURCE = "reference/units.v1.json";

    /** The current reference data, loaded on first use and cached. */
    public static ReferenceData load() {
        return Holder.INSTANCE;
    }

    public String topicsVersion() {
        return topics.version();
    }

    public String unitsVersion() {
        return units.version();
    }

    /** Reads a topics file; for tests and tools, services use {@link #load()}. */
    public static TopicTaxonomy readTopics(InputStream json) throws IOException {
        TopicTaxonomy.File file = mapper().readValue(json, TopicTaxonomy.File.class);
        return new TopicTaxonomy(file.version(), file.topics());
    }

    /** Reads a units file; for tests and tools, services use {@link #load()}. */
    public static UnitTree readUnits(InputStream json) throws IOException {
        UnitTree.File file = mapper().readValue(json, UnitTree.File.class);
        return new UnitTree(file.version(), file.units());
    }

    /** Strict on read, unlike events: a misspelt field in reference data is a bug, not a new version. */
    private static ObjectMapper mapper() {
        return ContractJson.mapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    private static final class Holder {
        static final ReferenceData INSTANCE = new ReferenceData(
                read(TOPICS_RESOURCE, ReferenceData::readTopics), read(UNITS_RESOURCE, ReferenceData::readUnits));

        private interface Reader<T> {
            T read(InputStream in) throws IOException;
        }

        private static <T> T read(String resource, Reader<T> reader) {
            try (InputStream in = ReferenceData.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new InvalidReferenceDataException(resource + " is missing from the classpath");
                }
                return reader.read(in);
            } catch (IOException e) {
                throw new InvalidReferenceDataException("cannot read " + resource, e);
            }
        }
    }
}
