package vn.langnghe.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An event of a forum-service {@code Forum} stream: a listening forum ("Công an lắng nghe ý kiến nhân
 * dân") or a resident meeting (họp dân) scheduled, opened, its opinions recorded, answered, followed up
 * or escalated, closed with minutes, minutes published. All travel on {@code forum.forum.events} keyed
 * by the forum; intake-service reads only {@link OpinionEscalated}, reporting-service reads them all.
 *
 * <p>None carries a citizen's words or name: opinions are told by organiser-written public summaries
 * and codes; a speaker is at most an identity-vault reference.
 */
public sealed interface ForumLifecycleEvent extends ContractEvent
        permits ForumScheduled, ForumOpened, OpinionRecorded, OpinionAnsweredOnTheSpot, FollowUpCreated,
                FollowUpAnswered, CommitmentFulfilled, ForumClosed, MinutesPublished, OpinionEscalated,
                EscalationOutcomeRecorded {

    /** The forum or resident meeting (stream id of the Forum aggregate). */
    UUID forumId();

    /**
     * When the step took effect in the world, which may be long before the event was recorded, e.g. a
     * forum minuted on paper and keyed in afterwards.
     */
    Instant effectiveAt();
}
