package vn.langnghe.contracts;

import static java.util.Objects.requireNonNull;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.langnghe.contracts.events.ContractEvent;

/**
 * One released contract version: a type name such as {@code forum.OpinionEscalated.v1}, its JSON
 * Schema and approved example under {@code contracts/<typeName>/}, and the Kafka topic it travels on.
 *
 * <p>The version is part of the type name: an incompatible change is a new type name with its own
 * folder, and the old folder stays forever. {@code recordClass} is the record that reads this family
 * today; JSON of an older version is upcast to the newest before it is read into the record.
 */
public record Contract(String typeName, Class<? extends ContractEvent> recordClass, String kafkaTopic) {

    /** {@code <context>.<EventName>.v<N>}, e.g. {@code intake.SubmissionAnswered.v1}. */
    public static final Pattern TYPE_NAME = Pattern.compile("([a-z][a-z0-9]*)\\.([A-Z][A-Za-z0-9]*)\\.v(\\d+)");

    public Contract {
        requireNonNull(typeName, "typeName");
        requireNonNull(recordClass, "recordClass");
        requireNonNull(kafkaTopic, "kafkaTopic");
        parse(typeName);
    }

    /** The type name without its version, e.g. {@code forum.OpinionEscalated}. */
    public String family() {
        Matcher m = parse(typeName);
        return m.group(1) + "." + m.group(2);
    }

    public int version() {
        return Integer.parseInt(parse(typeName).group(3));
    }

    /** Classpath resource of the JSON Schema (draft 2020-12). */
    public String schemaResource() {
        return "contracts/" + typeName + "/schema.json";
    }

    /** Classpath resource of the approved example of the event's data. */
    public String exampleResource() {
        return "contracts/" + typeName + "/example.json";
    }

    private static Matcher parse(String typeName) {
        Matcher m = TYPE_NAME.matcher(typeName);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "type name '" + typeName + "' does not look like <context>.<EventName>.v<N>");
        }
        return m;
    }
}
