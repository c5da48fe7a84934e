package vn.langnghe.contracts.upcast;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.UnaryOperator;

/**
 * Turns the raw JSON of one released type name into the JSON of the next one, e.g.
 * {@code forum.OpinionEscalated.v1} into {@code forum.OpinionEscalated.v2}. Works on JSON, not on
 * records, because the old record class is gone once a new version replaces it.
 */
public interface Upcaster {

    String fromType();

    String toType();

    /** The data as {@link #toType()}; receives a private copy, so it may modify and return it. */
    JsonNode upcast(JsonNode data);

    /** An upcaster from a function, handy for small field renames. */
    static Upcaster of(String fromType, String toType, UnaryOperator<JsonNode> function) {
        return new Upcaster() {
            @Override
            public String fromType() {
                return fromType;
            }

            @Override
            public String toType() {
                return toType;
            }

            @Override
            public JsonNode upcast(JsonNode data) {
                return function.apply(data);
            }

            @Override
            public String toString() {
                return fromType + " -> " + toType;
            }
        };
    }
}
