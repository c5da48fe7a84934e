package vn.langnghe.contracts.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The opinion was recorded and taken on board (ghi nhận, tiếp thu) to be answered later: a follow-up
 * with an owner unit and a due date.
 *
 * @param ownerUnitId code of the unit that must answer
 * @param dueOn       the day (Asia/Ho_Chi_Minh) the answer is due, not before the forum
 */
public record FollowUpCreated(
        UUID forumId,
        UUID opinionId,
        String ownerUnitId,
        LocalDate dueOn,
        Instant effectiveAt) implements ForumLifecycleEvent {

    public static final String TYPE = "forum.FollowUpCreated.v1";

    public FollowUpCreated {
        requireNonNull(forumId, "forumId");
        requireNonNull(opinionId, "opinionId");
        CommonFields.requireUnitCode(ownerUnitId, "ownerUnitId");
        requireNonNull(dueOn, "dueOn");
        requireNonNull(effectiveAt, "effectiveAt");
    }

    @Override
    public String contractType() {
        return TYPE;
    }
}
