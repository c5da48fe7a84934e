package vn.langnghe.contracts.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/**
 * The minutes of a closed forum were published: from now on its public part (schedule, attendance,
 * the opinions' public summaries and answers, never a speaker reference) may be shown to anyone.
 */
public record MinutesPublished(
        UUID forumId,
        Instant effectiveAt) implements ForumLifecycleEvent {

    public static final String TYPE = "forum.MinutesPublished.v1";

    public MinutesPublished {
        requireNonNull(forumId, "forumId");
        requireNonNull(effectiveAt, "effectiveAt");
    }

    @Override
    public String contractType() {
        return TYPE;
    }
}
