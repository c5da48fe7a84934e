package vn.langnghe.contracts;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.langnghe.contracts.events.CommitmentFulfilled;
import vn.langnghe.contracts.events.ContractEvent;
import vn.langnghe.contracts.events.DeadlineExtended;
import vn.langnghe.contracts.events.EscalationOutcomeRecorded;
import vn.langnghe.contracts.events.FollowUpAnswered;
import vn.langnghe.contracts.events.FollowUpCreated;
import vn.langnghe.contracts.events.ForumClosed;
import vn.langnghe.contracts.events.ForumOpened;
import vn.langnghe.contracts.events.ForumScheduled;
import vn.langnghe.contracts.events.MinutesPublished;
import vn.langnghe.contracts.events.OpinionAnsweredOnTheSpot;
import vn.langnghe.contracts.events.OpinionEscalated;
import vn.langnghe.contracts.events.OpinionRecorded;
import vn.langnghe.contracts.events.SubmissionAccepted;
import vn.langnghe.contracts.events.SubmissionAnswered;
import vn.langnghe.contracts.events.SubmissionClassified;
import vn.langnghe.contracts.events.SubmissionConcluded;
import vn.langnghe.contracts.events.SubmissionMerged;
import vn.langnghe.contracts.events.SubmissionNotAccepted;
import vn.langnghe.contracts.events.SubmissionReceived;
import vn.langnghe.contracts.events.SubmissionTransferred;
import vn.langnghe.contracts.events.SubmissionWithdrawn;
import vn.langnghe.contracts.events.ReporterIdentityErased;
import vn.langnghe.contracts.events.TipRatedValuable;
import vn.langnghe.contracts.events.VerificationStarted;

/** Every released contract version. Add a line here when you add a folder under {@code contracts/}. */
public final class ContractRegistry {

    private static final ContractRegistry STANDARD = new ContractRegistry(List.of(
            new Contract(OpinionEscalated.TYPE, OpinionEscalated.class, Topics.FORUM_FORUM_EVENTS),
            new Contract(SubmissionAnswered.TYPE, SubmissionAnswered.class, Topics.INTAKE_SUBMISSION_EVENTS),
            new Contract(SubmissionTransferred.TYPE, SubmissionTransferred.class, Topics.INTAKE_SUBMISSION_EVENTS),
            new Contract(SubmissionNotAccepted.TYPE, SubmissionNotAccepted.class, Topics.INTAKE_SUBMISSION_EVENTS),
            new Contract(SubmissionWithdrawn.TYPE, SubmissionWithdrawn.class, Topics.INTAKE_SUBMISSION_EVENTS),
            new Contract(SubmissionMerged.TYPE, SubmissionMerged.class, Topics.INTAKE_SUBMISSION_EVENTS),
            new Contract(SubmissionReceived.TYPE, SubmissionReceived.class, Topics.INTAKE_SUBMISSION_EVENTS),
            new Contract(SubmissionClassified.TYPE, SubmissionClassified.class, Topics.INTAKE_SUBMISSION_EVENTS),
            new Contract(SubmissionAccepted.TYPE, SubmissionAccepted.class, Topics.INTAKE_SUBMISSION_EVENTS),
            new Contract(VerificationStarted.TYPE, VerificationStarted.class, Topics.INTAKE_SUBMISSION_EVENTS),
            new Contract(SubmissionConcluded.TYPE, SubmissionConcluded.class, Topics.INTAKE_SUBMISSION_EVENTS),
            new Contract(DeadlineExtended.TYPE, DeadlineExtended.class, Topics.INTAKE_SUBMISSION_EVENTS),
            new Contract(TipRatedValuable.TYPE, TipRatedValuable.class, Topics.INTAKE_SUBMISSION_EVENTS),
            new Contract(ReporterIdentityErased.TYPE, ReporterIdentityErased.class, Topics.INTAKE_SUBMISSION_EVENTS),
            new Contract(ForumScheduled.TYPE, ForumScheduled.class, Topics.FORUM_FORUM_EVENTS),
            new Contract(ForumOpened.TYPE, ForumOpened.class, Topics.FORUM_FORUM_EVENTS),
            new Contract(OpinionRecorded.TYPE, OpinionRecorded.class, Topics.FORUM_FORUM_EVENTS),
            new Contract(OpinionAnsweredOnTheSpot.TYPE, OpinionAnsweredOnTheSpot.class, Topics.FORUM_FORUM_EVENTS),
            new Contract(FollowUpCreated.TYPE, FollowUpCreated.class, Topics.FORUM_FORUM_EVENTS),
            new Contract(FollowUpAnswered.TYPE, FollowUpAnswered.class, Topics.FORUM_FORUM_EVENTS),
            new Contract(CommitmentFulfilled.TYPE, CommitmentFulfilled.class, Topics.FORUM_FORUM_EVENTS),
            new Contract(ForumClosed.TYPE, ForumClosed.class, Topics.FORUM_FORUM_EVENTS),
            new Contract(MinutesPublished.TYPE, MinutesPublished.class, Topics.FORUM_FORUM_EVENTS),
            new Contract(EscalationOutcomeRecorded.TYPE, EscalationOutcomeRecorded.class, Topics.FORUM_FORUM_EVENTS)));

    private final Map<String, Contract> byType = new LinkedHashMap<>();

    /** A registry of the given contracts; type names must be unique. */
    public ContractRegistry(List<Contract> contracts) {
        for (Contract c : contracts) {
            if (byType.putIfAbsent(c.typeName(), c) != null) {
                throw new IllegalArgumentException("contract " + c.typeName() + " is registered twice");
            }
        }
    }

    /** The contracts this project has released. */
    public static ContractRegistry standard() {
        return STANDARD;
    }

    /** All contracts in registration order. */
    public List<Contract> all() {
        return List.copyOf(byType.values());
    }

    public Optional<Contract> find(String typeName) {
        return Optional.ofNullable(byType.get(typeName));
    }

    /** @throws UnknownContractException when no released contract has this type name */
    public Contract get(String typeName) {
        Contract c = byType.get(typeName);
        if (c == null) {
            throw new UnknownContractException(typeName);
        }
        return c;
    }

    /** Released versions of a family such as {@code forum.OpinionEscalated}, oldest first. */
    public List<Contract> versionsOf(String family) {
        return byType.values().stream()
                .filter(c -> c.family().equals(family))
                .sorted(Comparator.comparingInt(Contract::version))
                .toList();
    }

    /** The newest released version of a family. */
    public Optional<Contract> latest(String family) {
        List<Contract> versions = versionsOf(family);
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.getLast());
    }

    /** The newest contract read by this record class: what a producer writes today. */
    public Contract forRecord(Class<? extends ContractEvent> recordClass) {
        return byType.values().stream()
                .filter(c -> c.recordClass().equals(recordClass))
                .max(Comparator.comparingInt(Contract::version))
                .orElseThrow(() -> new IllegalArgumentException(recordClass.getName() + " has no contract"));
    }
}
