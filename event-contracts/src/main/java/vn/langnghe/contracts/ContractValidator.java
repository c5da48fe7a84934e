package vn.langnghe.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.langnghe.contracts.events.ContractEvent;

/**
 * Validates event data against its contract's JSON Schema (draft 2020-12), with {@code format}
 * ({@code uuid}, {@code date-time}) asserted, not just annotated.
 *
 * <p>The validator library works on Jackson 3 trees while the services use Jackson 2: data crosses
 * over as JSON text, so no Jackson 3 type leaks into this API. Thread-safe; schemas load once.
 */
public final class ContractValidator {

    private static final ContractValidator STANDARD = new ContractValidator(ContractRegistry.standard());

    private final Map<String, Schema> schemas = new LinkedHashMap<>();

    /** Loads every schema of the registry now, so a broken schema fails at start-up, not on first use. */
    public ContractValidator(ContractRegistry registry) {
        SchemaRegistry schemaRegistry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(
                        SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        for (Contract contract : registry.all()) {
            schemas.put(contract.typeName(), load(schemaRegistry, contract.schemaResource()));
        }
    }

    /** The validator for {@link ContractRegistry#standard()}. */
    public static ContractValidator standard() {
        return STANDARD;
    }

    /**
     * The ways {@code data} breaks the schema of {@code typeName}; empty when valid.
     *
     * @throws UnknownContractException when no released contract has this type name
     */
    public List<Violation> validate(String typeName, JsonNode data) {
        Schema schema = schemas.get(typeName);
        if (schema == null) {
            throw new UnknownContractException(typeName);
        }
        return schema.validate(toText(data), InputFormat.JSON).stream()
                .map(e -> new Violation(String.valueOf(e.getInstanceLocation()), e.getKeyword(), e.toString()))
                .toList();
    }

    /** Serialises the event as producers do and validates it against its own contract. */
    public List<Violation> validate(ContractEvent event) {
        return validate(event.contractType(), ContractJson.shared().valueToTree(event));
    }

    private static String toText(JsonNode data) {
        try {
            return ContractJson.shared().writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise the data to validate", e);
        }
    }

    private static Schema load(SchemaRegistry schemaRegistry, String resource) {
        try (InputStream in = ContractValidator.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema resource " + resource + " is missing");
            }
            Schema schema = schemaRegistry.getSchema(in, InputFormat.JSON);
            schema.initializeValidators();
            return schema;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
