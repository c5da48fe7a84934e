package vn.langnghe.intake.domain.submission;

import vn.langnghe.contracts.events.Channel;
import vn.langnghe.contracts.events.Track;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import vn.langnghe.contracts.events.SubmissionKind;
import vn.langnghe.contracts.reference.TopicTaxonomy;
import vn.langnghe.contracts.reference.UnitTree;
import vn.langnghe.eventsourcing.decider.Decider;
import vn.langnghe.intake.domain.submission.SubmissionCommand.Accept;
import vn.langnghe.intake.domain.submission.SubmissionCommand.Answer;
import vn.langnghe.intake.domain.submission.SubmissionCommand.Classify;
import vn.langnghe.intake.domain.submission.SubmissionCommand.Conclude;
import vn.langnghe.intake.domain.submission.SubmissionCommand.EraseReporter;
import vn.langnghe.intake.domain.submission.SubmissionCommand.ExtendDeadline;
import vn.langnghe.intake.domain.submission.SubmissionCommand.MarkDuplicate;
import vn.langnghe.intake.domain.submission.SubmissionCommand.RateValuable;
import vn.langnghe.intake.domain.submission.SubmissionCommand.Receive;
import vn.langnghe.intake.domain.submission.SubmissionCommand.RefuseAcceptance;
import vn.langnghe.intake.domain.submission.SubmissionCommand.StartVerification;
import vn.langnghe.intake.domain.submission.SubmissionCommand.Transfer;
import vn.langnghe.intake.domain.submission.SubmissionCommand.Withdraw;
import vn.langnghe.intake.domain.submission.SubmissionEvent.Accepted;
import vn.langnghe.intake.domain.submission.SubmissionEvent.Answered;
import vn.langnghe.intake.domain.submission.SubmissionEvent.Classified;
import vn.langnghe.intake.domain.submission.SubmissionEvent.Concluded;
import vn.langnghe.intake.domain.submission.SubmissionEvent.DeadlineExtended;
import vn.langnghe.intake.domain.submission.SubmissionEvent.Merged;
import vn.langnghe.intake.domain.submission.SubmissionEvent.NotAccepted;
import vn.langnghe.intake.domain.submission.SubmissionEvent.RatedValuable;
import vn.langnghe.intake.domain.submission.SubmissionEvent.ReporterErased;
import vn.langnghe.intake.domain.submission.SubmissionEvent.Received;
import vn.langnghe.intake.domain.submission.SubmissionEvent.Transferred;
import vn.langnghe.intake.domain.submission.SubmissionEvent.VerificationStarted;
import vn.langnghe.intake.domain.submission.SubmissionEvent.Withdrawn;

/**
 * The rules of a submission's lifecycle (received → classified → accepted → verification →
 * concluded → answered, with transfer, refusal, merge and withdrawal as side exits).
 *
 * <p>Pure: {@code today} (in Asia/Ho_Chi_Minh), the reference data and the extension policy are given
 * at construction, so the same inputs always decide the same events.
 */
public final class SubmissionDecider implements Decider<SubmissionCommand, Submission, SubmissionEvent> {

    private final LocalDate today;
    private final TopicTaxonomy topics;
    private final UnitTree units;
    private final ExtensionPolicy extensions;

    public SubmissionDecider(LocalDate today, TopicTaxonomy topics, UnitTree units, ExtensionPolicy extensions) {
        this.today = Objects.requireNonNull(today);
        this.topics = Objects.requireNonNull(topics);
        this.units = Objects.requireNonNull(units);
        this.extensions = Objects.requireNonNull(extensions);
    }

    @Override
    public Submission initialState() {
        return Submission.NONE;
    }

    @Override
    public List<SubmissionEvent> decide(SubmissionCommand command, Submission s) {
        if (command instanceof Receive receive) {
            return List.of(receive(receive, s));
        }
        if (!s.exists()) {
            throw SubmissionRefused.because("NOT_FOUND", "no such submission");
        }
        checkEffectiveDate(command.effectiveOn(), s.lastEffectiveOn());
        return List.of(switch (command) {
            case Receive r -> throw new IllegalStateException("handled above");
            case Classify c -> classify(c, s);
            case Accept a -> accept(a, s);
            case StartVerification v -> startVerification(v, s);
            case Conclude c -> conclude(c, s);
            case Answer a -> answer(a, s);
            case Transfer t -> transfer(t, s);
            case RefuseAcceptance r -> refuseAcceptance(r, s);
            case MarkDuplicate m -> markDuplicate(m, s);
            case Withdraw w -> withdraw(w, s);
            case ExtendDeadline e -> extend(e, s);
            case RateValuable r -> rateValuable(r, s);
            case EraseReporter e -> eraseReporter(e, s);
        });
    }

    private Received receive(Receive c, Submission s) {
        if (s.exists()) {
            throw SubmissionRefused.because("ALREADY_RECEIVED", "this submission was already received");
        }
        checkEffectiveDate(c.effectiveOn(), null);
        requireField(c.kind(), "kind");
        requireField(c.channel(), "channel");
        requireUnit(c.unitId(), c.effectiveOn());
        if (c.declaredTopic() != null) {
            requireTopic(c.declaredTopic(), "topic");
        }
        if (c.channel() == Channel.FORUM && c.originatingOpinionId() == null) {
            throw SubmissionRefused.field("originatingOpinionId", "REQUIRED",
                    "a submission from a forum names the opinion it came from");
        }
        return new Received(c.submissionId(), c.trackingCode(), c.kind(), c.channel(), c.unitId(), c.reporterRef(),
                c.partnerClientId(), c.originatingOpinionId(), c.declaredTopic(), c.effectiveOn());
    }

    private Classified classify(Classify c, Submission s) {
        requireOneOf(s, "classify", Status.RECEIVED, Status.CLASSIFIED, Status.ACCEPTED, Status.IN_VERIFICATION);
        requireField(c.kind(), "kind");
        requireTopic(c.topic(), "topic");
        for (int i = 0; i < c.tags().size(); i++) {
            requireTopic(c.tags().get(i), "tags[" + i + "]");
        }
        requireUnit(c.unitId(), c.effectiveOn());
        if (c.publicSummary() == null || c.publicSummary().isBlank()) {
            throw SubmissionRefused.field("publicSummary", "REQUIRED", "an officer-written summary without names");
        }
        boolean remote = units.unit(c.unitId()).remoteArea();
        Track track = c.kind() == SubmissionKind.DENUNCIATION && !s.identified() ? Track.INSPECTION : Track.STANDARD;
        return new Classified(s.id(), c.kind(), c.topic(), c.tags(), c.unitId(), c.publicSummary(), remote, track,
                c.effectiveOn());
    }

    private Accepted accept(Accept c, Submission s) {
        requireOneOf(s, "accept", Status.CLASSIFIED);
        if (s.track() == Track.INSPECTION) {
            throw SubmissionRefused.because("ANONYMOUS_DENUNCIATION", "an anonymous denunciation is not accepted as a"
                    + " denunciation: start verification on the inspection track instead");
        }
        if (s.kind() == SubmissionKind.TIP) {
            throw SubmissionRefused.because("TIP_NOT_ACCEPTED", "a tip has no acceptance step: verify it directly");
        }
        return new Accepted(s.id(), c.complex(), c.effectiveOn());
    }

    private VerificationStarted startVerification(StartVerification c, Submission s) {
        boolean withoutAcceptance = s.kind() == SubmissionKind.TIP || s.track() == Track.INSPECTION;
        if (withoutAcceptance) {
            requireOneOf(s, "start verification", Status.CLASSIFIED);
        } else {
            requireOneOf(s, "start verification", Status.ACCEPTED);
        }
        return new VerificationStarted(s.id(), c.effectiveOn());
    }

    private Concluded conclude(Conclude c, Submission s) {
        requireOneOf(s, "conclude", Status.IN_VERIFICATION);
        requireField(c.conclusion(), "conclusion");
        return new Concluded(s.id(), c.conclusion(), c.effectiveOn());
    }

    private Answered answer(Answer c, Submission s) {
        boolean mayAnswerUnverified = s.kind() == SubmissionKind.TIP || s.kind() == SubmissionKind.PETITION;
        if (mayAnswerUnverified) {
            requireOneOf(s, "answer", Status.CLASSIFIED, Status.ACCEPTED, Status.IN_VERIFICATION, Status.CONCLUDED);
        } else {
            requireOneOf(s, "answer", Status.CONCLUDED);
        }
        if (c.answerSummary() == null || c.answerSummary().isBlank()) {
            throw SubmissionRefused.field("answerSummary", "REQUIRED", "a public summary of the answer, without names");
        }
        return new Answered(s.id(), s.trackingCode(), s.kind(), s.unitId(), s.originatingOpinionId(), s.conclusion(),
                c.answerSummary(), c.effectiveOn());
    }

    private Transferred transfer(Transfer c, Submission s) {
        requireOneOf(s, "transfer", Status.RECEIVED, Status.CLASSIFIED);
        if (c.toAgency() == null || c.toAgency().isBlank()) {
            throw SubmissionRefused.field("toAgency", "REQUIRED", "the competent agency it is sent to");
        }
        if (c.reason() == null || c.reason().isBlank()) {
            throw SubmissionRefused.field("reason", "REQUIRED", "why it is not ours to handle");
        }
        return new Transferred(s.id(), s.trackingCode(), s.kind(), s.unitId(), s.originatingOpinionId(), c.toAgency(),
                c.reason(), c.effectiveOn());
    }

    private NotAccepted refuseAcceptance(RefuseAcceptance c, Submission s) {
        requireOneOf(s, "refuse acceptance of", Status.RECEIVED, Status.CLASSIFIED);
        requireField(c.legalReason(), "legalReason");
        return new NotAccepted(s.id(), s.trackingCode(), s.kind(), s.unitId(), s.originatingOpinionId(),
                c.legalReason(), c.note(), c.effectiveOn());
    }

    private Merged markDuplicate(MarkDuplicate c, Submission s) {
        requireOpen(s, "merge");
        requireField(c.mergedInto(), "mergedInto");
        if (c.mergedInto().equals(s.id())) {
            throw SubmissionRefused.field("mergedInto", "SELF_MERGE", "a submission cannot be merged into itself");
        }
        return new Merged(s.id(), s.trackingCode(), s.kind(), s.unitId(), s.originatingOpinionId(), c.mergedInto(),
                c.effectiveOn());
    }

    private Withdrawn withdraw(Withdraw c, Submission s) {
        requireOpen(s, "withdraw");
        return new Withdrawn(s.id(), s.trackingCode(), s.kind(), s.unitId(), s.originatingOpinionId(), c.effectiveOn());
    }

    private DeadlineExtended extend(ExtendDeadline c, Submission s) {
        requireOneOf(s, "extend the deadline of", Status.CLASSIFIED, Status.ACCEPTED, Status.IN_VERIFICATION);
        if (c.reasonCode() == null || c.reasonCode().isBlank()) {
            throw SubmissionRefused.field("reasonCode", "REQUIRED", "the legal ground of the extension");
        }
        if (c.reason() == null || c.reason().isBlank()) {
            throw SubmissionRefused.field("reason", "REQUIRED", "why the extension is needed");
        }
        extensions.refusal(s, c.reasonCode()).ifPresent(why -> {
            throw SubmissionRefused.because("EXTENSION_NOT_ALLOWED", why);
        });
        return new DeadlineExtended(s.id(), c.reasonCode(), c.reason(), c.effectiveOn());
    }

    private ReporterErased eraseReporter(EraseReporter c, Submission s) {
        if (!s.identified()) {
            throw SubmissionRefused.because("ANONYMOUS", "this submission is anonymous: there is no identity to erase");
        }
        if (s.reporterErased()) {
            throw SubmissionRefused.because("ALREADY_ERASED", "the reporter's identity was already erased");
        }
        if (!s.status().isTerminal()) {
            throw SubmissionRefused.because("CASE_OPEN", "the case is still open (" + s.status().name()
                    .toLowerCase().replace('_', ' ') + "): the identity is needed until it is closed");
        }
        LocalDate retainedUntil = s.closedOn().plus(c.retentionAfterClosing());
        if (c.effectiveOn().isBefore(retainedUntil)) {
            throw SubmissionRefused.because("WITHIN_RETENTION", "the case file must be kept until " + retainedUntil
                    + " (" + c.retentionAfterClosing() + " after closing on " + s.closedOn() + ")");
        }
        return new ReporterErased(s.id(), s.reporterRef(), c.effectiveOn());
    }

    private RatedValuable rateValuable(RateValuable c, Submission s) {
        if (s.kind() != SubmissionKind.TIP) {
            throw SubmissionRefused.because("NOT_A_TIP", "only tips are rated valuable");
        }
        if (s.valuable()) {
            throw SubmissionRefused.because("ALREADY_VALUABLE", "this tip is already rated valuable");
        }
        if (s.status() == Status.WITHDRAWN || s.status() == Status.MERGED) {
            throw SubmissionRefused.because("CLOSED", "a withdrawn or merged tip is not rated");
        }
        return new RatedValuable(s.id(), c.effectiveOn());
    }

    @Override
    public Submission evolve(Submission s, SubmissionEvent event) {
        Submission.Builder next = s.toBuilder().lastEffectiveOn(event.effectiveOn());
        return switch (event) {
            case Received e -> next.received(e).build();
            case Classified e -> next.classified(e).build();
            case Accepted e -> next.accepted(e.complex(), e.effectiveOn()).build();
            case VerificationStarted e -> next.status(Status.IN_VERIFICATION).build();
            case Concluded e -> next.concluded(e.conclusion(), e.effectiveOn()).build();
            case DeadlineExtended e -> next.extended(e.reasonCode(), e.effectiveOn()).build();
            case RatedValuable e -> next.valuable().build();
            case ReporterErased e -> next.reporterErased().build();
            case Answered e -> next.closed(Status.ANSWERED, e.effectiveOn()).build();
            case Transferred e -> next.closed(Status.TRANSFERRED, e.effectiveOn()).build();
            case NotAccepted e -> next.closed(Status.NOT_ACCEPTED, e.effectiveOn()).build();
            case Merged e -> next.mergedInto(e.mergedInto()).closed(Status.MERGED, e.effectiveOn()).build();
            case Withdrawn e -> next.closed(Status.WITHDRAWN, e.effectiveOn()).build();
        };
    }

    /** Effective dates come from paper records: never in the future, never before the previous step. */
    private void checkEffectiveDate(LocalDate effectiveOn, LocalDate previous) {
        requireField(effectiveOn, "effectiveOn");
        if (effectiveOn.isAfter(today)) {
            throw SubmissionRefused.field("effectiveOn", "IN_THE_FUTURE", "the effective date " + effectiveOn
                    + " is after today (" + today + ")");
        }
        if (previous != null && effectiveOn.isBefore(previous)) {
            throw SubmissionRefused.field("effectiveOn", "BEFORE_PREVIOUS_STEP", "the effective date " + effectiveOn
                    + " is before the previous step's (" + previous + ")");
        }
    }

    private static void requireOneOf(Submission s, String action, Status... allowed) {
        for (Status status : allowed) {
            if (s.status() == status) {
                return;
            }
        }
        throw SubmissionRefused.because("WRONG_STATE", "cannot " + action + " a submission that is "
                + s.status().name().toLowerCase().replace('_', ' '));
    }

    private static void requireOpen(Submission s, String action) {
        if (s.status().isTerminal()) {
            throw SubmissionRefused.because("WRONG_STATE", "cannot " + action + " a submission that is already "
                    + s.status().name().toLowerCase().replace('_', ' '));
        }
    }

    private static void requireField(Object value, String field) {
        if (value == null) {
            throw SubmissionRefused.field(field, "REQUIRED", field + " is required");
        }
    }

    private void requireTopic(String code, String field) {
        if (code == null || !topics.isKnown(code)) {
            throw SubmissionRefused.field(field, "UNKNOWN_TOPIC", "not a topic of taxonomy " + topics.version()
                    + ": " + code);
        }
    }

    private void requireUnit(String code, LocalDate on) {
        if (code == null || !units.find(code).map(unit -> unit.existsOn(on)).orElse(false)) {
            throw SubmissionRefused.field("unitId", "UNKNOWN_UNIT", "no unit " + code + " on " + on);
        }
    }
}
