package vn.langnghe.contracts.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/**
 * The forum or resident meeting closed (bế mạc) with its minutes (biên bản); no opinion is recorded
 * after this.
 *
 * @param minutesSummary organiser-written public summary of the minutes, without names, 1..4000 characters
 */
public record ForumClosed(
        UUID forumId,
        String minutesSummary,
        Instant effectiveAt) implements ForumLifecycleEvent {

    public static final String TYPE = "forum.ForumClosed.v1";

    public static final int MINUTES_SUMMARY_MAX_LENGTH = 4000;

    public ForumClosed {
        requireNonNull(forumId, "forumId");
        CommonFields.requireLength(minutesSummary, 1, MINUTES_SUMMARY_MAX_LENGTH, "minutesSummary");
        requireNonNull(effectiveAt, "effectiveAt");
    }

    @Override
    public String contractType() {
        return TYPE;
    }
}
