package vn.langnghe.contracts.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A submission was received (tiếp nhận) and registered under a tracking code. Carries no personal data:
 * who sent it is at most an opaque identity-vault reference.
 *
 * @param trackingCode         the code the citizen uses to follow the case (mã tra cứu), {@code XXXX-XXXX-XXXX}
 * @param kind                 the kind as received; {@link SubmissionClassified} may change it
 * @param channel              how it reached the police
 * @param unitId               code of the receiving unit
 * @param identified           true when there is any identity reference, false for an anonymous submission;
 *                             always true when {@code reporterRef} is set
 * @param reporterRef          reference into the identity vault, or null; never a name
 * @param partnerClientId      the OIDC client id of the partner system it came through (a portal,
 *                             an app, a hotline call-centre system), or null when keyed in by an officer
 * @param originatingOpinionId the forum opinion this submission was escalated from, or null; set only
 *                             for channel {@link Channel#FORUM}
 * @param declaredTopic        topic code the sender chose, or null; the officer's topic is in
 *                             {@link SubmissionClassified}
 */
public record SubmissionReceived(
        UUID submissionId,
        String trackingCode,
        SubmissionKind kind,
        Channel channel,
        String unitId,
        boolean identified,
        String reporterRef,
        String partnerClientId,
        UUID originatingOpinionId,
        String declaredTopic,
        Instant effectiveAt) implements SubmissionLifecycleEvent {

    public static final String TYPE = "intake.SubmissionReceived.v1";

    /** Format of a tracking code, e.g. {@code 7K2M-Q9XA-4TRB}; the schema states the same pattern. */
    public static final Pattern TRACKING_CODE = Pattern.compile("^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$");
    public static final int REPORTER_REF_MAX_LENGTH = 100;
    public static final int PARTNER_CLIENT_ID_MAX_LENGTH = 200;

    public SubmissionReceived {
        requireNonNull(submissionId, "submissionId");
        CommonFields.requireMatch(trackingCode, TRACKING_CODE, 14, "trackingCode");
        requireNonNull(kind, "kind");
        requireNonNull(channel, "channel");
        CommonFields.requireUnitCode(unitId, "unitId");
        CommonFields.optionalLength(reporterRef, 1, REPORTER_REF_MAX_LENGTH, "reporterRef");
        CommonFields.optionalLength(partnerClientId, 1, PARTNER_CLIENT_ID_MAX_LENGTH, "partnerClientId");
        if (declaredTopic != null) {
            CommonFields.requireTopicCode(declaredTopic, "declaredTopic");
        }
        requireNonNull(effectiveAt, "effectiveAt");
        if (reporterRef != null && !identified) {
            throw new IllegalArgumentException("a submission with a reporterRef is identified");
        }
        if (originatingOpinionId != null && channel != Channel.FORUM) {
            throw new IllegalArgumentException("originatingOpinionId is set only for channel FORUM, not " + channel);
        }
    }

    @Override
    public String contractType() {
        return TYPE;
    }
}
