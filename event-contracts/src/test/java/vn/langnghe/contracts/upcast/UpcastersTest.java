package vn.langnghe.contracts.upcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.langnghe.contracts.ContractCodec;
import vn.langnghe.contracts.ContractJson;
import vn.langnghe.contracts.ContractRegistry;
import vn.langnghe.contracts.ContractValidator;
import vn.langnghe.contracts.events.OpinionEscalated;
import vn.langnghe.contracts.events.SubmissionKind;

class UpcastersTest {

    private static final String V0_JSON = """
            {
              "opinion": "5d2f7c1e-8a43-4b6e-9f10-2c7d3e9a4b61",
              "forum": "a1b9e0c4-3f6d-4e2a-8b57-9c0d1e2f3a4b",
              "kind": "COMPLAINT",
              "topicCode": "THEFT",
              "unit": "HP-LECHAN",
              "summary": "Người dân phản ánh việc giải quyết đơn trình báo mất trộm chậm.",
              "escalatedAt": "2019-12-05T10:15:00+07:00"
            }""";

    private final Upcasters withV0 = Upcasters.of(new OpinionEscalatedV0ToV1());

    @Test
    void anOldV0IsUpcastToV1WhichValidates() throws Exception {
        TypedJson newest = withV0.upcast(OpinionEscalatedV0ToV1.V0, ContractJson.mapper().readTree(V0_JSON));

        assertThat(newest.typeName()).isEqualTo(OpinionEscalated.TYPE);
        assertThat(newest.data().get("effectiveAt").asText()).isEqualTo("2019-12-05T03:15:00Z");
        assertThat(ContractValidator.standard().validate(newest.typeName(), newest.data())).isEmpty();
    }

    @Test
    void theCodecReadsAnOldVersionIntoTheCurrentRecord() throws Exception {
        var codec = new ContractCodec(ContractRegistry.standard(), ContractValidator.standard(), withV0);

        var event = (OpinionEscalated) codec.decode(OpinionEscalatedV0ToV1.V0, ContractJson.mapper().readTree(V0_JSON));

        assertThat(event.kindRequested()).isEqualTo(SubmissionKind.COMPLAINT);
        assertThat(event.effectiveAt()).isEqualTo(Instant.parse("2019-12-05T03:15:00Z"));
        assertThat(event.tags()).isEmpty();
    }

    @Test
    void theChainFollowsEveryStepToTheNewestVersion() {
        Upcasters chain = Upcasters.of(
                Upcaster.of("test.Thing.v2", "test.Thing.v3", data -> ((ObjectNode) data).put("step3", true)),
                Upcaster.of("test.Thing.v1", "test.Thing.v2", data -> ((ObjectNode) data).put("step2", true)));

        TypedJson newest = chain.upcast("test.Thing.v1", ContractJson.mapper().createObjectNode());

        assertThat(newest.typeName()).isEqualTo("test.Thing.v3");
        assertThat(newest.data().get("step2").asBoolean()).isTrue();
        assertThat(newest.data().get("step3").asBoolean()).isTrue();
        assertThat(chain.isSuperseded("test.Thing.v1")).isTrue();
        assertThat(chain.isSuperseded("test.Thing.v3")).isFalse();
    }

    @Test
    void theNewestVersionPassesThroughUnchangedAndTheInputIsNeverModified() {
        Upcasters chain = Upcasters.of(Upcaster.of("test.Thing.v1", "test.Thing.v2",
                data -> ((ObjectNode) data).put("touched", true)));
        ObjectNode v1 = ContractJson.mapper().createObjectNode().put("a", 1);
        JsonNode original = v1.deepCopy();

        assertThat(chain.upcast("test.Thing.v2", v1).data()).isEqualTo(original);
        chain.upcast("test.Thing.v1", v1);
        assertThat(v1).isEqualTo(original);
    }

    @Test
    void theReleasedChainIsEmptyForNow() {
        for (var contract : ContractRegistry.standard().all()) {
            assertThat(Upcasters.standard().isSuperseded(contract.typeName())).isFalse();
        }
    }

    @Test
    void twoUpcastersFromOneTypeOrACycleAreRejected() {
        assertThatThrownBy(() -> Upcasters.of(
                Upcaster.of("test.Thing.v1", "test.Thing.v2", d -> d),
                Upcaster.of("test.Thing.v1", "test.Thing.v3", d -> d)))
                .hasMessageContaining("two upcasters start at test.Thing.v1");
        assertThatThrownBy(() -> Upcasters.of(
                Upcaster.of("test.Thing.v1", "test.Thing.v2", d -> d),
                Upcaster.of("test.Thing.v2", "test.Thing.v1", d -> d)))
                .hasMessageContaining("cycle");
    }
}
