package vn.langnghe.contracts.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/**
 * The forum or resident meeting opened (khai mạc) with the attendance counted; opinions may now be
 * recorded.
 *
 * @param attendance the total and, where counted, the breakdown per participant group
 */
public record ForumOpened(
        UUID forumId,
        Attendance attendance,
        Instant effectiveAt) implements ForumLifecycleEvent {

    public static final String TYPE = "forum.ForumOpened.v1";

    public ForumOpened {
        requireNonNull(forumId, "forumId");
        requireNonNull(attendance, "attendance");
        requireNonNull(effectiveAt, "effectiveAt");
    }

    @Override
    public String contractType() {
        return TYPE;
    }
}
