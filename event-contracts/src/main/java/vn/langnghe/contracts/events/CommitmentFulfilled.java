package vn.langnghe.contracts.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/**
 * What the police committed to in answer to an opinion (on the spot or in a follow-up) was done.
 *
 * @param fulfilmentSummary public summary of what was done, without names, 1..1000 characters
 */
public record CommitmentFulfilled(
        UUID forumId,
        UUID opinionId,
        String fulfilmentSummary,
        Instant effectiveAt) implements ForumLifecycleEvent {

    public static final String TYPE = "forum.CommitmentFulfilled.v1";

    public CommitmentFulfilled {
        requireNonNull(forumId, "forumId");
        requireNonNull(opinionId, "opinionId");
        CommonFields.requireLength(fulfilmentSummary, 1, OpinionAnsweredOnTheSpot.SUMMARY_MAX_LENGTH,
                "fulfilmentSummary");
        requireNonNull(effectiveAt, "effectiveAt");
    }

    @Override
    public String contractType() {
        return TYPE;
    }
}
