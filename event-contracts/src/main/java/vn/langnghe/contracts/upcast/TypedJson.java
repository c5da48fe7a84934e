package vn.langnghe.contracts.upcast;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;

/** Event data together with the type name that says how to read it. */
public record TypedJson(String typeName, JsonNode data) {

    public TypedJson {
        requireNonNull(typeName, "typeName");
        requireNonNull(data, "data");
    }
}
