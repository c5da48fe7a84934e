package vn.langnghe.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.langnghe.contracts.events.Channel;
import vn.langnghe.contracts.events.Conclusion;
import vn.langnghe.contracts.events.ContractEvent;
import vn.langnghe.contracts.events.DeadlineExtended;
import vn.langnghe.contracts.events.SubmissionAccepted;
import vn.langnghe.contracts.events.SubmissionClassified;
import vn.langnghe.contracts.events.SubmissionConcluded;
import vn.langnghe.contracts.events.SubmissionKind;
import vn.langnghe.contracts.events.SubmissionLifecycleEvent;
import vn.langnghe.contracts.events.SubmissionOutcome;
import vn.langnghe.contracts.events.SubmissionReceived;
import vn.langnghe.contracts.events.ReporterIdentityErased;
import vn.langnghe.contracts.events.TipRatedValuable;
import vn.langnghe.contracts.events.Track;
import vn.langnghe.contracts.events.VerificationStarted;

/**
 * The rules of intake's lifecycle contracts, each checked on both sides: the schema rejects the JSON
 * and the record refuses to be built, so a producer cannot write what a consumer would refuse.
 */
class SubmissionLifecycleEventsTest {

    private static final UUID SUBMISSION = UUID.fromString("0f8e4d2c-6b1a-4c3e-9d7f-1a2b3c4d5e6f");
    private static final Instant AT = Instant.parse("2019-12-02T02:40:00Z");

    private final ContractValidator validator = ContractValidator.standard();
    private final ContractRegistry registry = ContractRegistry.standard();

    // --- where they sit in the hierarchy ---

    @Test
    void theLifecycleEventsAreRegisteredOnTheSubmissionTopicAndAreNotOutcomes() {
        List<Class<?>> lifecycle = Arrays.asList(SubmissionLifecycleEvent.class.getPermittedSubclasses());

        assertThat(lifecycle).hasSize(8); // seven lifecycle steps and the erasure of a reporter
        for (Class<?> type : lifecycle) {
            @SuppressWarnings("unchecked")
            Contract contract = registry.forRecord((Class<? extends ContractEvent>) type);
            assertThat(contract.kafkaTopic()).isEqualTo(Topics.INTAKE_SUBMISSION_EVENTS);
            assertThat(contract.version()).isEqualTo(1);
            assertThat(SubmissionOutcome.class.isAssignableFrom(type)).as(type.getSimpleName()).isFalse();
        }
    }

    @Test
    void aConsumerCanSwitchOverTheLifecycleExhaustively() {
        SubmissionLifecycleEvent event = (SubmissionLifecycleEvent) ContractCodec.standard()
                .decode(SubmissionConcluded.TYPE, example(SubmissionConcluded.TYPE));

        String step = switch (event) {
            case SubmissionReceived e -> "received";
            case SubmissionClassified e -> "classified";
            case SubmissionAccepted e -> "accepted";
            case VerificationStarted e -> "verifying";
            case SubmissionConcluded e -> "concluded " + e.conclusion();
            case DeadlineExtended e -> "extended";
            case TipRatedValuable e -> "valuable";
            case ReporterIdentityErased e -> "reporter erased";
        };

        assertThat(step).isEqualTo("concluded PARTLY_FOUNDED");
        assertThat(event.submissionId()).isEqualTo(SUBMISSION);
    }

    // --- SubmissionReceived ---

    @ParameterizedTest
    @ValueSource(strings = {"HP-2019-004213", "7k2m-q9xa-4trb", "7K2M-Q9XA-4TR", "7K2M-Q9XA-4TRB-", "7K2MQ9XA4TRB",
            "7K2M_Q9XA_4TRB", " 7K2M-Q9XA-4TRB", "7K2M-Q9XA-4TRB\n", ""})
    void aMalformedTrackingCodeIsRejected(String trackingCode) {
        ObjectNode data = example(SubmissionReceived.TYPE).put("trackingCode", trackingCode);

        assertThat(validator.validate(SubmissionReceived.TYPE, data))
                .anySatisfy(v -> assertThat(v.location()).contains("trackingCode"));
        assertThatThrownBy(() -> received(trackingCode, Channel.HOTLINE, true, "idv:1", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trackingCode");
    }

    @Test
    void anUnknownChannelIsRejected() {
        ObjectNode data = example(SubmissionReceived.TYPE).put("channel", "CARRIER_PIGEON");

        assertThat(validator.validate(SubmissionReceived.TYPE, data))
                .anySatisfy(v -> assertThat(v.keyword()).isEqualTo("enum"));
    }

    @Test
    void everyChannelIsAccepted() {
        for (Channel channel : Channel.values()) {
            ObjectNode data = example(SubmissionReceived.TYPE).put("channel", channel.name());
            assertThat(validator.validate(SubmissionReceived.TYPE, data)).as(channel.name()).isEmpty();
        }
    }

    @Test
    void anAnonymousSubmissionHasNoReporterRef() {
        ObjectNode data = example(SubmissionReceived.TYPE).put("identified", false).putNull("reporterRef");

        assertThat(validator.validate(SubmissionReceived.TYPE, data)).isEmpty();
        assertThat(received("7K2M-Q9XA-4TRB", Channel.SUGGESTION_BOX, false, null, null, null).identified()).isFalse();
    }

    @Test
    void aReporterRefMakesTheSubmissionIdentified() {
        ObjectNode data = example(SubmissionReceived.TYPE).put("identified", false);

        assertThat(validator.validate(SubmissionReceived.TYPE, data))
                .anySatisfy(v -> assertThat(v.location()).contains("identified"));
        assertThatThrownBy(() -> received("7K2M-Q9XA-4TRB", Channel.HOTLINE, false, "idv:1", null, null))
                .hasMessageContaining("identified");
    }

    @Test
    void anEmptyOrOverlongReporterRefIsRejected() {
        assertThat(validator.validate(SubmissionReceived.TYPE, example(SubmissionReceived.TYPE).put("reporterRef", "")))
                .anySatisfy(v -> assertThat(v.keyword()).isEqualTo("minLength"));
        assertThat(validator.validate(SubmissionReceived.TYPE,
                example(SubmissionReceived.TYPE).put("reporterRef", "r".repeat(101))))
                .anySatisfy(v -> assertThat(v.keyword()).isEqualTo("maxLength"));
        assertThatThrownBy(() -> received("7K2M-Q9XA-4TRB", Channel.HOTLINE, true, "r".repeat(101), null, null))
                .hasMessageContaining("reporterRef");
    }

    @Test
    void aPartnerClientIdMayComeWithAnyChannel_aHotlineCallCentreIsAPartnerToo() {
        ObjectNode viaPortal = example(SubmissionReceived.TYPE)
                .put("channel", "PARTNER_PORTAL").put("partnerClientId", "zalo-mini-app");
        ObjectNode viaHotline = example(SubmissionReceived.TYPE).put("channel", "HOTLINE")
                .put("partnerClientId", "tong-dai-113");

        assertThat(validator.validate(SubmissionReceived.TYPE, viaPortal)).isEmpty();
        assertThat(validator.validate(SubmissionReceived.TYPE, viaHotline)).isEmpty();
        assertThatThrownBy(() -> received("7K2M-Q9XA-4TRB", Channel.PARTNER_PORTAL, true, "idv:1", "c".repeat(201), null))
                .hasMessageContaining("partnerClientId");
    }

    @Test
    void anOriginatingOpinionComesOnlyThroughAForum() {
        String opinion = "5d2f7c1e-8a43-4b6e-9f10-2c7d3e9a4b61";
        ObjectNode viaForum = example(SubmissionReceived.TYPE).put("channel", "FORUM").put("originatingOpinionId", opinion);
        ObjectNode viaMail = example(SubmissionReceived.TYPE).put("channel", "MAIL").put("originatingOpinionId", opinion);

        assertThat(validator.validate(SubmissionReceived.TYPE, viaForum)).isEmpty();
        assertThat(validator.validate(SubmissionReceived.TYPE, viaMail))
                .anySatisfy(v -> assertThat(v.location()).contains("channel"));
        assertThatThrownBy(() -> received("7K2M-Q9XA-4TRB", Channel.MAIL, true, "idv:1", null, UUID.fromString(opinion)))
                .hasMessageContaining("FORUM");
    }

    @Test
    void aDeclaredTopicIsACodeNotText() {
        ObjectNode data = example(SubmissionReceived.TYPE).put("declaredTopic", "tín dụng đen");

        assertThat(validator.validate(SubmissionReceived.TYPE, data))
                .anySatisfy(v -> assertThat(v.keyword()).isEqualTo("pattern"));
        assertThatThrownBy(() -> new SubmissionReceived(SUBMISSION, "7K2M-Q9XA-4TRB", SubmissionKind.TIP, Channel.MAIL,
                "HP-LECHAN", false, null, null, null, "tín dụng đen", AT))
                .hasMessageContaining("declaredTopic");
    }

    @Test
    void aUnitNameInsteadOfACodeIsRejected() {
        ObjectNode data = example(SubmissionReceived.TYPE).put("unitId", "Công an quận Lê Chân");

        assertThat(validator.validate(SubmissionReceived.TYPE, data))
                .anySatisfy(v -> assertThat(v.keyword()).isEqualTo("pattern"));
        assertThatThrownBy(() -> new SubmissionReceived(SUBMISSION, "7K2M-Q9XA-4TRB", SubmissionKind.TIP, Channel.MAIL,
                "Công an quận Lê Chân", false, null, null, null, null, AT))
                .hasMessageContaining("unitId");
    }

    // --- SubmissionClassified ---

    @Test
    void aPublicSummaryOver2000CharactersIsRejected() {
        ObjectNode data = example(SubmissionClassified.TYPE).put("publicSummary", "ạ".repeat(2001));

        assertThat(validator.validate(SubmissionClassified.TYPE, data))
                .anySatisfy(v -> assertThat(v.keyword()).isEqualTo("maxLength"));
        assertThatThrownBy(() -> classified("ạ".repeat(2001), List.of(), Track.STANDARD))
                .hasMessageContaining("publicSummary");
    }

    @Test
    void anEmptyPublicSummaryIsRejected() {
        ObjectNode data = example(SubmissionClassified.TYPE).put("publicSummary", "");

        assertThat(validator.validate(SubmissionClassified.TYPE, data))
                .anySatisfy(v -> assertThat(v.keyword()).isEqualTo("minLength"));
        assertThatThrownBy(() -> classified("", List.of(), Track.STANDARD)).hasMessageContaining("publicSummary");
    }

    @Test
    void lengthsCountCharactersNotUtf16Units() {
        String astral = "\uD835\uDC00".repeat(2000); // 2000 code points, 4000 UTF-16 units
        ObjectNode data = example(SubmissionClassified.TYPE).put("publicSummary", astral);

        assertThat(validator.validate(SubmissionClassified.TYPE, data)).isEmpty();
        assertThatCode(() -> classified(astral, List.of(), Track.STANDARD)).doesNotThrowAnyException();
    }

    @Test
    void anUnknownTrackIsRejected() {
        ObjectNode data = example(SubmissionClassified.TYPE).put("track", "FAST");

        assertThat(validator.validate(SubmissionClassified.TYPE, data))
                .anySatisfy(v -> assertThat(v.keyword()).isEqualTo("enum"));
    }

    @Test
    void anAnonymousDenunciationGoesToTheInspectionTrack() {
        ObjectNode data = example(SubmissionClassified.TYPE).put("track", "INSPECTION");

        assertThat(validator.validate(SubmissionClassified.TYPE, data)).isEmpty();
        assertThat(classified("Tố cáo nặc danh, chuyển kiểm tra, xác minh.", List.of(), Track.INSPECTION).track())
                .isEqualTo(Track.INSPECTION);
    }

    @Test
    void tagsAreDistinctTopicCodesAndMayBeEmpty() {
        ObjectNode empty = example(SubmissionClassified.TYPE);
        empty.putArray("tags");
        ObjectNode repeated = example(SubmissionClassified.TYPE);
        repeated.putArray("tags").add("THEFT").add("THEFT");
        ObjectNode text = example(SubmissionClassified.TYPE);
        text.putArray("tags").add("trộm cắp");

        assertThat(validator.validate(SubmissionClassified.TYPE, empty)).isEmpty();
        assertThat(validator.validate(SubmissionClassified.TYPE, repeated))
                .anySatisfy(v -> assertThat(v.keyword()).isEqualTo("uniqueItems"));
        assertThat(validator.validate(SubmissionClassified.TYPE, text))
                .anySatisfy(v -> assertThat(v.keyword()).isEqualTo("pattern"));
        assertThatThrownBy(() -> classified("Tóm tắt.", List.of("THEFT", "THEFT"), Track.STANDARD)).hasMessageContaining("tags");
        assertThatThrownBy(() -> classified("Tóm tắt.", List.of("trộm cắp"), Track.STANDARD)).hasMessageContaining("tags");
        assertThatThrownBy(() -> classified("Tóm tắt.", null, Track.STANDARD)).hasMessageContaining("tags");
    }

    @Test
    void theRecordKeepsAnImmutableCopyOfTheTags() {
        var tags = new java.util.ArrayList<>(List.of("THEFT"));
        SubmissionClassified event = classified("Tóm tắt.", tags, Track.STANDARD);
        tags.add("PUBLIC_DISORDER");

        assertThat(event.tags()).containsExactly("THEFT");
        assertThatThrownBy(() -> event.tags().add("X")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aReclassificationIsAnotherClassifiedEventForTheSameSubmission() {
        SubmissionClassified first = (SubmissionClassified) ContractCodec.standard()
                .decode(SubmissionClassified.TYPE, example(SubmissionClassified.TYPE));
        SubmissionClassified again = new SubmissionClassified(first.submissionId(), SubmissionKind.CRIME_REPORT,
                "LOAN_SHARKS", List.of(), "HP", "Chuyển sang xử lý như tố giác tội phạm.", false, Track.STANDARD,
                first.effectiveAt().plusSeconds(86_400));

        assertThat(ContractCodec.standard().decode(SubmissionClassified.TYPE, ContractCodec.standard().encode(again)))
                .isEqualTo(again);
        assertThat(again.submissionId()).isEqualTo(first.submissionId());
    }

    // --- the small ones ---

    @Test
    void aConclusionIsRequiredAndKnown() {
        ObjectNode missing = example(SubmissionConcluded.TYPE).putNull("conclusion");
        ObjectNode unknown = example(SubmissionConcluded.TYPE).put("conclusion", "MAYBE");

        assertThat(validator.validate(SubmissionConcluded.TYPE, missing)).isNotEmpty();
        assertThat(validator.validate(SubmissionConcluded.TYPE, unknown))
                .anySatisfy(v -> assertThat(v.keyword()).isEqualTo("enum"));
        assertThatThrownBy(() -> new SubmissionConcluded(SUBMISSION, null, AT)).hasMessageContaining("conclusion");
        assertThat(new SubmissionConcluded(SUBMISSION, Conclusion.UNFOUNDED, AT).conclusion().labelVi()).isEqualTo("sai");
    }

    @ParameterizedTest
    @ValueSource(strings = {"complex_case", "C", "1COMPLEX", "COMPLEX CASE", "COMPLEX-CASE", "A23456789012345678901234567890123456789012"})
    void aMalformedReasonCodeIsRejected(String reasonCode) {
        ObjectNode data = example(DeadlineExtended.TYPE).put("reasonCode", reasonCode);

        assertThat(validator.validate(DeadlineExtended.TYPE, data))
                .anySatisfy(v -> assertThat(v.location()).contains("reasonCode"));
        assertThatThrownBy(() -> new DeadlineExtended(SUBMISSION, reasonCode, "Lý do.", AT))
                .hasMessageContaining("reasonCode");
    }

    @Test
    void anExtensionReasonIsOneTo500Characters() {
        assertThat(validator.validate(DeadlineExtended.TYPE, example(DeadlineExtended.TYPE).put("reason", "")))
                .anySatisfy(v -> assertThat(v.keyword()).isEqualTo("minLength"));
        assertThat(validator.validate(DeadlineExtended.TYPE, example(DeadlineExtended.TYPE).put("reason", "a".repeat(501))))
                .anySatisfy(v -> assertThat(v.keyword()).isEqualTo("maxLength"));
        assertThatThrownBy(() -> new DeadlineExtended(SUBMISSION, "PROCURACY_DECISION", "a".repeat(501), AT))
                .hasMessageContaining("reason");
        assertThat(new DeadlineExtended(SUBMISSION, "PROCURACY_DECISION", "a".repeat(500), AT).reasonCode())
                .isEqualTo("PROCURACY_DECISION");
    }

    @Test
    void theBooleansAreRequiredOnTheWire() {
        ObjectNode accepted = example(SubmissionAccepted.TYPE);
        accepted.remove("complex");

        assertThatThrownBy(() -> ContractCodec.standard().decode(SubmissionAccepted.TYPE, accepted))
                .isInstanceOf(ContractViolationException.class)
                .hasMessageContaining("complex");
    }

    private ObjectNode example(String type) {
        return Resources.example(registry.get(type));
    }

    private static SubmissionReceived received(String trackingCode, Channel channel, boolean identified,
            String reporterRef, String partnerClientId, UUID originatingOpinionId) {
        return new SubmissionReceived(SUBMISSION, trackingCode, SubmissionKind.DENUNCIATION, channel, "HP-LECHAN",
                identified, reporterRef, partnerClientId, originatingOpinionId, null, AT);
    }

    private static SubmissionClassified classified(String publicSummary, List<String> tags, Track track) {
        return new SubmissionClassified(SUBMISSION, SubmissionKind.DENUNCIATION, "LOAN_SHARKS", tags, "HP-LECHAN",
                publicSummary, false, track, AT);
    }
}
