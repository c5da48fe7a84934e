package vn.langnghe.contracts.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/**
 * The delegation answered the opinion on the spot (trả lời tại chỗ).
 *
 * @param answeredByUnitId  code of the unit of the official who answered
 * @param answeredByTitle   that official's position, never a name, 1..200 characters
 * @param answerSummary     public summary of the answer, without names, 1..1000 characters
 * @param commitmentSummary what the police committed to do, or null when the answer promised nothing;
 *                          {@link CommitmentFulfilled} later marks it done
 */
public record OpinionAnsweredOnTheSpot(
        UUID forumId,
        UUID opinionId,
        String answeredByUnitId,
        String answeredByTitle,
        String answerSummary,
        String commitmentSummary,
        Instant effectiveAt) implements ForumLifecycleEvent {

    public static final String TYPE = "forum.OpinionAnsweredOnTheSpot.v1";

    public static final int SUMMARY_MAX_LENGTH = 1000;

    public OpinionAnsweredOnTheSpot {
        requireNonNull(forumId, "forumId");
        requireNonNull(opinionId, "opinionId");
        CommonFields.requireUnitCode(answeredByUnitId, "answeredByUnitId");
        CommonFields.requireLength(answeredByTitle, 1, Delegate.TITLE_MAX_LENGTH, "answeredByTitle");
        CommonFields.requireLength(answerSummary, 1, SUMMARY_MAX_LENGTH, "answerSummary");
        CommonFields.optionalLength(commitmentSummary, 1, SUMMARY_MAX_LENGTH, "commitmentSummary");
        requireNonNull(effectiveAt, "effectiveAt");
    }

    @Override
    public String contractType() {
        return TYPE;
    }
}
