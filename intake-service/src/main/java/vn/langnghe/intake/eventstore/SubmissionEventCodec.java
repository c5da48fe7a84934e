package vn.langnghe.intake.eventstore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import vn.langnghe.contracts.ContractJson;
import vn.langnghe.contracts.events.ContractEvent;
import vn.langnghe.contracts.events.DeadlineExtended;
import vn.langnghe.contracts.events.ReporterIdentityErased;
import vn.langnghe.contracts.events.SubmissionAccepted;
import vn.langnghe.contracts.events.SubmissionAnswered;
import vn.langnghe.contracts.events.SubmissionClassified;
import vn.langnghe.contracts.events.SubmissionConcluded;
import vn.langnghe.contracts.events.SubmissionMerged;
import vn.langnghe.contracts.events.SubmissionNotAccepted;
import vn.langnghe.contracts.events.SubmissionReceived;
import vn.langnghe.contracts.events.SubmissionTransferred;
import vn.langnghe.contracts.events.SubmissionWithdrawn;
import vn.langnghe.contracts.events.TipRatedValuable;
import vn.langnghe.contracts.events.VerificationStarted;
import vn.langnghe.contracts.upcast.TypedJson;
import vn.langnghe.contracts.upcast.Upcasters;
import vn.langnghe.eventsourcing.decider.EventCodec;
import vn.langnghe.eventsourcing.decider.UnknownEventType;
import vn.langnghe.intake.domain.submission.SubmissionEvent;

/**
 * Stores a submission's domain events in their published wire form (the records and JSON Schemas of
 * event-contracts), so what the relay sends is exactly the approved contract. Domain dates become
 * the start of that day in Vietnam, and back.
 */
public final class SubmissionEventCodec implements EventCodec<SubmissionEvent> {

    public static final String STREAM_TYPE = "submission";
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final ObjectMapper json = ContractJson.mapper();
    private final Upcasters upcasters = Upcasters.standard();

    public static String streamId(java.util.UUID submissionId) {
        return "submission-" + submissionId;
    }

    @Override
    public String typeOf(SubmissionEvent event) {
        return toWire(event).contractType();
    }

    @Override
    public String encode(SubmissionEvent event) {
        try {
            return json.writeValueAsString(toWire(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + event.getClass().getSimpleName(), e);
        }
    }

    @Override
    public SubmissionEvent decode(String type, String data) {
        try {
            TypedJson current = upcasters.upcast(type, json.readTree(data));
            return fromWire(current.typeName(), current.data());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored event " + type + " is not readable", e);
        }
    }

    static ContractEvent toWire(SubmissionEvent event) {
        return switch (event) {
            case SubmissionEvent.Received e -> new SubmissionReceived(e.submissionId(), e.trackingCode(), e.kind(),
                    e.channel(), e.unitId(), e.identified(), e.reporterRef(), e.partnerClientId(),
                    e.originatingOpinionId(), e.declaredTopic(), at(e.effectiveOn()));
            case SubmissionEvent.Classified e -> new SubmissionClassified(e.submissionId(), e.kind(), e.topic(),
                    e.tags(), e.unitId(), e.publicSummary(), e.remoteArea(), e.track(), at(e.effectiveOn()));
            case SubmissionEvent.Accepted e -> new SubmissionAccepted(e.submissionId(), e.complex(), at(e.effectiveOn()));
            case SubmissionEvent.VerificationStarted e -> new VerificationStarted(e.submissionId(), at(e.effectiveOn()));
            case SubmissionEvent.Concluded e ->
                    new SubmissionConcluded(e.submissionId(), e.conclusion(), at(e.effectiveOn()));
            case SubmissionEvent.DeadlineExtended e ->
                    new DeadlineExtended(e.submissionId(), e.reasonCode(), e.reason(), at(e.effectiveOn()));
            case SubmissionEvent.RatedValuable e -> new TipRatedValuable(e.submissionId(), at(e.effectiveOn()));
            case SubmissionEvent.ReporterErased e ->
                    new ReporterIdentityErased(e.submissionId(), e.reporterRef(), at(e.effectiveOn()));
            case SubmissionEvent.Answered e -> new SubmissionAnswered(e.submissionId(), e.trackingCode(), e.kind(),
                    e.unitId(), e.originatingOpinionId(), at(e.effectiveOn()), e.conclusion(), e.answerSummary());
            case SubmissionEvent.Transferred e -> new SubmissionTransferred(e.submissionId(), e.trackingCode(),
                    e.kind(), e.unitId(), e.originatingOpinionId(), at(e.effectiveOn()), e.toAgency(), e.reason());
            case SubmissionEvent.NotAccepted e -> new SubmissionNotAccepted(e.submissionId(), e.trackingCode(),
                    e.kind(), e.unitId(), e.originatingOpinionId(), at(e.effectiveOn()), e.legalReason(), e.note());
            case SubmissionEvent.Merged e -> new SubmissionMerged(e.submissionId(), e.trackingCode(), e.kind(),
                    e.unitId(), e.originatingOpinionId(), at(e.effectiveOn()), e.mergedInto());
            case SubmissionEvent.Withdrawn e -> new SubmissionWithdrawn(e.submissionId(), e.trackingCode(), e.kind(),
                    e.unitId(), e.originatingOpinionId(), at(e.effectiveOn()));
        };
    }

    private SubmissionEvent fromWire(String type, com.fasterxml.jackson.databind.JsonNode data)
            throws JsonProcessingException {
        return switch (type) {
            case SubmissionReceived.TYPE -> {
                SubmissionReceived w = json.treeToValue(data, SubmissionReceived.class);
                yield new SubmissionEvent.Received(w.submissionId(), w.trackingCode(), w.kind(), w.channel(),
                        w.unitId(), w.reporterRef(), w.partnerClientId(), w.originatingOpinionId(), w.declaredTopic(),
                        on(w.effectiveAt()));
            }
            case SubmissionClassified.TYPE -> {
                SubmissionClassified w = json.treeToValue(data, SubmissionClassified.class);
                yield new SubmissionEvent.Classified(w.submissionId(), w.kind(), w.topic(), w.tags(), w.unitId(),
                        w.publicSummary(), w.remoteArea(), w.track(), on(w.effectiveAt()));
            }
            case SubmissionAccepted.TYPE -> {
                SubmissionAccepted w = json.treeToValue(data, SubmissionAccepted.class);
                yield new SubmissionEvent.Accepted(w.submissionId(), w.complex(), on(w.effectiveAt()));
            }
            case VerificationStarted.TYPE -> {
                VerificationStarted w = json.treeToValue(data, VerificationStarted.class);
                yield new SubmissionEvent.VerificationStarted(w.submissionId(), on(w.effectiveAt()));
            }
            case SubmissionConcluded.TYPE -> {
                SubmissionConcluded w = json.treeToValue(data, SubmissionConcluded.class);
                yield new SubmissionEvent.Concluded(w.submissionId(), w.conclusion(), on(w.effectiveAt()));
            }
            case DeadlineExtended.TYPE -> {
                DeadlineExtended w = json.treeToValue(data, DeadlineExtended.class);
                yield new SubmissionEvent.DeadlineExtended(w.submissionId(), w.reasonCode(), w.reason(),
                        on(w.effectiveAt()));
            }
            case TipRatedValuable.TYPE -> {
                TipRatedValuable w = json.treeToValue(data, TipRatedValuable.class);
                yield new SubmissionEvent.RatedValuable(w.submissionId(), on(w.effectiveAt()));
            }
            case ReporterIdentityErased.TYPE -> {
                ReporterIdentityErased w = json.treeToValue(data, ReporterIdentityErased.class);
                yield new SubmissionEvent.ReporterErased(w.submissionId(), w.reporterRef(), on(w.effectiveAt()));
            }
            case SubmissionAnswered.TYPE -> {
                SubmissionAnswered w = json.treeToValue(data, SubmissionAnswered.class);
                yield new SubmissionEvent.Answered(w.submissionId(), w.trackingCode(), w.kind(), w.unitId(),
                        w.originatingOpinionId(), w.conclusion(), w.answerSummary(), on(w.effectiveAt()));
            }
            case SubmissionTransferred.TYPE -> {
                SubmissionTransferred w = json.treeToValue(data, SubmissionTransferred.class);
                yield new SubmissionEvent.Transferred(w.submissionId(), w.trackingCode(), w.kind(), w.unitId(),
                        w.originatingOpinionId(), w.toAgency(), w.reason(), on(w.effectiveAt()));
            }
            case SubmissionNotAccepted.TYPE -> {
                SubmissionNotAccepted w = json.treeToValue(data, SubmissionNotAccepted.class);
                yield new SubmissionEvent.NotAccepted(w.submissionId(), w.trackingCode(), w.kind(), w.unitId(),
                        w.originatingOpinionId(), w.legalReason(), w.note(), on(w.effectiveAt()));
            }
            case SubmissionMerged.TYPE -> {
                SubmissionMerged w = json.treeToValue(data, SubmissionMerged.class);
                yield new SubmissionEvent.Merged(w.submissionId(), w.trackingCode(), w.kind(), w.unitId(),
                        w.originatingOpinionId(), w.mergedIntoSubmissionId(), on(w.effectiveAt()));
            }
            case SubmissionWithdrawn.TYPE -> {
                SubmissionWithdrawn w = json.treeToValue(data, SubmissionWithdrawn.class);
                yield new SubmissionEvent.Withdrawn(w.submissionId(), w.trackingCode(), w.kind(), w.unitId(),
                        w.originatingOpinionId(), on(w.effectiveAt()));
            }
            default -> throw new UnknownEventType(type);
        };
    }

    static Instant at(LocalDate day) {
        return day.atStartOfDay(VIETNAM).toInstant();
    }

    static LocalDate on(Instant instant) {
        return instant.atZone(VIETNAM).toLocalDate();
    }
}
