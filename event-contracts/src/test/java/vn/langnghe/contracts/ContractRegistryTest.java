package vn.langnghe.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.langnghe.contracts.events.ContractEvent;
import vn.langnghe.contracts.events.OpinionEscalated;
import vn.langnghe.contracts.events.SubmissionAnswered;
import vn.langnghe.contracts.events.SubmissionWithdrawn;
import vn.langnghe.contracts.tools.ContractPins;

class ContractRegistryTest {

    private final ContractRegistry registry = ContractRegistry.standard();

    @Test
    void registryAndContractFoldersMatchOneToOne() {
        List<String> folders = ContractPins.contractFiles(Path.of("src/main/resources/contracts")).stream()
                .map(path -> path.substring(0, path.indexOf('/'))).distinct().toList();

        assertThat(registry.all()).extracting(Contract::typeName)
                .as("every folder under contracts/ needs a ContractRegistry entry and vice versa")
                .containsExactlyInAnyOrderElementsOf(folders);
    }

    @Test
    void everyEventRecordHasAContract() {
        for (Class<?> record : leaves(ContractEvent.class)) {
            @SuppressWarnings("unchecked")
            Class<? extends ContractEvent> eventClass = (Class<? extends ContractEvent>) record;
            assertThat(registry.forRecord(eventClass).recordClass()).isEqualTo(record);
        }
    }

    @Test
    void typeNamesCarryFamilyAndVersion() {
        Contract contract = registry.get(OpinionEscalated.TYPE);

        assertThat(contract.family()).isEqualTo("forum.OpinionEscalated");
        assertThat(contract.version()).isEqualTo(1);
        assertThat(contract.kafkaTopic()).isEqualTo(Topics.FORUM_FORUM_EVENTS);
        assertThat(contract.schemaResource()).isEqualTo("contracts/forum.OpinionEscalated.v1/schema.json");
        assertThat(registry.get(SubmissionWithdrawn.TYPE).kafkaTopic()).isEqualTo("intake.submission.events");
    }

    @Test
    void versionsOfAFamilyAreListedOldestFirstAndTheNewestWins() {
        ContractRegistry twoVersions = new ContractRegistry(List.of(
                new Contract("intake.SubmissionAnswered.v2", SubmissionAnswered.class, Topics.INTAKE_SUBMISSION_EVENTS),
                new Contract(SubmissionAnswered.TYPE, SubmissionAnswered.class, Topics.INTAKE_SUBMISSION_EVENTS)));

        assertThat(twoVersions.versionsOf("intake.SubmissionAnswered")).extracting(Contract::version).containsExactly(1, 2);
        assertThat(twoVersions.latest("intake.SubmissionAnswered")).get().extracting(Contract::version).isEqualTo(2);
        assertThat(twoVersions.forRecord(SubmissionAnswered.class).typeName()).isEqualTo("intake.SubmissionAnswered.v2");
    }

    @Test
    void malformedOrDuplicateTypeNamesAreRejected() {
        assertThatThrownBy(() -> new Contract("SubmissionAnswered", SubmissionAnswered.class, Topics.INTAKE_SUBMISSION_EVENTS))
                .hasMessageContaining("<context>.<EventName>.v<N>");
        Contract c = registry.get(SubmissionAnswered.TYPE);
        assertThatThrownBy(() -> new ContractRegistry(List.of(c, c))).hasMessageContaining("registered twice");
    }

    @Test
    void anUnknownTypeNameIsReported() {
        assertThat(registry.find("forum.OpinionEscalated.v9")).isEmpty();
        assertThatThrownBy(() -> registry.get("forum.OpinionEscalated.v9"))
                .isInstanceOf(UnknownContractException.class);
    }

    private static List<Class<?>> leaves(Class<?> sealed) {
        List<Class<?>> result = new ArrayList<>();
        for (Class<?> sub : sealed.getPermittedSubclasses()) {
            if (sub.isSealed()) {
                result.addAll(leaves(sub));
            } else {
                result.add(sub);
            }
        }
        return result;
    }
}
