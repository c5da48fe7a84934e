package vn.langnghe.intake.domain.submission;

import vn.langnghe.contracts.events.Channel;
import vn.langnghe.contracts.events.Track;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.langnghe.contracts.events.Conclusion;
import vn.langnghe.contracts.events.NotAcceptedReason;
import vn.langnghe.contracts.events.SubmissionKind;
import vn.langnghe.contracts.reference.ReferenceData;
import vn.langnghe.intake.domain.submission.SubmissionCommand.Accept;
import vn.langnghe.intake.domain.submission.SubmissionCommand.Answer;
import vn.langnghe.intake.domain.submission.SubmissionCommand.Classify;
import vn.langnghe.intake.domain.submission.SubmissionCommand.Conclude;
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
import vn.langnghe.intake.domain.submission.SubmissionEvent.Received;
import vn.langnghe.intake.domain.submission.SubmissionEvent.Transferred;
import vn.langnghe.intake.domain.submission.SubmissionEvent.VerificationStarted;
import vn.langnghe.intake.domain.submission.SubmissionEvent.Withdrawn;

class SubmissionDeciderTest {

    static final LocalDate TODAY = LocalDate.of(2022, 6, 30);
    static final LocalDate D1 = LocalDate.of(2022, 6, 1);
    static final LocalDate D2 = LocalDate.of(2022, 6, 3);
    static final LocalDate D3 = LocalDate.of(2022, 6, 10);
    static final UUID ID = UUID.fromString("7d0c3f5e-2b1a-4c8e-9f60-1a2b3c4d5e6f");
    static final UUID OPINION = UUID.fromString("0f1e2d3c-4b5a-4968-8776-655443322110");
    static final String CODE = "AB12-CD34-EF56";
    static final String WARD = "HP-LECHAN-ANDUONG";
    static final String REPORTER = "idv-42";

    private final ReferenceData reference = ReferenceData.load();
    private final SubmissionDecider decider = new SubmissionDecider(TODAY, reference.topics(), reference.units(),
            (submission, reason) -> submission.extensions().size() >= 2
                    ? Optional.of("no more extensions") : Optional.empty());
    private final DeciderSpec<SubmissionCommand, Submission, SubmissionEvent> spec = DeciderSpec.of(decider);

    static Received received(SubmissionKind kind, String reporterRef) {
        return new Received(ID, CODE, kind, Channel.PARTNER_PORTAL, WARD, reporterRef, "portal-hp", null, null, D1);
    }

    static Classified classified(SubmissionKind kind, Track track) {
        return new Classified(ID, kind, "THEFT", List.of(), WARD, "Trộm cắp xe máy tại khu dân cư", false, track, D2);
    }

    // --- receipt ---------------------------------------------------------------------------------------------

    @Test
    void givenNothing_whenAComplaintIsReceived_thenItIsRecordedAsReceived() {
        spec.when(new Receive(ID, CODE, SubmissionKind.COMPLAINT, Channel.PARTNER_PORTAL, WARD, REPORTER, "portal-hp",
                        null, null, D1))
                .then(received(SubmissionKind.COMPLAINT, REPORTER));
    }

    @Test
    void givenAReceivedSubmission_whenReceivedAgain_thenRefused() {
        spec.given(received(SubmissionKind.TIP, null))
                .when(new Receive(ID, CODE, SubmissionKind.TIP, Channel.HOTLINE, WARD, null, null, null, null, D1))
                .thenRefused("ALREADY_RECEIVED");
    }

    @Test
    void whenReceivedWithAFutureDate_thenRefusedOnEffectiveOn() {
        spec.when(new Receive(ID, CODE, SubmissionKind.TIP, Channel.HOTLINE, WARD, null, null, null, null,
                        TODAY.plusDays(1)))
                .thenRefused("IN_THE_FUTURE");
    }

    @Test
    void whenReceivedForAnUnknownUnit_thenRefusedOnUnitId() {
        spec.when(new Receive(ID, CODE, SubmissionKind.TIP, Channel.HOTLINE, "NOWHERE", null, null, null, null, D1))
                .thenRefusedOnField("unitId");
    }

    @Test
    void whenReceivedFromAForumWithoutTheOpinion_thenRefused() {
        spec.when(new Receive(ID, CODE, SubmissionKind.COMPLAINT, Channel.FORUM, WARD, REPORTER, null, null, null, D1))
                .thenRefusedOnField("originatingOpinionId");
    }

    @Test
    void whenAPaperRecordFrom2019IsKeyedIn_thenTheUnitOfThatDateCounts() {
        // Lê Chân district police existed in 2019 (district level dissolved on 2025-03-01).
        LocalDate paper = LocalDate.of(2019, 5, 10);
        spec.when(new Receive(ID, CODE, SubmissionKind.PETITION, Channel.SUGGESTION_BOX, "HP-LECHAN", null, null, null,
                        null, paper))
                .then(new Received(ID, CODE, SubmissionKind.PETITION, Channel.SUGGESTION_BOX, "HP-LECHAN", null, null,
                        null, null, paper));
    }

    // --- classification ----------------------------------------------------------------------------------------

    @Test
    void givenAnAnonymousDenunciation_whenClassified_thenItGoesToTheInspectionTrack() {
        spec.given(received(SubmissionKind.DENUNCIATION, null))
                .when(new Classify(SubmissionKind.DENUNCIATION, "REPORT_HANDLING", List.of(), WARD, "Tố cáo cán bộ",
                        D2))
                .thenState(s -> assertThat(s.track()).isEqualTo(Track.INSPECTION));
    }

    @Test
    void givenAnIdentifiedDenunciation_whenClassified_thenItStaysOnTheStandardTrack() {
        spec.given(received(SubmissionKind.DENUNCIATION, REPORTER))
                .when(new Classify(SubmissionKind.DENUNCIATION, "REPORT_HANDLING", List.of(), WARD, "Tố cáo cán bộ",
                        D2))
                .thenState(s -> {
                    assertThat(s.track()).isEqualTo(Track.STANDARD);
                    assertThat(s.isIdentifiedDenunciation()).isTrue();
                });
    }

    @Test
    void givenAClassifiedSubmission_whenReclassified_thenTheNewKindAndTopicApply_andBothStepsStayInHistory() {
        spec.given(received(SubmissionKind.PETITION, REPORTER), classified(SubmissionKind.PETITION, Track.STANDARD))
                .when(new Classify(SubmissionKind.COMPLAINT, "ADMIN_PROCEDURES", List.of("REPORT_HANDLING"), WARD,
                        "Khiếu nại thủ tục cư trú", D3))
                .thenState(s -> {
                    assertThat(s.kind()).isEqualTo(SubmissionKind.COMPLAINT);
                    assertThat(s.topic()).isEqualTo("ADMIN_PROCEDURES");
                    assertThat(s.classifiedOn()).isEqualTo(D2);
                });
    }

    @Test
    void whenClassifiedWithAnUnknownTag_thenTheTagIsNamed() {
        spec.given(received(SubmissionKind.TIP, null))
                .when(new Classify(SubmissionKind.TIP, "DRUGS", List.of("PATROLS", "NOPE"), WARD, "Ma túy", D2))
                .thenRefusedOnField("tags[1]");
    }

    @Test
    void whenClassifiedWithoutAPublicSummary_thenRefused() {
        spec.given(received(SubmissionKind.TIP, null))
                .when(new Classify(SubmissionKind.TIP, "DRUGS", List.of(), WARD, " ", D2))
                .thenRefusedOnField("publicSummary");
    }

    @Test
    void whenClassifiedForARemoteUnit_thenTheRemoteFlagIsRecorded() {
        String remote = reference.units().all().stream().filter(u -> u.remoteArea() && u.existsOn(D2))
                .findFirst().orElseThrow().code();
        spec.given(received(SubmissionKind.COMPLAINT, REPORTER))
                .when(new Classify(SubmissionKind.COMPLAINT, "OTHER", List.of(), remote, "Khiếu nại", D2))
                .thenState(s -> assertThat(s.remoteArea()).isTrue());
    }

    // --- acceptance, verification, conclusion, answer -----------------------------------------------------------

    @Test
    void givenAClassifiedComplaint_whenAccepted_thenTheClockStarts() {
        spec.given(received(SubmissionKind.COMPLAINT, REPORTER), classified(SubmissionKind.COMPLAINT, Track.STANDARD))
                .when(new Accept(true, D3))
                .then(new Accepted(ID, true, D3));
    }

    @Test
    void givenAnAnonymousDenunciation_whenAccepted_thenRefused() {
        spec.given(received(SubmissionKind.DENUNCIATION, null), classified(SubmissionKind.DENUNCIATION, Track.INSPECTION))
                .when(new Accept(false, D3))
                .thenRefused("ANONYMOUS_DENUNCIATION");
    }

    @Test
    void givenAnAnonymousDenunciation_whenVerificationStartsWithoutAcceptance_thenAllowed() {
        spec.given(received(SubmissionKind.DENUNCIATION, null), classified(SubmissionKind.DENUNCIATION, Track.INSPECTION))
                .when(new StartVerification(D3))
                .then(new VerificationStarted(ID, D3));
    }

    @Test
    void givenAnUnclassifiedSubmission_whenAccepted_thenRefusedAsWrongState() {
        spec.given(received(SubmissionKind.COMPLAINT, REPORTER)).when(new Accept(false, D3)).thenRefused("WRONG_STATE");
    }

    @Test
    void givenAStep_whenTheNextIsDatedBeforeIt_thenRefused() {
        spec.given(received(SubmissionKind.COMPLAINT, REPORTER), classified(SubmissionKind.COMPLAINT, Track.STANDARD))
                .when(new Accept(false, D1))
                .thenRefused("BEFORE_PREVIOUS_STEP");
    }

    @Test
    void givenAVerifiedComplaint_whenConcluded_thenAnswered_theAnswerCarriesTheConclusion() {
        spec.given(received(SubmissionKind.COMPLAINT, REPORTER), classified(SubmissionKind.COMPLAINT, Track.STANDARD),
                        new Accepted(ID, false, D3), new VerificationStarted(ID, D3),
                        new Concluded(ID, Conclusion.PARTLY_FOUNDED, D3))
                .when(new Answer("Đã trả lời công dân", D3))
                .then(new Answered(ID, CODE, SubmissionKind.COMPLAINT, WARD, null, Conclusion.PARTLY_FOUNDED,
                        "Đã trả lời công dân", D3));
    }

    @Test
    void givenAnUnverifiedComplaint_whenAnswered_thenRefused() {
        spec.given(received(SubmissionKind.COMPLAINT, REPORTER), classified(SubmissionKind.COMPLAINT, Track.STANDARD),
                        new Accepted(ID, false, D3))
                .when(new Answer("Trả lời", D3))
                .thenRefused("WRONG_STATE");
    }

    @Test
    void givenAClassifiedPetition_whenAnsweredWithoutVerification_thenAllowedWithoutConclusion() {
        spec.given(received(SubmissionKind.PETITION, REPORTER), classified(SubmissionKind.PETITION, Track.STANDARD))
                .when(new Answer("Đã tiếp thu kiến nghị", D3))
                .then(new Answered(ID, CODE, SubmissionKind.PETITION, WARD, null, null, "Đã tiếp thu kiến nghị", D3));
    }

    @Test
    void givenASubmissionFromAForum_whenAnswered_thenTheOutcomeNamesTheOpinion() {
        Received fromForum = new Received(ID, CODE, SubmissionKind.PETITION, Channel.FORUM, WARD, REPORTER, null, OPINION,
                "SCHOOL_GATE_CONGESTION", D1);
        spec.given(fromForum, classified(SubmissionKind.PETITION, Track.STANDARD))
                .when(new Answer("Đã phân luồng giao thông cổng trường", D3))
                .thenState(s -> assertThat(s.originatingOpinionId()).isEqualTo(OPINION));
        assertThat(decider.decide(new Answer("x", D3), decider.fold(Submission.NONE,
                List.of(fromForum, classified(SubmissionKind.PETITION, Track.STANDARD)))))
                .singleElement()
                .isInstanceOfSatisfying(Answered.class, a -> assertThat(a.originatingOpinionId()).isEqualTo(OPINION));
    }

    // --- side exits --------------------------------------------------------------------------------------------

    @Test
    void givenAReceivedSubmission_whenTransferred_thenClosedAsTransferred() {
        spec.given(received(SubmissionKind.PETITION, REPORTER))
                .when(new Transfer("UBND phường An Dương", "thuộc thẩm quyền chính quyền địa phương", D2))
                .then(new Transferred(ID, CODE, SubmissionKind.PETITION, WARD, null, "UBND phường An Dương",
                        "thuộc thẩm quyền chính quyền địa phương", D2));
    }

    @Test
    void givenAnAcceptedSubmission_whenTransferred_thenRefused() {
        spec.given(received(SubmissionKind.COMPLAINT, REPORTER), classified(SubmissionKind.COMPLAINT, Track.STANDARD),
                        new Accepted(ID, false, D3))
                .when(new Transfer("Thanh tra", "lý do", D3))
                .thenRefused("WRONG_STATE");
    }

    @Test
    void givenAClassifiedComplaint_whenNotAccepted_thenTheLegalReasonIsRecorded() {
        spec.given(received(SubmissionKind.COMPLAINT, REPORTER), classified(SubmissionKind.COMPLAINT, Track.STANDARD))
                .when(new RefuseAcceptance(NotAcceptedReason.TIME_BARRED, "quá thời hiệu", D3))
                .then(new NotAccepted(ID, CODE, SubmissionKind.COMPLAINT, WARD, null, NotAcceptedReason.TIME_BARRED,
                        "quá thời hiệu", D3));
    }

    @Test
    void givenAnOpenSubmission_whenMergedIntoItself_thenRefused() {
        spec.given(received(SubmissionKind.TIP, null)).when(new MarkDuplicate(ID, D2)).thenRefusedOnField("mergedInto");
    }

    @Test
    void givenAnOpenSubmission_whenMergedIntoAnother_thenClosedAsMerged() {
        UUID other = UUID.randomUUID();
        spec.given(received(SubmissionKind.TIP, null))
                .when(new MarkDuplicate(other, D2))
                .then(new Merged(ID, CODE, SubmissionKind.TIP, WARD, null, other, D2));
    }

    @Test
    void givenAnAnsweredSubmission_whenWithdrawn_thenRefused() {
        spec.given(received(SubmissionKind.PETITION, REPORTER), classified(SubmissionKind.PETITION, Track.STANDARD),
                        new Answered(ID, CODE, SubmissionKind.PETITION, WARD, null, null, "xong", D3))
                .when(new Withdraw(D3))
                .thenRefused("WRONG_STATE");
    }

    @Test
    void givenAnOpenSubmission_whenWithdrawn_thenClosedAsWithdrawn() {
        spec.given(received(SubmissionKind.COMPLAINT, REPORTER))
                .when(new Withdraw(D2))
                .then(new Withdrawn(ID, CODE, SubmissionKind.COMPLAINT, WARD, null, D2));
    }

    // --- extensions and valuable tips --------------------------------------------------------------------------

    @Test
    void givenAnAcceptedDenunciation_whenExtended_thenTheDecisionAndReasonAreRecorded() {
        spec.given(received(SubmissionKind.DENUNCIATION, REPORTER), classified(SubmissionKind.DENUNCIATION, Track.STANDARD),
                        new Accepted(ID, true, D3))
                .when(new ExtendDeadline("COMPLEX_CASE", "Vụ việc phức tạp", D3))
                .then(new DeadlineExtended(ID, "COMPLEX_CASE", "Vụ việc phức tạp", D3));
    }

    @Test
    void givenTheExtensionsTheLawAllows_whenExtendedAgain_thenRefusedWithThePolicysReason() {
        spec.given(received(SubmissionKind.DENUNCIATION, REPORTER), classified(SubmissionKind.DENUNCIATION, Track.STANDARD),
                        new Accepted(ID, true, D3), new DeadlineExtended(ID, "COMPLEX_CASE", "1", D3),
                        new DeadlineExtended(ID, "COMPLEX_CASE", "2", D3))
                .when(new ExtendDeadline("COMPLEX_CASE", "3", D3))
                .thenRefused("EXTENSION_NOT_ALLOWED");
    }

    @Test
    void givenATip_whenRatedValuable_thenRecordedOnce() {
        spec.given(received(SubmissionKind.TIP, null)).when(new RateValuable(D2)).then(new RatedValuable(ID, D2));
        spec.given(received(SubmissionKind.TIP, null), new RatedValuable(ID, D2))
                .when(new RateValuable(D2))
                .thenRefused("ALREADY_VALUABLE");
    }

    @Test
    void givenAComplaint_whenRatedValuable_thenRefused() {
        spec.given(received(SubmissionKind.COMPLAINT, REPORTER)).when(new RateValuable(D2)).thenRefused("NOT_A_TIP");
    }

    // --- erasure of the reporter ------------------------------------------------------------------------------

    static final java.time.Period RETENTION = java.time.Period.ofDays(10);

    @Test
    void givenAnOpenCase_whenTheReporterIsErased_thenRefusedWhileOpen() {
        spec.given(received(SubmissionKind.COMPLAINT, REPORTER))
                .when(new SubmissionCommand.EraseReporter(RETENTION, TODAY))
                .thenRefused("CASE_OPEN");
    }

    @Test
    void givenACaseClosedWithinItsRetention_whenTheReporterIsErased_thenRefused() {
        spec.given(received(SubmissionKind.COMPLAINT, REPORTER),
                        new Withdrawn(ID, CODE, SubmissionKind.COMPLAINT, WARD, null, TODAY.minusDays(9)))
                .when(new SubmissionCommand.EraseReporter(RETENTION, TODAY))
                .thenRefused("WITHIN_RETENTION");
    }

    @Test
    void givenACaseClosedLongEnoughAgo_whenTheReporterIsErased_thenTheReferenceIsForgotten_once() {
        Withdrawn closed = new Withdrawn(ID, CODE, SubmissionKind.COMPLAINT, WARD, null, TODAY.minusDays(10));
        SubmissionEvent.ReporterErased erased = new SubmissionEvent.ReporterErased(ID, REPORTER, TODAY);
        spec.given(received(SubmissionKind.COMPLAINT, REPORTER), closed)
                .when(new SubmissionCommand.EraseReporter(RETENTION, TODAY))
                .then(erased);
        spec.given(received(SubmissionKind.COMPLAINT, REPORTER), closed, erased)
                .when(new SubmissionCommand.EraseReporter(RETENTION, TODAY))
                .thenRefused("ALREADY_ERASED");
    }

    @Test
    void givenAnAnonymousSubmission_whenTheReporterIsErased_thenRefused() {
        spec.given(received(SubmissionKind.TIP, null),
                        new Withdrawn(ID, CODE, SubmissionKind.TIP, WARD, null, D2))
                .when(new SubmissionCommand.EraseReporter(RETENTION, TODAY))
                .thenRefused("ANONYMOUS");
    }

    @Test
    void givenNoSubmission_whenAnyLaterCommandArrives_thenNotFound() {
        spec.when(new Accept(false, D2)).thenRefused("NOT_FOUND");
    }
}
