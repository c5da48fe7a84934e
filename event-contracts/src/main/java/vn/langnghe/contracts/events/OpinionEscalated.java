package vn.langnghe.contracts.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * forum-service escalated an opinion (ý kiến) raised at a listening forum ("Công an lắng nghe ý kiến
 * nhân dân") because it is really a complaint, denunciation or crime report. intake-service consumes it
 * and opens a submission with channel FORUM, idempotent on {@link #opinionId()}.
 *
 * @param opinionId          the opinion in the forum stream; intake's idempotency key
 * @param forumId            the forum (diễn đàn) the opinion was raised at
 * @param kindRequested      the kind the organiser believes it is; intake may reclassify
 * @param topic              primary topic code from the taxonomy (what reports count)
 * @param tags               secondary topic codes, never null (empty when none)
 * @param unitId             code of the unit the submission should go to
 * @param speakerIdentityRef reference into the identity vault, or null; never a name
 * @param publicSummary      officer-written summary without names, at most 2000 characters
 * @param effectiveAt        when the escalation took effect
 */
public record OpinionEscalated(
        UUID opinionId,
        UUID forumId,
        SubmissionKind kindRequested,
        String topic,
        List<String> tags,
        String unitId,
        String speakerIdentityRef,
        String publicSummary,
        Instant effectiveAt) implements ForumLifecycleEvent {

    public static final String TYPE = "forum.OpinionEscalated.v1";

    public OpinionEscalated {
        requireNonNull(opinionId, "opinionId");
        requireNonNull(forumId, "forumId");
        requireNonNull(kindRequested, "kindRequested");
        requireNonNull(topic, "topic");
        tags = tags == null ? List.of() : List.copyOf(tags);
        requireNonNull(unitId, "unitId");
        requireNonNull(publicSummary, "publicSummary");
        requireNonNull(effectiveAt, "effectiveAt");
    }

    @Override
    public String contractType() {
        return TYPE;
    }
}
