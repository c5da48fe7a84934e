package vn.langnghe.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.langnghe.contracts.events.ContractEvent;

/** Every approved example is valid and survives a trip through its record unchanged. */
class ApprovedExamplesTest {

    private final ObjectMapper mapper = ContractJson.mapper();
    private final ContractValidator validator = ContractValidator.standard();

    @ParameterizedTest
    @MethodSource("vn.langnghe.contracts.Resources#contracts")
    void everyContractHasSchemaAndExampleOnTheClassPath(Contract contract) {
        ClassLoader loader = getClass().getClassLoader();
        assertThat(loader.getResource(contract.schemaResource())).as(contract.schemaResource()).isNotNull();
        assertThat(loader.getResource(contract.exampleResource())).as(contract.exampleResource()).isNotNull();
    }

    @ParameterizedTest
    @MethodSource("vn.langnghe.contracts.Resources#contracts")
    void schemaIsDraft2020_12AndAllowsAdditiveChanges(Contract contract) {
        JsonNode schema = Resources.schema(contract);
        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("additionalProperties").asBoolean(true))
                .as("additional properties must stay allowed so adding a field is compatible").isTrue();
        assertThat(schema.path("required").size()).as("required fields are declared").isPositive();
    }

    @ParameterizedTest
    @MethodSource("vn.langnghe.contracts.Resources#contracts")
    void approvedExampleValidatesAgainstItsSchema(Contract contract) {
        assertThat(validator.validate(contract.typeName(), Resources.example(contract))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("vn.langnghe.contracts.Resources#contracts")
    void approvedExampleRoundTripsThroughTheRecord(Contract contract) throws Exception {
        JsonNode example = Resources.example(contract);

        ContractEvent event = mapper.treeToValue(example, contract.recordClass());
        JsonNode written = mapper.valueToTree(event);

        assertThat(event.contractType()).isEqualTo(contract.typeName());
        assertThat(validator.validate(contract.typeName(), written)).isEmpty();
        assertThat(written).as("what the record writes today must equal the approved example").isEqualTo(example);
    }

    @ParameterizedTest
    @MethodSource("vn.langnghe.contracts.Resources#contracts")
    void codecDecodesAndEncodesTheExample(Contract contract) {
        JsonNode example = Resources.example(contract);

        ContractEvent event = ContractCodec.standard().decode(contract.typeName(), example);

        assertThat(event).isInstanceOf(contract.recordClass());
        assertThat(ContractCodec.standard().encode(event)).isEqualTo(example);
    }
}
