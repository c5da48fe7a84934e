package vn.langnghe.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.langnghe.contracts.events.OpinionEscalated;
import vn.langnghe.contracts.events.SubmissionAnswered;
import vn.langnghe.contracts.events.SubmissionNotAccepted;

/** Negative tests: each schema rejects a missing required field, a wrong type and a bad format. */
class SchemaRejectsBrokenDataTest {

    private final ContractValidator validator = ContractValidator.standard();

    /** Every (contract, required field) pair. */
    static Stream<Arguments> requiredFields() {
        return Resources.contracts().flatMap(c -> {
            JsonNode required = Resources.schema(c).get("required");
            return Stream.iterate(0, i -> i < required.size(), i -> i + 1)
                    .map(i -> Arguments.of(c, required.get(i).asText()));
        });
    }

    @ParameterizedTest(name = "{0} without {1}")
    @MethodSource("requiredFields")
    void removingARequiredFieldFailsValidation(Contract contract, String field) {
        ObjectNode data = Resources.example(contract);
        data.remove(field);

        List<Violation> violations = validator.validate(contract.typeName(), data);

        assertThat(violations).anySatisfy(v -> {
            assertThat(v.keyword()).isEqualTo("required");
            assertThat(v.message()).contains(field);
        });
    }

    @ParameterizedTest(name = "{0} with a number for {1}")
    @MethodSource("requiredFields")
    void aWrongTypeForARequiredFieldFailsValidation(Contract contract, String field) {
        ObjectNode data = Resources.example(contract);
        data.put(field, 42);

        assertThat(validator.validate(contract.typeName(), data))
                .anySatisfy(v -> assertThat(v.location()).contains(field));
    }

    @ParameterizedTest
    @MethodSource("vn.langnghe.contracts.Resources#contracts")
    void aMalformedInstantFailsValidation(Contract contract) {
        ObjectNode data = Resources.example(contract);
        data.put("effectiveAt", "05/12/2019 10:15");

        assertThat(validator.validate(contract.typeName(), data))
                .anySatisfy(v -> assertThat(v.keyword()).isEqualTo("format"));
    }

    @ParameterizedTest
    @MethodSource("vn.langnghe.contracts.Resources#contracts")
    void anExtraFieldIsAllowed(Contract contract) {
        ObjectNode data = Resources.example(contract);
        data.put("addedInALaterRelease", "ok");

        assertThat(validator.validate(contract.typeName(), data)).isEmpty();
    }

    @Test
    void aMalformedUuidFailsValidation() {
        ObjectNode data = Resources.example(ContractRegistry.standard().get(OpinionEscalated.TYPE));
        data.put("opinionId", "not-a-uuid");

        assertThat(validator.validate(OpinionEscalated.TYPE, data))
                .anySatisfy(v -> assertThat(v.keyword()).isEqualTo("format"));
    }

    @Test
    void anUnknownKindFailsValidation() {
        ObjectNode data = Resources.example(ContractRegistry.standard().get(OpinionEscalated.TYPE));
        data.put("kindRequested", "GOSSIP");

        assertThat(validator.validate(OpinionEscalated.TYPE, data))
                .anySatisfy(v -> assertThat(v.keyword()).isEqualTo("enum"));
    }

    @Test
    void aPublicSummaryOver2000CharactersFailsValidation() {
        ObjectNode data = Resources.example(ContractRegistry.standard().get(OpinionEscalated.TYPE));
        data.put("publicSummary", "a".repeat(2001));

        assertThat(validator.validate(OpinionEscalated.TYPE, data))
                .anySatisfy(v -> assertThat(v.keyword()).isEqualTo("maxLength"));
    }

    @Test
    void aDenunciationAnsweredWithoutConclusionFailsValidation() {
        ObjectNode data = Resources.example(ContractRegistry.standard().get(SubmissionAnswered.TYPE));
        data.put("kind", "DENUNCIATION");
        data.putNull("conclusion");

        assertThat(validator.validate(SubmissionAnswered.TYPE, data)).isNotEmpty();
    }

    @Test
    void aTipMayBeAnsweredWithoutConclusion() {
        ObjectNode data = Resources.example(ContractRegistry.standard().get(SubmissionAnswered.TYPE));
        data.put("kind", "TIP");
        data.putNull("conclusion");

        assertThat(validator.validate(SubmissionAnswered.TYPE, data)).isEmpty();
    }

    @Test
    void anUnknownLegalReasonFailsValidation() {
        ObjectNode data = Resources.example(ContractRegistry.standard().get(SubmissionNotAccepted.TYPE));
        data.put("legalReason", "BORED");

        assertThat(validator.validate(SubmissionNotAccepted.TYPE, data))
                .anySatisfy(v -> assertThat(v.keyword()).isEqualTo("enum"));
    }

    @Test
    void anUnknownTypeNameIsAnErrorNotAnEmptyResult() {
        assertThatThrownBy(() -> validator.validate("intake.SubmissionGossiped.v1", Resources.json(
                ContractRegistry.standard().get(OpinionEscalated.TYPE).exampleResource())))
                .isInstanceOf(UnknownContractException.class)
                .hasMessageContaining("intake.SubmissionGossiped.v1");
    }

    @Test
    void theCodecRefusesToDecodeInvalidData() {
        ObjectNode data = Resources.example(ContractRegistry.standard().get(OpinionEscalated.TYPE));
        data.remove("unitId");

        assertThatThrownBy(() -> ContractCodec.standard().decode(OpinionEscalated.TYPE, data))
                .isInstanceOfSatisfying(ContractViolationException.class,
                        e -> assertThat(e.violations()).anySatisfy(v -> assertThat(v.message()).contains("unitId")));
    }
}
