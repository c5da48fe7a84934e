package vn.langnghe.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every record and its released schema describe the same fields: same names, same enum values, and
 * a required field is one the record refuses to go without.
 */
class RecordsMatchSchemasTest {

    private final ObjectMapper mapper = ContractJson.mapper();

    @ParameterizedTest
    @MethodSource("vn.langnghe.contracts.Resources#contracts")
    void recordComponentsAreExactlyTheSchemaProperties(Contract contract) {
        List<String> properties = new ArrayList<>();
        Resources.schema(contract).path("properties").fieldNames().forEachRemaining(properties::add);

        assertThat(Arrays.stream(contract.recordClass().getRecordComponents()).map(RecordComponent::getName))
                .containsExactlyInAnyOrderElementsOf(properties);
    }

    @ParameterizedTest
    @MethodSource("vn.langnghe.contracts.Resources#contracts")
    void enumComponentsListTheJavaConstantsInTheSchema(Contract contract) {
        JsonNode properties = Resources.schema(contract).path("properties");
        for (RecordComponent component : contract.recordClass().getRecordComponents()) {
            if (!component.getType().isEnum()) {
                continue;
            }
            List<String> inSchema = StreamSupport.stream(properties.path(component.getName()).path("enum").spliterator(), false)
                    .filter(node -> !node.isNull())
                    .map(JsonNode::asText)
                    .toList();
            List<String> inJava = Arrays.stream(component.getType().getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name())
                    .toList();
            assertThat(inSchema).as("%s.%s", contract.typeName(), component.getName()).containsExactlyElementsOf(inJava);
        }
    }

    @ParameterizedTest
    @MethodSource("vn.langnghe.contracts.Resources#contracts")
    void primitiveComponentsAreRequired(Contract contract) {
        List<String> required = new ArrayList<>();
        Resources.schema(contract).path("required").forEach(node -> required.add(node.asText()));

        Arrays.stream(contract.recordClass().getRecordComponents())
                .filter(component -> component.getType().isPrimitive())
                .forEach(component -> assertThat(required)
                        .as("%s.%s cannot be null in Java, so the schema must require it", contract.typeName(), component.getName())
                        .contains(component.getName()));
    }

    /** Every (contract, required field that the record holds as an object) pair. */
    static Stream<Arguments> requiredObjectFields() {
        return SchemaRejectsBrokenDataTest.requiredFields().filter(arguments -> {
            Contract contract = (Contract) arguments.get()[0];
            String field = (String) arguments.get()[1];
            return Arrays.stream(contract.recordClass().getRecordComponents())
                    .anyMatch(component -> component.getName().equals(field) && !component.getType().isPrimitive());
        });
    }

    @ParameterizedTest(name = "{0} with null {1}")
    @MethodSource("requiredObjectFields")
    void theRecordRejectsNullInARequiredField(Contract contract, String field) {
        ObjectNode data = Resources.example(contract);
        data.putNull(field);

        assertThatThrownBy(() -> mapper.treeToValue(data, contract.recordClass()))
                .as("the record accepted a null %s", field)
                .hasMessageContaining(field);
    }
}
