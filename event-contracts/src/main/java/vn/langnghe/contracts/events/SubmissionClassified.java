package vn.langnghe.contracts.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An officer classified the submission (phân loại). A later one for the same submission is a
 * reclassification and replaces the earlier one in full.
 *
 * @param kind          the kind the submission is handled as
 * @param topic         primary topic code from the taxonomy (what reports count)
 * @param tags          secondary topic codes, distinct, never null (empty when none)
 * @param unitId        code of the unit that receives and handles the submission
 * @param publicSummary officer-written summary without names, 1..2000 characters; never the citizen's text
 * @param remoteArea    true when the case is in a remote area (vùng sâu, vùng xa), which may lengthen legal limits
 * @param track         the procedure track; an anonymous denunciation goes to {@link Track#INSPECTION}
 */
public record SubmissionClassified(
        UUID submissionId,
        SubmissionKind kind,
        String topic,
        List<String> tags,
        String unitId,
        String publicSummary,
        boolean remoteArea,
        Track track,
        Instant effectiveAt) implements SubmissionLifecycleEvent {

    public static final String TYPE = "intake.SubmissionClassified.v1";

    public static final int PUBLIC_SUMMARY_MAX_LENGTH = 2000;

    public SubmissionClassified {
        requireNonNull(submissionId, "submissionId");
        requireNonNull(kind, "kind");
        CommonFields.requireTopicCode(topic, "topic");
        tags = CommonFields.requireTopicCodes(tags, "tags");
        CommonFields.requireUnitCode(unitId, "unitId");
        CommonFields.requireLength(publicSummary, 1, PUBLIC_SUMMARY_MAX_LENGTH, "publicSummary");
        requireNonNull(track, "track");
        requireNonNull(effectiveAt, "effectiveAt");
    }

    @Override
    public String contractType() {
        return TYPE;
    }
}
