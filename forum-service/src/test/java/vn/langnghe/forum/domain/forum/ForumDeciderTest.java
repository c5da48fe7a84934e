package vn.langnghe.forum.domain.forum;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.langnghe.contracts.events.EscalationOutcome;
import vn.langnghe.contracts.events.OpinionNature;
import vn.langnghe.contracts.events.ParticipantGroup;
import vn.langnghe.contracts.events.SessionKind;
import vn.langnghe.contracts.events.SubmissionKind;
import vn.langnghe.contracts.reference.ReferenceData;
import vn.langnghe.forum.domain.forum.Forum.Attendance;
import vn.langnghe.forum.domain.forum.Forum.Delegate;
import vn.langnghe.forum.domain.forum.Forum.GroupCount;
import vn.langnghe.forum.domain.forum.ForumCommand.AnswerFollowUp;
import vn.langnghe.forum.domain.forum.ForumCommand.AnswerOnTheSpot;
import vn.langnghe.forum.domain.forum.ForumCommand.Close;
import vn.langnghe.forum.domain.forum.ForumCommand.CreateFollowUp;
import vn.langnghe.forum.domain.forum.ForumCommand.Escalate;
import vn.langnghe.forum.domain.forum.ForumCommand.MarkCommitmentFulfilled;
import vn.langnghe.forum.domain.forum.ForumCommand.Open;
import vn.langnghe.forum.domain.forum.ForumCommand.PublishMinutes;
import vn.langnghe.forum.domain.forum.ForumCommand.RecordEscalationOutcome;
import vn.langnghe.forum.domain.forum.ForumCommand.RecordOpinion;
import vn.langnghe.forum.domain.forum.ForumCommand.Schedule;
import vn.langnghe.forum.domain.forum.ForumEvent.AnsweredOnTheSpot;
import vn.langnghe.forum.domain.forum.ForumEvent.Closed;
import vn.langnghe.forum.domain.forum.ForumEvent.CommitmentFulfilled;
import vn.langnghe.forum.domain.forum.ForumEvent.EscalationOutcomeRecorded;
import vn.langnghe.forum.domain.forum.ForumEvent.FollowUpAnswered;
import vn.langnghe.forum.domain.forum.ForumEvent.FollowUpCreated;
import vn.langnghe.forum.domain.forum.ForumEvent.MinutesPublished;
import vn.langnghe.forum.domain.forum.ForumEvent.Opened;
import vn.langnghe.forum.domain.forum.ForumEvent.OpinionEscalated;
import vn.langnghe.forum.domain.forum.ForumEvent.OpinionRecorded;
import vn.langnghe.forum.domain.forum.ForumEvent.Scheduled;

/**
 * The forum at phường An Dương, quận Lê Chân, early December 2019 (seed 004), hosted by the Hải Phòng
 * city police: one rule per test.
 */
class ForumDeciderTest {

    static final LocalDate TODAY = LocalDate.of(2019, 12, 31);
    static final LocalDate PLANNED = LocalDate.of(2019, 11, 25);
    static final LocalDate DAY = LocalDate.of(2019, 12, 5);
    static final LocalDateTime STARTS = DAY.atTime(8, 0);
    static final LocalDate LATER = LocalDate.of(2019, 12, 20);
    static final UUID FORUM = UUID.fromString("a1b9e0c4-3f6d-4e2a-8b57-9c0d1e2f3a4b");
    static final UUID OPINION = UUID.fromString("3c6e1a2b-7d4f-4e8a-9b0c-5d6e7f8a9b01");
    static final UUID OTHER_OPINION = UUID.fromString("8e2d4c6a-1b3f-4a5e-8c7d-9e0f1a2b3c4d");
    static final UUID SUBMISSION = UUID.fromString("0f8e4d2c-6b1a-4c3e-9d7f-1a2b3c4d5e6f");
    static final String CITY = "HP";
    static final String DISTRICT = "HP-LECHAN";
    static final String WARD = "HP-LECHAN-ANDUONG";
    static final String SPEAKER = "idv:2b7e4f1a";
    static final Delegate HEAD = new Delegate(CITY, "Phó Giám đốc Công an thành phố");
    static final Delegate MEMBER = new Delegate(DISTRICT, "Trưởng Công an quận Lê Chân");
    static final List<ParticipantGroup> INVITED = List.of(ParticipantGroup.FATHERLAND_FRONT, ParticipantGroup.VETERANS,
            ParticipantGroup.RESIDENTIAL_GROUP, ParticipantGroup.CITIZEN_REPRESENTATIVE);
    static final List<GroupCount> COUNTED = List.of(new GroupCount(ParticipantGroup.FATHERLAND_FRONT, 8),
            new GroupCount(ParticipantGroup.RESIDENTIAL_GROUP, 41), new GroupCount(ParticipantGroup.CITIZEN_REPRESENTATIVE, 30));
    static final String SUMMARY = "Đề nghị bố trí lực lượng phân luồng giao thông tại cổng trường giờ tan học.";
    static final String ANSWER = "Công an quận sẽ phối hợp bố trí lực lượng phân luồng tại cổng trường.";
    static final String COMMITMENT = "Bố trí lực lượng phân luồng cổng trường giờ tan học.";
    static final String MINUTES = "126 đại biểu dự, 14 ý kiến; 9 trả lời tại chỗ, 4 ghi nhận trả lời sau.";

    private final ReferenceData reference = ReferenceData.load();
    private final ForumDecider decider = new ForumDecider(TODAY, reference.topics(), reference.units());
    private final DeciderSpec<ForumCommand, Forum, ForumEvent> spec = DeciderSpec.of(decider);

    // --- fixtures ----------------------------------------------------------------------------------------------

    static Schedule schedule(SessionKind kind, String host, String venue, LocalDateTime startsAt) {
        return new Schedule(FORUM, kind, host, venue, "Hội trường UBND phường An Dương", startsAt, HEAD, List.of(MEMBER),
                INVITED, PLANNED);
    }

    static Scheduled scheduled(SessionKind kind) {
        return new Scheduled(FORUM, kind, CITY, WARD, "Hội trường UBND phường An Dương", STARTS, HEAD, List.of(MEMBER),
                INVITED, PLANNED);
    }

    static Opened opened() {
        return new Opened(FORUM, new Attendance(79, COUNTED), DAY);
    }

    static OpinionRecorded recorded(UUID opinion) {
        return new OpinionRecorded(FORUM, opinion, ParticipantGroup.RESIDENTIAL_GROUP, SPEAKER, "SCHOOL_GATE_CONGESTION",
                List.of("TRAFFIC_SAFETY"), OpinionNature.REQUEST, SUMMARY, DAY);
    }

    static RecordOpinion record(UUID opinion, LocalDate on) {
        return new RecordOpinion(opinion, ParticipantGroup.RESIDENTIAL_GROUP, SPEAKER, "SCHOOL_GATE_CONGESTION",
                List.of("TRAFFIC_SAFETY"), OpinionNature.REQUEST, SUMMARY, on);
    }

    static AnsweredOnTheSpot answeredOnTheSpot(String commitment) {
        return new AnsweredOnTheSpot(FORUM, OPINION, DISTRICT, MEMBER.title(), ANSWER, commitment, DAY);
    }

    static FollowUpCreated followUp() {
        return new FollowUpCreated(FORUM, OPINION, CITY, LATER, DAY);
    }

    static OpinionEscalated escalated(SubmissionKind kind) {
        return new OpinionEscalated(FORUM, OPINION, kind, "SCHOOL_GATE_CONGESTION", List.of("TRAFFIC_SAFETY"), WARD,
                SPEAKER, SUMMARY, DAY);
    }

    static Closed closed() {
        return new Closed(FORUM, MINUTES, DAY);
    }

    /** A scheduled, opened forum with one opinion recorded, followed by {@code more}. */
    static List<ForumEvent> withOpinion(ForumEvent... more) {
        List<ForumEvent> events = new ArrayList<>(List.of(scheduled(SessionKind.FORUM), opened(), recorded(OPINION)));
        events.addAll(List.of(more));
        return events;
    }

    // --- schedule ----------------------------------------------------------------------------------------------

    @Test
    void givenNothing_whenAForumIsScheduledAtAWard_thenScheduledWithDelegationAndInvitedGroups() {
        spec.when(schedule(SessionKind.FORUM, CITY, WARD, STARTS)).then(scheduled(SessionKind.FORUM));
    }

    @Test
    void whenScheduledAtADistrict_thenRefused_aSessionIsHeldInAWardOrCommune() {
        spec.when(schedule(SessionKind.FORUM, CITY, DISTRICT, STARTS))
                .thenRefusedOnField("venueUnitId", "VENUE_NOT_COMMUNAL");
    }

    @Test
    void whenTheVenueIsOutsideTheHostUnit_thenRefused() {
        spec.when(schedule(SessionKind.FORUM, "HP-KIENAN", WARD, STARTS))
                .thenRefusedOnField("venueUnitId", "VENUE_OUTSIDE_HOST");
    }

    @Test
    void whenScheduledOnADayTheVenueDidNotExist_thenRefused() {
        spec.when(schedule(SessionKind.FORUM, CITY, WARD, LocalDateTime.of(1990, 5, 1, 8, 0)))
                .thenRefusedOnField("hostUnitId", "UNKNOWN_UNIT");
    }

    @Test
    void whenHostedIn2026ByADistrictPoliceDissolvedIn2025_thenRefused() {
        ForumDecider in2026 = new ForumDecider(LocalDate.of(2026, 3, 2), reference.topics(), reference.units());
        DeciderSpec.of(in2026)
                .when(new Schedule(FORUM, SessionKind.FORUM, DISTRICT, WARD, null, LocalDateTime.of(2026, 3, 20, 8, 0),
                        new Delegate(CITY, "Phó Giám đốc"), List.of(), List.of(), LocalDate.of(2026, 3, 2)))
                .thenRefusedOnField("hostUnitId", "UNKNOWN_UNIT");
    }

    @Test
    void whenScheduledMoreThanAYearAhead_thenRefused() {
        spec.when(schedule(SessionKind.FORUM, CITY, WARD, TODAY.plusYears(2).atTime(8, 0)))
                .thenRefusedOnField("startsAt", "TOO_FAR_AHEAD");
    }

    @Test
    void whenAGroupIsInvitedTwice_thenTheSecondIsNamed() {
        spec.when(new Schedule(FORUM, SessionKind.FORUM, CITY, WARD, null, STARTS, HEAD, List.of(),
                        List.of(ParticipantGroup.VETERANS, ParticipantGroup.VETERANS), PLANNED))
                .thenRefusedOnField("invitedGroups[1]", "DUPLICATE");
    }

    @Test
    void whenADelegateComesFromAnUnknownUnit_thenTheDelegateIsNamed() {
        spec.when(new Schedule(FORUM, SessionKind.FORUM, CITY, WARD, null, STARTS, HEAD,
                        List.of(MEMBER, new Delegate("NOWHERE", "Cán bộ")), INVITED, PLANNED))
                .thenRefusedOnField("delegationMembers[1].unitId", "UNKNOWN_UNIT");
    }

    @Test
    void givenAScheduledForum_whenTheSameScheduleIsRetried_thenNothingNew_andAnotherIsRefused() {
        spec.given(scheduled(SessionKind.FORUM)).when(schedule(SessionKind.FORUM, CITY, WARD, STARTS)).thenNothing();
        spec.given(scheduled(SessionKind.FORUM))
                .when(schedule(SessionKind.FORUM, CITY, "HP-LECHAN-VINHNIEM", STARTS))
                .thenRefused("ALREADY_SCHEDULED");
    }

    // --- open with attendance -----------------------------------------------------------------------------------

    @Test
    void givenAScheduledForum_whenOpenedWithAttendancePerGroup_thenTheTotalIsTheSum() {
        spec.given(scheduled(SessionKind.FORUM)).when(new Open(COUNTED, null, DAY)).then(opened());
    }

    @Test
    void givenAScheduledForum_whenAGroupCountIsNegative_thenTheCountIsNamed() {
        spec.given(scheduled(SessionKind.FORUM))
                .when(new Open(List.of(new GroupCount(ParticipantGroup.VETERANS, 3),
                        new GroupCount(ParticipantGroup.YOUTH_UNION, -1)), null, DAY))
                .thenRefusedOnField("attendanceByGroup[1].count", "NEGATIVE");
    }

    @Test
    void givenAScheduledForum_whenOpenedWithOnlyATotal_thenRefused_aForumCountsPerGroup() {
        spec.given(scheduled(SessionKind.FORUM)).when(new Open(List.of(), 120, DAY))
                .thenRefusedOnField("attendanceByGroup", "REQUIRED");
    }

    @Test
    void givenAScheduledResidentMeeting_whenOpenedWithATotalOnly_thenOpened() {
        spec.given(scheduled(SessionKind.RESIDENT_MEETING)).when(new Open(null, 64, DAY))
                .then(new Opened(FORUM, new Attendance(64, List.of()), DAY));
    }

    @Test
    void givenAScheduledResidentMeeting_whenOpenedWithoutATotal_thenRefused() {
        spec.given(scheduled(SessionKind.RESIDENT_MEETING)).when(new Open(COUNTED, null, DAY))
                .thenRefusedOnField("totalAttendance", "REQUIRED");
    }

    @Test
    void whenTheTotalIsBelowTheGroups_thenRefused() {
        spec.given(scheduled(SessionKind.FORUM)).when(new Open(COUNTED, 50, DAY))
                .thenRefusedOnField("totalAttendance", "TOTAL_BELOW_GROUPS");
    }

    @Test
    void givenAScheduledForum_whenOpenedBeforeItsPlannedDay_thenRefused() {
        spec.given(scheduled(SessionKind.FORUM)).when(new Open(COUNTED, null, DAY.minusDays(1)))
                .thenRefusedOnField("effectiveOn", "BEFORE_SCHEDULED_DAY");
    }

    @Test
    void givenAnOpenForum_whenOpenedAgain_thenTheSameIsNothingNew_andOtherNumbersAreRefused() {
        spec.given(scheduled(SessionKind.FORUM), opened()).when(new Open(COUNTED, null, DAY)).thenNothing();
        spec.given(scheduled(SessionKind.FORUM), opened()).when(new Open(COUNTED, 200, DAY)).thenRefused("WRONG_STATE");
    }

    @Test
    void givenNoForum_whenOpened_thenNotFound() {
        spec.when(new Open(COUNTED, null, DAY)).thenRefused("NOT_FOUND");
    }

    // --- record opinions ----------------------------------------------------------------------------------------

    @Test
    void givenAnOpenForum_whenAnOpinionIsRecorded_thenItCarriesCodesAndTheSummary_neverTheSpeakersWords() {
        spec.given(scheduled(SessionKind.FORUM), opened()).when(record(OPINION, DAY)).then(recorded(OPINION));
    }

    @Test
    void givenAScheduledForum_whenAnOpinionIsRecorded_thenRefused() {
        spec.given(scheduled(SessionKind.FORUM)).when(record(OPINION, DAY)).thenRefused("FORUM_NOT_OPEN");
    }

    @Test
    void givenAClosedForum_whenANewOpinionIsRecorded_thenRefused() {
        spec.given(withOpinion(closed())).when(record(OTHER_OPINION, DAY)).thenRefused("FORUM_CLOSED");
    }

    @Test
    void givenARecordedOpinion_whenTheSameIsRetried_thenNothingNew_evenAfterTheForumClosed() {
        spec.given(withOpinion()).when(record(OPINION, DAY)).thenNothing();
        spec.given(withOpinion(closed())).when(record(OPINION, LATER)).thenNothing();
    }

    @Test
    void givenARecordedOpinion_whenItsIdIsReusedForOtherContent_thenRefused() {
        spec.given(withOpinion())
                .when(new RecordOpinion(OPINION, ParticipantGroup.VETERANS, null, "PRAISE", List.of(),
                        OpinionNature.PRAISE, "Đánh giá cao lực lượng công an phường.", DAY))
                .thenRefused("OPINION_ID_CONFLICT");
    }

    @Test
    void givenAnotherOrganiserRecordedALaterOpinionFirst_whenMineIsRecorded_thenItIsNotRefused() {
        OpinionRecorded theirs = new OpinionRecorded(FORUM, OTHER_OPINION, ParticipantGroup.VETERANS, null, "PRAISE",
                List.of(), OpinionNature.PRAISE, "Đánh giá cao.", DAY.plusDays(1));
        spec.given(scheduled(SessionKind.FORUM), opened(), theirs).when(record(OPINION, DAY)).then(recorded(OPINION));
    }

    @Test
    void whenRecordedWithAnUnknownOrRepeatedTag_thenTheTagIsNamed() {
        spec.given(scheduled(SessionKind.FORUM), opened())
                .when(new RecordOpinion(OPINION, ParticipantGroup.YOUTH_UNION, null, "DRUGS", List.of("PATROLS", "NOPE"),
                        OpinionNature.REQUEST, "Ma túy.", DAY))
                .thenRefusedOnField("tags[1]", "UNKNOWN_TOPIC");
        spec.given(scheduled(SessionKind.FORUM), opened())
                .when(new RecordOpinion(OPINION, ParticipantGroup.YOUTH_UNION, null, "DRUGS", List.of("PATROLS", "PATROLS"),
                        OpinionNature.REQUEST, "Ma túy.", DAY))
                .thenRefusedOnField("tags[1]", "DUPLICATE");
    }

    @Test
    void whenThePublicSummaryIsBlankOrOver1000Characters_thenRefused() {
        spec.given(scheduled(SessionKind.FORUM), opened())
                .when(new RecordOpinion(OPINION, ParticipantGroup.OTHER, null, "OTHER", List.of(), OpinionNature.QUESTION,
                        " ", DAY))
                .thenRefusedOnField("publicSummary", "BLANK");
        spec.given(scheduled(SessionKind.FORUM), opened())
                .when(new RecordOpinion(OPINION, ParticipantGroup.OTHER, null, "OTHER", List.of(), OpinionNature.QUESTION,
                        "ạ".repeat(1001), DAY))
                .thenRefusedOnField("publicSummary", "TOO_LONG");
    }

    @Test
    void whenRecordedBeforeTheOpeningOrInTheFuture_thenRefusedOnTheDate() {
        spec.given(scheduled(SessionKind.FORUM), opened()).when(record(OPINION, DAY.minusDays(1)))
                .thenRefusedOnField("effectiveOn", "BEFORE_PREVIOUS_STEP");
        spec.given(scheduled(SessionKind.FORUM), opened()).when(record(OPINION, TODAY.plusDays(1)))
                .thenRefusedOnField("effectiveOn", "IN_THE_FUTURE");
    }

    // --- answer on the spot -------------------------------------------------------------------------------------

    @Test
    void givenARecordedOpinion_whenAnsweredOnTheSpot_thenWhoAndWhatAreRecorded() {
        spec.given(withOpinion())
                .when(new AnswerOnTheSpot(OPINION, DISTRICT, MEMBER.title(), ANSWER, COMMITMENT, DAY))
                .then(answeredOnTheSpot(COMMITMENT));
    }

    @Test
    void givenAnAnsweredOpinion_whenAnsweredAgainDifferently_thenRefused_theSameIsNothingNew() {
        spec.given(withOpinion(answeredOnTheSpot(null)))
                .when(new AnswerOnTheSpot(OPINION, CITY, HEAD.title(), "Một câu trả lời khác.", null, DAY))
                .thenRefused("ALREADY_ANSWERED");
        spec.given(withOpinion(answeredOnTheSpot(null)))
                .when(new AnswerOnTheSpot(OPINION, DISTRICT, MEMBER.title(), ANSWER, null, DAY))
                .thenNothing();
    }

    @Test
    void givenNoSuchOpinion_whenAnswered_thenOpinionNotFound() {
        spec.given(withOpinion())
                .when(new AnswerOnTheSpot(OTHER_OPINION, DISTRICT, MEMBER.title(), ANSWER, null, DAY))
                .thenRefused("OPINION_NOT_FOUND");
    }

    @Test
    void givenAClosedForum_whenAnOpinionIsAnsweredOnTheSpot_thenRefused_itIsAFollowUpNow() {
        spec.given(withOpinion(closed()))
                .when(new AnswerOnTheSpot(OPINION, DISTRICT, MEMBER.title(), ANSWER, null, DAY))
                .thenRefused("FORUM_CLOSED");
    }

    @Test
    void givenAnOpinionTakenOnBoard_whenAnsweredOnTheSpot_thenRefused() {
        spec.given(withOpinion(followUp()))
                .when(new AnswerOnTheSpot(OPINION, DISTRICT, MEMBER.title(), ANSWER, null, DAY))
                .thenRefused("FOLLOW_UP_EXISTS");
    }

    // --- follow-ups ---------------------------------------------------------------------------------------------

    @Test
    void givenARecordedOpinion_whenTakenOnBoard_thenAFollowUpWithOwnerAndDueDate() {
        spec.given(withOpinion()).when(new CreateFollowUp(OPINION, CITY, LATER, DAY)).then(followUp());
    }

    @Test
    void whenAFollowUpIsDueBeforeTheForum_thenRefused() {
        spec.given(withOpinion()).when(new CreateFollowUp(OPINION, CITY, DAY.minusDays(1), DAY))
                .thenRefusedOnField("dueOn", "DUE_TOO_EARLY");
    }

    @Test
    void givenAClosedForum_whenAnOpinionIsTakenOnBoard_thenAllowed_ownersAreOftenSetWhenTheMinutesAreWritten() {
        spec.given(withOpinion(closed())).when(new CreateFollowUp(OPINION, CITY, LATER, DAY.plusDays(1)))
                .then(new FollowUpCreated(FORUM, OPINION, CITY, LATER, DAY.plusDays(1)));
    }

    @Test
    void givenAnOpinionAnsweredOnTheSpot_whenTakenOnBoard_thenRefused() {
        spec.given(withOpinion(answeredOnTheSpot(null))).when(new CreateFollowUp(OPINION, CITY, LATER, DAY))
                .thenRefused("ALREADY_ANSWERED");
    }

    @Test
    void givenAnOpenFollowUp_whenAnswered_thenTheAnswerRepeatsOwnerAndDueDate() {
        spec.given(withOpinion(followUp(), closed()))
                .when(new AnswerFollowUp(OPINION, ANSWER, null, LATER))
                .then(new FollowUpAnswered(FORUM, OPINION, CITY, LATER, ANSWER, null, LATER));
    }

    @Test
    void givenAnOpinionWithoutFollowUp_whenTheFollowUpIsAnswered_thenRefused() {
        spec.given(withOpinion()).when(new AnswerFollowUp(OPINION, ANSWER, null, LATER)).thenRefused("NO_FOLLOW_UP");
    }

    @Test
    void givenAnOpenFollowUpPastItsDueDay_thenItIsOverdue() {
        spec.given(withOpinion()).when(new CreateFollowUp(OPINION, CITY, LATER, DAY)).thenState(f -> {
            assertThat(f.opinion(OPINION).orElseThrow().isOverdue(LATER)).isFalse();
            assertThat(f.opinion(OPINION).orElseThrow().isOverdue(LATER.plusDays(1))).isTrue();
        });
    }

    // --- commitments --------------------------------------------------------------------------------------------

    @Test
    void givenAnAnswerWithACommitment_whenFulfilled_thenTheOpinionIsDone() {
        spec.given(withOpinion(answeredOnTheSpot(COMMITMENT)))
                .when(new MarkCommitmentFulfilled(OPINION, "Đã bố trí từ 09/12/2019.", LATER))
                .thenState(f -> {
                    Forum.Opinion o = f.opinion(OPINION).orElseThrow();
                    assertThat(o.status()).isEqualTo(OpinionStatus.COMMITMENT_FULFILLED);
                    assertThat(o.hasOpenCommitment()).isFalse();
                    assertThat(o.fulfilment().fulfilledOn()).isEqualTo(LATER);
                });
    }

    @Test
    void givenAnAnswerThatPromisedNothing_whenFulfilled_thenRefused() {
        spec.given(withOpinion(answeredOnTheSpot(null)))
                .when(new MarkCommitmentFulfilled(OPINION, "Đã làm.", LATER))
                .thenRefused("NO_COMMITMENT");
    }

    @Test
    void givenAFulfilledCommitment_whenFulfilledAgainDifferently_thenRefused() {
        spec.given(withOpinion(answeredOnTheSpot(COMMITMENT), new CommitmentFulfilled(FORUM, OPINION, "Đã làm.", LATER)))
                .when(new MarkCommitmentFulfilled(OPINION, "Làm lại.", LATER))
                .thenRefused("ALREADY_FULFILLED");
    }

    // --- close and publish --------------------------------------------------------------------------------------

    @Test
    void givenAnOpenForum_whenClosedWithMinutes_thenNoMoreRecording() {
        spec.given(withOpinion()).when(new Close(MINUTES, DAY)).thenState(f -> {
            assertThat(f.status()).isEqualTo(ForumStatus.CLOSED);
            assertThat(f.minutesSummary()).isEqualTo(MINUTES);
        });
    }

    @Test
    void givenAnOpinionRecordedOnTheSecondDay_whenClosedOnTheFirst_thenRefused() {
        OpinionRecorded secondDay = new OpinionRecorded(FORUM, OTHER_OPINION, ParticipantGroup.OTHER, null, "OTHER",
                List.of(), OpinionNature.QUESTION, "Câu hỏi.", DAY.plusDays(1));
        spec.given(withOpinion(secondDay)).when(new Close(MINUTES, DAY))
                .thenRefusedOnField("effectiveOn", "BEFORE_PREVIOUS_STEP");
    }

    @Test
    void givenAScheduledForum_whenClosed_thenRefused() {
        spec.given(scheduled(SessionKind.FORUM)).when(new Close(MINUTES, DAY)).thenRefused("FORUM_NOT_OPEN");
    }

    @Test
    void givenAClosedForum_whenClosedWithOtherMinutes_thenRefused() {
        spec.given(withOpinion(closed())).when(new Close("Biên bản khác.", DAY)).thenRefused("ALREADY_CLOSED");
    }

    @Test
    void givenAnOpenForum_whenTheMinutesArePublished_thenRefused() {
        spec.given(withOpinion()).when(new PublishMinutes(DAY)).thenRefused("FORUM_NOT_CLOSED");
    }

    @Test
    void givenAClosedForum_whenTheMinutesArePublished_thenPublishedOnce() {
        spec.given(withOpinion(closed())).when(new PublishMinutes(LATER)).then(new MinutesPublished(FORUM, LATER));
        spec.given(withOpinion(closed(), new MinutesPublished(FORUM, LATER))).when(new PublishMinutes(LATER)).thenNothing();
    }

    // --- escalation to intake -----------------------------------------------------------------------------------

    @Test
    void givenARecordedOpinion_whenEscalatedAsADenunciation_thenTheSharedEventCarriesTopicVenueAndSpeakerRef() {
        spec.given(withOpinion())
                .when(new Escalate(OPINION, SubmissionKind.DENUNCIATION, null, null, DAY))
                .then(escalated(SubmissionKind.DENUNCIATION));
    }

    @Test
    void whenEscalatedAsAPetition_thenRefused_onlyComplaintsDenunciationsAndCrimeReports() {
        spec.given(withOpinion()).when(new Escalate(OPINION, SubmissionKind.PETITION, null, null, DAY))
                .thenRefusedOnField("kindRequested", "NOT_ESCALATABLE");
    }

    @Test
    void givenAnOpinionAnsweredOnTheSpot_whenEscalated_thenRefused() {
        spec.given(withOpinion(answeredOnTheSpot(null)))
                .when(new Escalate(OPINION, SubmissionKind.COMPLAINT, null, null, DAY))
                .thenRefused("ALREADY_ANSWERED");
    }

    @Test
    void givenAnEscalatedOpinion_whenEscalatedAgain_thenTheSameIsNothingNew_andAnotherKindIsRefused() {
        spec.given(withOpinion(escalated(SubmissionKind.COMPLAINT)))
                .when(new Escalate(OPINION, SubmissionKind.COMPLAINT, null, null, LATER))
                .thenNothing();
        spec.given(withOpinion(escalated(SubmissionKind.COMPLAINT)))
                .when(new Escalate(OPINION, SubmissionKind.CRIME_REPORT, null, null, LATER))
                .thenRefused("ALREADY_ESCALATED");
    }

    @Test
    void givenAnOpinionTakenOnBoard_whenFoundToBeAComplaint_thenEscalatedToTheUnitNamed() {
        spec.given(withOpinion(followUp(), closed()))
                .when(new Escalate(OPINION, SubmissionKind.COMPLAINT, DISTRICT, "Khiếu nại việc xử lý vi phạm.", LATER))
                .then(new OpinionEscalated(FORUM, OPINION, SubmissionKind.COMPLAINT, "SCHOOL_GATE_CONGESTION",
                        List.of("TRAFFIC_SAFETY"), DISTRICT, SPEAKER, "Khiếu nại việc xử lý vi phạm.", LATER));
    }

    @Test
    void givenAnOpinionEscalatedAsADenunciation_thenPublishedMinutesDoNotShowIt() {
        spec.given(withOpinion()).when(new Escalate(OPINION, SubmissionKind.DENUNCIATION, null, null, DAY))
                .thenState(f -> assertThat(f.opinion(OPINION).orElseThrow().showsInPublishedMinutes()).isFalse());
        spec.given(withOpinion()).when(new Escalate(OPINION, SubmissionKind.COMPLAINT, null, null, DAY))
                .thenState(f -> assertThat(f.opinion(OPINION).orElseThrow().showsInPublishedMinutes()).isTrue());
    }

    // --- intake's outcome closes the escalation -----------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(EscalationOutcome.class)
    void givenAnEscalatedOpinion_whenIntakesSubmissionEnds_thenTheFollowUpClosesWithThatOutcome(EscalationOutcome outcome) {
        spec.given(withOpinion(escalated(SubmissionKind.DENUNCIATION)))
                .when(new RecordEscalationOutcome(OPINION, outcome, SUBMISSION, LATER))
                .then(new EscalationOutcomeRecorded(FORUM, OPINION, SUBMISSION, outcome, LATER));
        spec.thenState(f -> {
            Forum.Opinion o = f.opinion(OPINION).orElseThrow();
            assertThat(o.status()).isEqualTo(OpinionStatus.ESCALATION_CLOSED);
            assertThat(o.status().awaitsAnswer()).isFalse();
            assertThat(o.escalation().outcome()).isEqualTo(outcome);
            assertThat(o.escalation().submissionId()).isEqualTo(SUBMISSION);
        });
    }

    @Test
    void givenARecordedOutcome_whenRedelivered_thenNothingNew_andAnotherOutcomeIsRefused() {
        EscalationOutcomeRecorded answered = new EscalationOutcomeRecorded(FORUM, OPINION, SUBMISSION,
                EscalationOutcome.ANSWERED, LATER);
        spec.given(withOpinion(escalated(SubmissionKind.COMPLAINT), answered))
                .when(new RecordEscalationOutcome(OPINION, EscalationOutcome.ANSWERED, SUBMISSION, LATER))
                .thenNothing();
        spec.given(withOpinion(escalated(SubmissionKind.COMPLAINT), answered))
                .when(new RecordEscalationOutcome(OPINION, EscalationOutcome.WITHDRAWN, SUBMISSION, LATER))
                .thenRefused("OUTCOME_CONFLICT");
    }

    @Test
    void givenAnOpinionNeverEscalated_whenAnOutcomeArrives_thenRefused() {
        spec.given(withOpinion())
                .when(new RecordEscalationOutcome(OPINION, EscalationOutcome.ANSWERED, SUBMISSION, LATER))
                .thenRefused("NOT_ESCALATED");
    }

    // --- paper records keyed in afterwards ----------------------------------------------------------------------

    @Test
    void givenA2019ForumMinutedOnPaper_whenKeyedInIn2026_thenEachStepKeepsItsRealDate() {
        ForumDecider in2026 = new ForumDecider(LocalDate.of(2026, 3, 2), reference.topics(), reference.units());
        List<ForumCommand> paper = List.of(
                schedule(SessionKind.FORUM, CITY, WARD, STARTS),
                new Open(COUNTED, null, DAY),
                record(OPINION, DAY),
                new AnswerOnTheSpot(OPINION, DISTRICT, MEMBER.title(), ANSWER, COMMITMENT, DAY),
                new Close(MINUTES, DAY),
                new MarkCommitmentFulfilled(OPINION, "Đã bố trí từ 09/12/2019.", LocalDate.of(2019, 12, 9)),
                new PublishMinutes(LocalDate.of(2019, 12, 10)));
        Forum state = in2026.initialState();
        for (ForumCommand command : paper) {
            state = in2026.fold(state, in2026.decide(command, state));
        }
        assertThat(state.status()).isEqualTo(ForumStatus.CLOSED);
        assertThat(state.openedOn()).isEqualTo(DAY);
        assertThat(state.closedOn()).isEqualTo(DAY);
        assertThat(state.minutesPublishedOn()).isEqualTo(LocalDate.of(2019, 12, 10));
        assertThat(state.attendance().total()).isEqualTo(79);
        assertThat(state.opinion(OPINION).orElseThrow().status()).isEqualTo(OpinionStatus.COMMITMENT_FULFILLED);
    }
}
