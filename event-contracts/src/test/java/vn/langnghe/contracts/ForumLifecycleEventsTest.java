package vn.langnghe.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import vn.langnghe.contracts.events.Attendance;
import vn.langnghe.contracts.events.CommitmentFulfilled;
import vn.langnghe.contracts.events.ContractEvent;
import vn.langnghe.contracts.events.Delegate;
import vn.langnghe.contracts.events.EscalationOutcome;
import vn.langnghe.contracts.events.EscalationOutcomeRecorded;
import vn.langnghe.contracts.events.FollowUpAnswered;
import vn.langnghe.contracts.events.FollowUpCreated;
import vn.langnghe.contracts.events.ForumClosed;
import vn.langnghe.contracts.events.ForumLifecycleEvent;
import vn.langnghe.contracts.events.ForumOpened;
import vn.langnghe.contracts.events.ForumScheduled;
import vn.langnghe.contracts.events.GroupAttendance;
import vn.langnghe.contracts.events.MinutesPublished;
import vn.langnghe.contracts.events.OpinionAnsweredOnTheSpot;
import vn.langnghe.contracts.events.OpinionEscalated;
import vn.langnghe.contracts.events.OpinionNature;
import vn.langnghe.contracts.events.OpinionRecorded;
import vn.langnghe.contracts.events.ParticipantGroup;
import vn.langnghe.contracts.events.SessionKind;
import vn.langnghe.contracts.events.SubmissionAnswered;
import vn.langnghe.contracts.events.SubmissionMerged;
import vn.langnghe.contracts.events.SubmissionNotAccepted;
import vn.langnghe.contracts.events.SubmissionOutcome;
import vn.langnghe.contracts.events.SubmissionTransferred;
import vn.langnghe.contracts.events.SubmissionWithdrawn;

/**
 * The rules of forum-service's contracts, checked on both sides where they can be: the schema rejects
 * the JSON and the record refuses to be built, so a producer cannot write what a consumer would refuse.
 */
class ForumLifecycleEventsTest {

    private static final UUID FORUM = UUID.fromString("a1b9e0c4-3f6d-4e2a-8b57-9c0d1e2f3a4b");
    private static final UUID OPINION = UUID.fromString("3c6e1a2b-7d4f-4e8a-9b0c-5d6e7f8a9b01");
    private static final Instant AT = Instant.parse("2019-12-04T17:00:00Z");

    private final ContractValidator validator = ContractValidator.standard();
    private final ContractRegistry registry = ContractRegistry.standard();

    @Test
    void theElevenForumEventsIncludingTheEscalationAreRegisteredOnTheForumTopic() {
        List<Class<?>> forum = Arrays.asList(ForumLifecycleEvent.class.getPermittedSubclasses());

        assertThat(forum).hasSize(11).contains(OpinionEscalated.class);
        for (Class<?> type : forum) {
            @SuppressWarnings("unchecked")
            Contract contract = registry.forRecord((Class<? extends ContractEvent>) type);
            assertThat(contract.kafkaTopic()).isEqualTo(Topics.FORUM_FORUM_EVENTS);
            assertThat(contract.family()).startsWith("forum.");
            assertThat(contract.version()).isEqualTo(1);
        }
    }

    @Test
    void aConsumerCanSwitchOverTheForumEventsExhaustively() {
        ForumLifecycleEvent event = (ForumLifecycleEvent) ContractCodec.standard()
                .decode(ForumOpened.TYPE, example(ForumOpened.TYPE));

        String step = switch (event) {
            case ForumScheduled e -> "scheduled";
            case ForumOpened e -> "opened with " + e.attendance().total();
            case OpinionRecorded e -> "recorded";
            case OpinionAnsweredOnTheSpot e -> "answered on the spot";
            case FollowUpCreated e -> "follow-up";
            case FollowUpAnswered e -> "follow-up answered";
            case CommitmentFulfilled e -> "fulfilled";
            case ForumClosed e -> "closed";
            case MinutesPublished e -> "published";
            case OpinionEscalated e -> "escalated";
            case EscalationOutcomeRecorded e -> "outcome";
        };

        assertThat(step).isEqualTo("opened with 126");
        assertThat(event.forumId()).isEqualTo(FORUM);
    }

    @Test
    void noForumEventCarriesText_aName_orATrackingCode() {
        for (Class<?> type : ForumLifecycleEvent.class.getPermittedSubclasses()) {
            assertThat(Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName))
                    .as(type.getSimpleName())
                    .noneMatch(name -> name.equals("text") || name.toLowerCase().contains("name") && !name.equals("venueName")
                            || name.equals("trackingCode") || name.equals("speakerText"));
        }
    }

    @Test
    void groupEnumsInsideArraysListTheJavaConstants() {
        List<String> groups = Arrays.stream(ParticipantGroup.values()).map(Enum::name).toList();
        JsonNode scheduled = Resources.schema(registry.get(ForumScheduled.TYPE)).path("properties");
        JsonNode opened = Resources.schema(registry.get(ForumOpened.TYPE)).path("properties");

        assertThat(names(scheduled.path("invitedGroups").path("items").path("enum"))).containsExactlyElementsOf(groups);
        assertThat(names(opened.path("attendance").path("properties").path("byGroup").path("items")
                .path("properties").path("group").path("enum"))).containsExactlyElementsOf(groups);
    }

    // --- ForumScheduled ---

    @Test
    void aGroupInvitedTwiceIsRejected() {
        ObjectNode data = example(ForumScheduled.TYPE);
        ((ArrayNode) data.get("invitedGroups")).add("VETERANS");

        assertThat(validator.validate(ForumScheduled.TYPE, data))
                .anySatisfy(v -> assertThat(v.keyword()).isEqualTo("uniqueItems"));
        assertThatThrownBy(() -> scheduled(List.of(ParticipantGroup.VETERANS, ParticipantGroup.VETERANS)))
                .hasMessageContaining("invitedGroups");
    }

    @Test
    void aDelegateIsAUnitCodeAndAPosition_neverAName() {
        ObjectNode unitName = example(ForumScheduled.TYPE);
        ((ObjectNode) unitName.get("delegationHead")).put("unitId", "Công an thành phố Hải Phòng");
        ObjectNode longTitle = example(ForumScheduled.TYPE);
        ((ObjectNode) longTitle.get("delegationHead")).put("title", "x".repeat(201));

        assertThat(validator.validate(ForumScheduled.TYPE, unitName))
                .anySatisfy(v -> assertThat(v.keyword()).isEqualTo("pattern"));
        assertThat(validator.validate(ForumScheduled.TYPE, longTitle))
                .anySatisfy(v -> assertThat(v.keyword()).isEqualTo("maxLength"));
        assertThatThrownBy(() -> new Delegate("Công an thành phố Hải Phòng", "Giám đốc")).hasMessageContaining("unitId");
        assertThatThrownBy(() -> new Delegate("HP", "x".repeat(201))).hasMessageContaining("title");
    }

    @Test
    void anUnknownSessionKindIsRejected() {
        assertThat(validator.validate(ForumScheduled.TYPE, example(ForumScheduled.TYPE).put("sessionKind", "PARTY")))
                .anySatisfy(v -> assertThat(v.keyword()).isEqualTo("enum"));
    }

    // --- ForumOpened ---

    @Test
    void aNegativeCountIsRejected() {
        ObjectNode data = example(ForumOpened.TYPE);
        ((ObjectNode) data.get("attendance").get("byGroup").get(0)).put("count", -1);

        assertThat(validator.validate(ForumOpened.TYPE, data))
                .anySatisfy(v -> assertThat(v.keyword()).isEqualTo("minimum"));
        assertThatThrownBy(() -> new GroupAttendance(ParticipantGroup.VETERANS, -1)).hasMessageContaining("count");
    }

    @Test
    void groupsAddingUpToMoreThanTheTotalOrCountedTwiceAreRejectedByTheRecord() {
        ObjectNode above = example(ForumOpened.TYPE);
        ((ObjectNode) above.get("attendance")).put("total", 10);

        assertThatThrownBy(() -> ContractCodec.standard().decode(ForumOpened.TYPE, above))
                .isInstanceOf(ContractViolationException.class).hasMessageContaining("total");
        assertThatThrownBy(() -> new Attendance(5, List.of(new GroupAttendance(ParticipantGroup.VETERANS, 3),
                new GroupAttendance(ParticipantGroup.VETERANS, 2)))).hasMessageContaining("twice");
        assertThat(new Attendance(64, List.of()).total()).isEqualTo(64);
    }

    @Test
    void theAttendanceIsAnObjectWithATotal() {
        ObjectNode noTotal = example(ForumOpened.TYPE);
        ((ObjectNode) noTotal.get("attendance")).remove("total");

        assertThat(validator.validate(ForumOpened.TYPE, noTotal))
                .anySatisfy(v -> assertThat(v.keyword()).isEqualTo("required"));
    }

    // --- opinions ---

    @Test
    void aSpeakerRefIsShortOrAbsent_andASummaryIsAtMost1000Characters() {
        assertThat(validator.validate(OpinionRecorded.TYPE, example(OpinionRecorded.TYPE).put("speakerRef", "r".repeat(101))))
                .anySatisfy(v -> assertThat(v.keyword()).isEqualTo("maxLength"));
        assertThat(validator.validate(OpinionRecorded.TYPE, example(OpinionRecorded.TYPE).putNull("speakerRef"))).isEmpty();
        assertThat(validator.validate(OpinionRecorded.TYPE,
                example(OpinionRecorded.TYPE).put("publicSummary", "ạ".repeat(1001))))
                .anySatisfy(v -> assertThat(v.keyword()).isEqualTo("maxLength"));
        assertThatThrownBy(() -> new OpinionRecorded(FORUM, OPINION, ParticipantGroup.OTHER, null, "OTHER", List.of(),
                OpinionNature.QUESTION, "ạ".repeat(1001), AT)).hasMessageContaining("publicSummary");
    }

    @Test
    void anUnknownNatureIsRejected() {
        assertThat(validator.validate(OpinionRecorded.TYPE, example(OpinionRecorded.TYPE).put("nature", "GOSSIP")))
                .anySatisfy(v -> assertThat(v.keyword()).isEqualTo("enum"));
    }

    @Test
    void aDueDateIsADate() {
        assertThat(validator.validate(FollowUpCreated.TYPE, example(FollowUpCreated.TYPE).put("dueOn", "31/12/2019")))
                .anySatisfy(v -> assertThat(v.keyword()).isEqualTo("format"));
        assertThat(validator.validate(FollowUpCreated.TYPE, example(FollowUpCreated.TYPE).put("dueOn", "2019-12-31T00:00:00Z")))
                .anySatisfy(v -> assertThat(v.keyword()).isEqualTo("format"));
    }

    @Test
    void anAnswerMayCommitToNothing() {
        assertThat(validator.validate(OpinionAnsweredOnTheSpot.TYPE,
                example(OpinionAnsweredOnTheSpot.TYPE).putNull("commitmentSummary"))).isEmpty();
        assertThat(validator.validate(OpinionAnsweredOnTheSpot.TYPE,
                example(OpinionAnsweredOnTheSpot.TYPE).put("commitmentSummary", "")))
                .anySatisfy(v -> assertThat(v.keyword()).isEqualTo("minLength"));
    }

    // --- escalation outcome ---

    @Test
    void everyIntakeOutcomeHasAnEscalationOutcome() {
        assertThat(List.of(SubmissionAnswered.TYPE, SubmissionTransferred.TYPE, SubmissionNotAccepted.TYPE,
                        SubmissionWithdrawn.TYPE, SubmissionMerged.TYPE).stream()
                .map(type -> (SubmissionOutcome) ContractCodec.standard().decode(type, example(type)))
                .map(EscalationOutcome::of))
                .containsExactly(EscalationOutcome.values());
        assertThat(SubmissionOutcome.class.getPermittedSubclasses()).hasSize(EscalationOutcome.values().length);
    }

    @Test
    void anUnknownOutcomeIsRejected() {
        assertThat(validator.validate(EscalationOutcomeRecorded.TYPE,
                example(EscalationOutcomeRecorded.TYPE).put("outcome", "LOST")))
                .anySatisfy(v -> assertThat(v.keyword()).isEqualTo("enum"));
    }

    private ObjectNode example(String type) {
        return Resources.example(registry.get(type));
    }

    private static List<String> names(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static ForumScheduled scheduled(List<ParticipantGroup> invited) {
        return new ForumScheduled(FORUM, SessionKind.FORUM, "HP", "HP-LECHAN-ANDUONG", null, AT,
                new Delegate("HP", "Phó Giám đốc"), List.of(), invited, AT);
    }
}
