package vn.langnghe.contracts.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The owner unit answered a follow-up. Repeats the owner and due date of {@link FollowUpCreated} so a
 * report can tell on time from late without joining.
 *
 * @param ownerUnitId       code of the unit that answered (the follow-up's owner)
 * @param dueOn             the follow-up's due day (Asia/Ho_Chi_Minh)
 * @param answerSummary     public summary of the answer, without names, 1..1000 characters
 * @param commitmentSummary what the police committed to do, or null
 */
public record FollowUpAnswered(
        UUID forumId,
        UUID opinionId,
        String ownerUnitId,
        LocalDate dueOn,
        String answerSummary,
        String commitmentSummary,
        Instant effectiveAt) implements ForumLifecycleEvent {

    public static final String TYPE = "forum.FollowUpAnswered.v1";

    public FollowUpAnswered {
        requireNonNull(forumId, "forumId");
        requireNonNull(opinionId, "opinionId");
        CommonFields.requireUnitCode(ownerUnitId, "ownerUnitId");
        requireNonNull(dueOn, "dueOn");
        CommonFields.requireLength(answerSummary, 1, OpinionAnsweredOnTheSpot.SUMMARY_MAX_LENGTH, "answerSummary");
        CommonFields.optionalLength(commitmentSummary, 1, OpinionAnsweredOnTheSpot.SUMMARY_MAX_LENGTH,
                "commitmentSummary");
        requireNonNull(effectiveAt, "effectiveAt");
    }

    @Override
    public String contractType() {
        return TYPE;
    }
}
