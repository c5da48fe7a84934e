package vn.langnghe.forum.application;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One opinion of the inline read model: codes, dates and the organiser's public summary, never the
 * speaker's name or own words.
 */
public record OpinionRow(
        UUID opinionId,
        UUID forumId,
        String status,
        String speakerGroup,
        String topic,
        String nature,
        String publicSummary,
        LocalDate recordedOn,
        String answeredByUnitId,
        String followUpOwnerUnitId,
        LocalDate followUpDue,
        boolean openCommitment,
        String escalationKind,
        String escalationUnitId,
        UUID escalationSubmissionId,
        String escalationOutcome,
        String requestFingerprint,
        long forumVersion) {

    /** The unit that owes the citizen what was promised: the follow-up's owner, else who answered on the spot. */
    public String responsibleUnitId() {
        return followUpOwnerUnitId != null ? followUpOwnerUnitId : answeredByUnitId;
    }
}
