package vn.langnghe.forum.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.List;
import java.util.Set;
import vn.langnghe.contracts.ContractCodec;
import vn.langnghe.contracts.ContractJson;
import vn.langnghe.contracts.ContractViolationException;
import vn.langnghe.contracts.Topics;
import vn.langnghe.contracts.UnknownContractException;
import vn.langnghe.contracts.events.ContractEvent;
import vn.langnghe.contracts.events.ReporterIdentityErased;
import vn.langnghe.contracts.events.SubmissionAnswered;
import vn.langnghe.contracts.events.SubmissionMerged;
import vn.langnghe.contracts.events.SubmissionNotAccepted;
import vn.langnghe.contracts.events.SubmissionOutcome;
import vn.langnghe.contracts.events.SubmissionTransferred;
import vn.langnghe.contracts.events.SubmissionWithdrawn;
import vn.langnghe.eventsourcing.consumer.UndecodableEvent;
import vn.langnghe.forum.application.ForumService;
import vn.langnghe.forum.domain.forum.ForumRefused;
import vn.langnghe.personal.EncryptedIdentityVault;
import vn.langnghe.servicekit.eventsourcing.ConsumerBinding;

/**
 * Follows intake's submissions and, when one opened from an escalated forum opinion ends (answered,
 * transferred, not accepted, withdrawn, merged), records the outcome on the opinion, which closes its
 * follow-up; in the same transaction as the consumer checkpoint, idempotently. Only the fact travels: the
 * outcome events carry no text, and nothing of a denunciation or crime report is copied.
 */
@ApplicationScoped
public class IntakeOutcomeConsumer {

    static final String NAME = "forum-service.intake-outcomes";
    static final Set<String> OUTCOMES = Set.of(SubmissionAnswered.TYPE, SubmissionTransferred.TYPE,
            SubmissionNotAccepted.TYPE, SubmissionWithdrawn.TYPE, SubmissionMerged.TYPE);

    private final ForumService service;
    private final EncryptedIdentityVault vault;
    private final ContractCodec contracts = ContractCodec.standard();
    private final ObjectMapper json = ContractJson.mapper();

    IntakeOutcomeConsumer(ForumService service, EncryptedIdentityVault vault) {
        this.service = service;
        this.vault = vault;
    }

    @Produces
    ConsumerBinding intakeOutcomes() {
        return new ConsumerBinding(NAME, List.of(Topics.INTAKE_SUBMISSION_EVENTS), (tx, event) -> {
            if (ReporterIdentityErased.TYPE.equals(event.type())) {
                forgetSpeaker(tx, (ReporterIdentityErased) contractOf(event.type(), event.dataJson()));
                return;
            }
            if (!OUTCOMES.contains(event.type())) {
                return;
            }
            SubmissionOutcome outcome = decode(event.type(), event.dataJson());
            if (outcome.originatingOpinionId() == null) {
                return; // not escalated from a forum
            }
            try {
                service.recordOutcome(tx, outcome, "intake-service");
            } catch (ForumRefused refused) {
                // an unknown opinion, or another outcome already recorded: it can never be applied as it is
                throw new UndecodableEvent("outcome of submission " + outcome.submissionId() + " for opinion "
                        + outcome.originatingOpinionId() + " refused: " + refused.code() + " " + refused.getMessage());
            }
        });
    }

    /**
     * Intake erased a reporter whose identity a forum speaker left here: destroy the speaker's key too.
     * References that are not this vault's (intake's own reporters) are none of forum's business.
     */
    private void forgetSpeaker(java.sql.Connection tx, ReporterIdentityErased erased) throws java.sql.SQLException {
        var person = vault.personIdOf(erased.reporterRef());
        if (person.isPresent()) {
            vault.erasePerson(tx, person.get(), "erased at intake (submission " + erased.submissionId() + ")");
        }
    }

    private SubmissionOutcome decode(String type, String data) {
        return (SubmissionOutcome) contractOf(type, data);
    }

    private ContractEvent contractOf(String type, String data) {
        try {
            return contracts.decode(type, json.readTree(data));
        } catch (JsonProcessingException | ContractViolationException | UnknownContractException
                | ClassCastException e) {
            throw new UndecodableEvent("not a valid " + type + ": " + e.getMessage(), e);
        }
    }
}
