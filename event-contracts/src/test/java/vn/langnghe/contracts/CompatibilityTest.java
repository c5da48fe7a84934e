package vn.langnghe.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import vn.langnghe.contracts.events.Conclusion;
import vn.langnghe.contracts.events.NotAcceptedReason;
import vn.langnghe.contracts.events.OpinionEscalated;
import vn.langnghe.contracts.events.SubmissionAnswered;
import vn.langnghe.contracts.events.SubmissionKind;
import vn.langnghe.contracts.events.SubmissionNotAccepted;

/**
 * What the contract test catches: a producer whose record drifts from the released schema. The
 * drifted records here stand in for a developer's edit of a real record.
 */
class CompatibilityTest {

    private final ContractValidator validator = ContractValidator.standard();
    private final ObjectMapper mapper = ContractJson.mapper();
    private final Contract opinionEscalated = ContractRegistry.standard().get(OpinionEscalated.TYPE);

    /** As if someone renamed publicSummary to summary in OpinionEscalated. */
    record RenamedField(UUID opinionId, UUID forumId, SubmissionKind kindRequested, String topic,
            List<String> tags, String unitId, String speakerIdentityRef, String summary, Instant effectiveAt) {
    }

    /** As if someone dropped the forumId component. */
    record RemovedField(UUID opinionId, SubmissionKind kindRequested, String topic, List<String> tags,
            String unitId, String speakerIdentityRef, String publicSummary, Instant effectiveAt) {
    }

    /** As if someone added a field: compatible. */
    record AddedField(UUID opinionId, UUID forumId, SubmissionKind kindRequested, String topic,
            List<String> tags, String unitId, String speakerIdentityRef, String publicSummary,
            Instant effectiveAt, String hallName) {
    }

    @Test
    void renamingAFieldInTheRecordIsDetected() throws Exception {
        RenamedField drifted = mapper.treeToValue(
                Resources.example(opinionEscalated).put("summary", "Tóm tắt công khai"), RenamedField.class);

        assertThat(validator.validate(OpinionEscalated.TYPE, mapper.valueToTree(drifted)))
                .anySatisfy(v -> assertThat(v.message()).contains("publicSummary"));
    }

    @Test
    void removingAFieldFromTheRecordIsDetected() throws Exception {
        RemovedField drifted = mapper.treeToValue(Resources.example(opinionEscalated), RemovedField.class);

        assertThat(validator.validate(OpinionEscalated.TYPE, mapper.valueToTree(drifted)))
                .anySatisfy(v -> assertThat(v.message()).contains("forumId"));
    }

    @Test
    void aGloballyChangedNamingStrategyIsDetected() throws Exception {
        OpinionEscalated event = mapper.treeToValue(Resources.example(opinionEscalated), OpinionEscalated.class);
        ObjectMapper snakeCase = ContractJson.mapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

        assertThat(validator.validate(OpinionEscalated.TYPE, snakeCase.valueToTree(event))).isNotEmpty();
    }

    @Test
    void addingAFieldStaysCompatibleBothWays() throws Exception {
        AddedField newer = mapper.treeToValue(
                Resources.example(opinionEscalated).put("hallName", "Hội trường UBND phường"), AddedField.class);
        JsonNode newerJson = mapper.valueToTree(newer);

        assertThat(validator.validate(OpinionEscalated.TYPE, newerJson)).isEmpty();
        OpinionEscalated readByOldConsumer = mapper.treeToValue(newerJson, OpinionEscalated.class);
        assertThat(readByOldConsumer.publicSummary()).isEqualTo(newer.publicSummary());
    }

    @Test
    void optionalFieldsMayBeAbsentOnRead() throws Exception {
        ObjectNode data = Resources.example(opinionEscalated);
        data.remove(List.of("tags", "speakerIdentityRef"));

        assertThat(validator.validate(OpinionEscalated.TYPE, data)).isEmpty();
        OpinionEscalated event = mapper.treeToValue(data, OpinionEscalated.class);
        assertThat(event.tags()).isEmpty();
        assertThat(event.speakerIdentityRef()).isNull();
    }

    @Test
    void schemaEnumsMatchTheJavaEnums() {
        Contract answered = ContractRegistry.standard().get(SubmissionAnswered.TYPE);
        Contract notAccepted = ContractRegistry.standard().get(SubmissionNotAccepted.TYPE);

        assertThat(enumOf(Resources.schema(opinionEscalated), "kindRequested")).containsExactlyElementsOf(names(SubmissionKind.values()));
        assertThat(enumOf(Resources.schema(answered), "kind")).containsExactlyElementsOf(names(SubmissionKind.values()));
        assertThat(enumOf(Resources.schema(answered), "conclusion")).containsExactlyElementsOf(
                concat(names(Conclusion.values()), "null"));
        assertThat(enumOf(Resources.schema(notAccepted), "legalReason")).containsExactlyElementsOf(names(NotAcceptedReason.values()));
    }

    private static List<String> enumOf(JsonNode schema, String property) {
        return StreamSupport.stream(schema.path("properties").path(property).path("enum").spliterator(), false)
                .map(JsonNode::asText).toList();
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static List<String> concat(List<String> list, String last) {
        var all = new java.util.ArrayList<>(list);
        all.add(last);
        return all;
    }
}
