package vn.langnghe.console.services;

import io.quarkus.qute.TemplateData;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/** What forum-service answers, as the console reads it (unknown fields ignored). */
public final class ForumViews {

    private ForumViews() {
    }

    @TemplateData
    public record Delegate(String unitId, String title) {}

    @TemplateData
    public record GroupCount(String group, int count) {}

    @TemplateData
    public record Attendance(int total, List<GroupCount> byGroup) {}

    @TemplateData
    public record Answer(boolean onTheSpot, String byUnitId, String byTitle, String summary,
            String commitmentSummary, LocalDate answeredOn) {}

    @TemplateData
    public record FollowUp(String ownerUnitId, LocalDate dueOn, LocalDate createdOn) {}

    @TemplateData
    public record Escalation(String kindRequested, String unitId, String publicSummary, LocalDate escalatedOn) {}

    @TemplateData
    public record Opinion(UUID forumId, UUID id, String speakerGroup, boolean speakerIdentified, String topic,
            List<String> tags, String nature, String publicSummary, LocalDate recordedOn, String status,
            Answer answer, FollowUp followUp, boolean overdue, Escalation escalation, long forumVersion) {

        /** Still waiting for an answer on the spot, a follow-up or an escalation. */
        public boolean awaitingAction() {
            return "RECORDED".equals(status);
        }
    }

    @TemplateData
    public record Forum(UUID id, String sessionKind, String status, String hostUnitId, String venueUnitId,
            String venueName, LocalDateTime startsAt, Delegate delegationHead, Attendance attendance,
            String minutesSummary, LocalDate scheduledOn, LocalDate openedOn, LocalDate closedOn,
            List<Opinion> opinions, long version) {

        public boolean scheduled() {
            return "SCHEDULED".equals(status);
        }

        public boolean open() {
            return "OPEN".equals(status);
        }

        public boolean closed() {
            return "CLOSED".equals(status);
        }

        public long answeredCount() {
            return opinions == null ? 0 : opinions.stream().filter(o -> o.answer() != null).count();
        }

        public int opinionCount() {
            return opinions == null ? 0 : opinions.size();
        }
    }

    @TemplateData
    public record ForumSummary(UUID id, String sessionKind, String status, String hostUnitId, String venueUnitId,
            String venueName, LocalDateTime startsAt, LocalDate openedOn, LocalDate closedOn,
            Integer attendanceTotal, int opinionCount, int answeredOnTheSpot, int followUpCount, int escalatedCount,
            long version) {}

    @TemplateData
    public record Page<T>(List<T> items, String next) {}

    public record Ticket(String ticket, String expiresAt) {}

    @TemplateData
    public record FollowUpItem(UUID forumId, UUID opinionId, String topic, String nature, String speakerGroup,
            String publicSummary, LocalDate recordedOn, String ownerUnitId, LocalDate dueOn, boolean overdue,
            long forumVersion) {}
}
