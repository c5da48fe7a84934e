package vn.langnghe.intake.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.List;
import vn.langnghe.contracts.ContractCodec;
import vn.langnghe.contracts.ContractJson;
import vn.langnghe.contracts.ContractViolationException;
import vn.langnghe.contracts.Topics;
import vn.langnghe.contracts.UnknownContractException;
import vn.langnghe.contracts.events.ContractEvent;
import vn.langnghe.contracts.events.OpinionEscalated;
import vn.langnghe.eventsourcing.consumer.UndecodableEvent;
import vn.langnghe.intake.application.SubmissionService;
import vn.langnghe.intake.domain.submission.SubmissionRefused;
import vn.langnghe.servicekit.eventsourcing.ConsumerBinding;

/**
 * Follows forum-service's events and opens a submission for every escalated opinion (channel FORUM),
 * in the same transaction as the consumer checkpoint. Other forum events are not intake's business.
 */
@ApplicationScoped
public class EscalationConsumer {

    static final String NAME = "intake-service.escalations";

    private final SubmissionService service;
    private final ContractCodec contracts = ContractCodec.standard();
    private final ObjectMapper json = ContractJson.mapper();

    EscalationConsumer(SubmissionService service) {
        this.service = service;
    }

    @Produces
    ConsumerBinding escalations() {
        return new ConsumerBinding(NAME, List.of(Topics.FORUM_FORUM_EVENTS), (tx, event) -> {
            if (!OpinionEscalated.TYPE.equals(event.type())) {
                return;
            }
            OpinionEscalated escalation = decode(event.type(), event.dataJson());
            try {
                service.openFromEscalation(tx, escalation, "forum-service");
            } catch (SubmissionRefused refused) {
                // e.g. a unit that does not exist on that date: it can never be applied as it is
                throw new UndecodableEvent("escalation " + escalation.opinionId() + " refused: " + refused.getMessage());
            }
        });
    }

    private OpinionEscalated decode(String type, String data) {
        try {
            ContractEvent decoded = contracts.decode(type, json.readTree(data));
            return (OpinionEscalated) decoded;
        } catch (JsonProcessingException | ContractViolationException | UnknownContractException e) {
            throw new UndecodableEvent("not a valid " + type + ": " + e.getMessage(), e);
        }
    }
}
