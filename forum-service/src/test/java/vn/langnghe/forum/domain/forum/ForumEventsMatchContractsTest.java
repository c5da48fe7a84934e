package vn.langnghe.forum.domain.forum;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.langnghe.contracts.ContractRegistry;
import vn.langnghe.contracts.Topics;
import vn.langnghe.contracts.events.CommitmentFulfilled;
import vn.langnghe.contracts.events.Delegate;
import vn.langnghe.contracts.events.EscalationOutcomeRecorded;
import vn.langnghe.contracts.events.FollowUpAnswered;
import vn.langnghe.contracts.events.FollowUpCreated;
import vn.langnghe.contracts.events.ForumClosed;
import vn.langnghe.contracts.events.ForumLifecycleEvent;
import vn.langnghe.contracts.events.ForumOpened;
import vn.langnghe.contracts.events.ForumScheduled;
import vn.langnghe.contracts.events.MinutesPublished;
import vn.langnghe.contracts.events.OpinionAnsweredOnTheSpot;
import vn.langnghe.contracts.events.OpinionEscalated;
import vn.langnghe.contracts.events.OpinionRecorded;

/**
 * Every domain event maps field by field onto its wire contract, so the codec is a plain copy:
 * same names (effectiveOn ↔ effectiveAt), and types that convert without loss in Asia/Ho_Chi_Minh.
 * The decider's text limits are the contracts' limits, so a decided event always publishes.
 */
class ForumEventsMatchContractsTest {

    static final Map<Class<?>, Class<?>> WIRE = new LinkedHashMap<>();

    static {
        WIRE.put(ForumEvent.Scheduled.class, ForumScheduled.class);
        WIRE.put(ForumEvent.Opened.class, ForumOpened.class);
        WIRE.put(ForumEvent.OpinionRecorded.class, OpinionRecorded.class);
        WIRE.put(ForumEvent.AnsweredOnTheSpot.class, OpinionAnsweredOnTheSpot.class);
        WIRE.put(ForumEvent.FollowUpCreated.class, FollowUpCreated.class);
        WIRE.put(ForumEvent.FollowUpAnswered.class, FollowUpAnswered.class);
        WIRE.put(ForumEvent.CommitmentFulfilled.class, CommitmentFulfilled.class);
        WIRE.put(ForumEvent.Closed.class, ForumClosed.class);
        WIRE.put(ForumEvent.MinutesPublished.class, MinutesPublished.class);
        WIRE.put(ForumEvent.OpinionEscalated.class, OpinionEscalated.class);
        WIRE.put(ForumEvent.EscalationOutcomeRecorded.class, EscalationOutcomeRecorded.class);
    }

    @Test
    void everyDomainEventHasAWireContractOnTheForumTopic_andEveryForumContractADomainEvent() {
        assertThat(WIRE.keySet()).containsExactlyInAnyOrderElementsOf(leaves(ForumEvent.class));
        assertThat(WIRE.values()).containsExactlyInAnyOrderElementsOf(leaves(ForumLifecycleEvent.class));
        for (Class<?> wire : WIRE.values()) {
            @SuppressWarnings("unchecked")
            var contract = ContractRegistry.standard()
                    .forRecord((Class<? extends vn.langnghe.contracts.events.ContractEvent>) wire);
            assertThat(contract.kafkaTopic()).as(wire.getSimpleName()).isEqualTo(Topics.FORUM_FORUM_EVENTS);
        }
    }

    @Test
    void everyDomainEventFieldHasTheWireFieldOfTheSameName_andACompatibleType() {
        WIRE.forEach((domain, wire) -> {
            Map<String, Class<?>> wireFields = new LinkedHashMap<>();
            Arrays.stream(wire.getRecordComponents()).forEach(c -> wireFields.put(c.getName(), c.getType()));
            Map<String, Class<?>> domainFields = new LinkedHashMap<>();
            for (RecordComponent c : domain.getRecordComponents()) {
                boolean effective = c.getName().equals("effectiveOn");
                domainFields.put(effective ? "effectiveAt" : c.getName(), effective ? Instant.class : wireType(c.getType()));
            }
            assertThat(domainFields).as("%s ↔ %s", domain.getSimpleName(), wire.getSimpleName())
                    .containsExactlyInAnyOrderEntriesOf(wireFields);
        });
    }

    @Test
    void theDecidersTextLimitsAreTheContractsLimits() {
        assertThat(ForumDecider.SUMMARY_MAX).isEqualTo(OpinionRecorded.PUBLIC_SUMMARY_MAX_LENGTH)
                .isEqualTo(OpinionAnsweredOnTheSpot.SUMMARY_MAX_LENGTH);
        assertThat(ForumDecider.SPEAKER_REF_MAX).isEqualTo(OpinionRecorded.SPEAKER_REF_MAX_LENGTH);
        assertThat(ForumDecider.TITLE_MAX).isEqualTo(Delegate.TITLE_MAX_LENGTH);
        assertThat(ForumDecider.VENUE_NAME_MAX).isEqualTo(ForumScheduled.VENUE_NAME_MAX_LENGTH);
        assertThat(ForumDecider.MINUTES_MAX).isEqualTo(ForumClosed.MINUTES_SUMMARY_MAX_LENGTH);
        assertThat(ForumDecider.ESCALATION_SUMMARY_MAX).isEqualTo(2000);
    }

    /** The wire type a domain field other than effectiveOn becomes (a due date stays a date). */
    private static Class<?> wireType(Class<?> domainType) {
        if (domainType == LocalDateTime.class) {
            return Instant.class;
        }
        if (domainType == Forum.Delegate.class) {
            return Delegate.class;
        }
        if (domainType == Forum.Attendance.class) {
            return vn.langnghe.contracts.events.Attendance.class;
        }
        return domainType;
    }

    private static List<Class<?>> leaves(Class<?> sealed) {
        return Arrays.stream(sealed.getPermittedSubclasses())
                .flatMap(sub -> sub.isSealed() ? leaves(sub).stream() : java.util.stream.Stream.of(sub))
                .toList();
    }
}
