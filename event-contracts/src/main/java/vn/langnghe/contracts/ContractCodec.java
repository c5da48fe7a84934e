package vn.langnghe.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import vn.langnghe.contracts.events.ContractEvent;
import vn.langnghe.contracts.upcast.TypedJson;
import vn.langnghe.contracts.upcast.Upcasters;

/**
 * Reads and writes contract events the same way in every service: producers validate before they
 * append, consumers upcast old versions, validate, then read the newest record.
 */
public final class ContractCodec {

    private static final ContractCodec STANDARD = new ContractCodec(
            ContractRegistry.standard(), ContractValidator.standard(), Upcasters.standard());

    private final ContractRegistry registry;
    private final ContractValidator validator;
    private final Upcasters upcasters;
    private final ObjectMapper mapper = ContractJson.mapper();

    public ContractCodec(ContractRegistry registry, ContractValidator validator, Upcasters upcasters) {
        this.registry = registry;
        this.validator = validator;
        this.upcasters = upcasters;
    }

    public static ContractCodec standard() {
        return STANDARD;
    }

    /**
     * The data of a CloudEvent for this event, checked against its contract.
     *
     * @throws ContractViolationException when the record no longer serialises to its released schema
     */
    public JsonNode encode(ContractEvent event) {
        JsonNode data = mapper.valueToTree(event);
        requireValid(event.contractType(), data);
        return data;
    }

    /**
     * Upcasts {@code data} of {@code typeName} to the newest version, validates it and reads the record.
     *
     * @throws UnknownContractException    when the (upcast) type name is not released
     * @throws ContractViolationException  when the data breaks the schema
     */
    public ContractEvent decode(String typeName, JsonNode data) {
        TypedJson newest = upcasters.upcast(typeName, data);
        Contract contract = registry.get(newest.typeName());
        requireValid(newest.typeName(), newest.data());
        try {
            return mapper.treeToValue(newest.data(), contract.recordClass());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ContractViolationException(newest.typeName(),
                    List.of(new Violation("$", "record", e.getMessage())));
        }
    }

    private void requireValid(String typeName, JsonNode data) {
        List<Violation> violations = validator.validate(typeName, data);
        if (!violations.isEmpty()) {
            throw new ContractViolationException(typeName, violations);
        }
    }
}
