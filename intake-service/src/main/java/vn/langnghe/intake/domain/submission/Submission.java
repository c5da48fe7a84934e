package vn.langnghe.intake.domain.submission;

import vn.langnghe.contracts.events.Channel;
import vn.langnghe.contracts.events.Track;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.langnghe.contracts.events.Conclusion;
import vn.langnghe.contracts.events.SubmissionKind;

/**
 * The state of one submission, folded from its events. {@link #NONE} is a submission not yet received.
 *
 * @param lastEffectiveOn the effective date of the latest step: a later step may not be dated before it
 * @param extensions reason codes of the deadline extensions granted, in order
 */
public record Submission(
        UUID id,
        String trackingCode,
        SubmissionKind kind,
        Channel channel,
        String unitId,
        Status status,
        Track track,
        boolean identified,
        String reporterRef,
        String partnerClientId,
        UUID originatingOpinionId,
        String topic,
        List<String> tags,
        String publicSummary,
        boolean remoteArea,
        boolean complex,
        LocalDate receivedOn,
        LocalDate classifiedOn,
        LocalDate acceptedOn,
        LocalDate concludedOn,
        LocalDate closedOn,
        Conclusion conclusion,
        List<Extension> extensions,
        boolean valuable,
        UUID mergedInto,
        boolean reporterErased,
        LocalDate lastEffectiveOn) {

    public record Extension(String reasonCode, LocalDate grantedOn) {}

    public static final Submission NONE = new Submission(null, null, null, null, null, null, null, false, null, null,
            null, null, List.of(), null, false, false, null, null, null, null, null, null, List.of(), false, null, false, null);

    public boolean exists() {
        return status != null;
    }

    /** A denunciation whose denouncer is known: their identity must stay secret (art. 56). */
    public boolean isIdentifiedDenunciation() {
        return kind == SubmissionKind.DENUNCIATION && identified;
    }

    Builder toBuilder() {
        return new Builder(this);
    }

    /** Copy-with helper for {@code evolve}: one record, many small changes. */
    static final class Builder {
        private UUID id;
        private String trackingCode;
        private SubmissionKind kind;
        private Channel channel;
        private String unitId;
        private Status status;
        private Track track;
        private boolean identified;
        private String reporterRef;
        private String partnerClientId;
        private UUID originatingOpinionId;
        private String topic;
        private List<String> tags;
        private String publicSummary;
        private boolean remoteArea;
        private boolean complex;
        private LocalDate receivedOn;
        private LocalDate classifiedOn;
        private LocalDate acceptedOn;
        private LocalDate concludedOn;
        private LocalDate closedOn;
        private Conclusion conclusion;
        private List<Extension> extensions;
        private boolean valuable;
        private UUID mergedInto;
        private boolean reporterErased;
        private LocalDate lastEffectiveOn;

        private Builder(Submission s) {
            id = s.id;
            trackingCode = s.trackingCode;
            kind = s.kind;
            channel = s.channel;
            unitId = s.unitId;
            status = s.status;
            track = s.track;
            identified = s.identified;
            reporterRef = s.reporterRef;
            partnerClientId = s.partnerClientId;
            originatingOpinionId = s.originatingOpinionId;
            topic = s.topic;
            tags = s.tags;
            publicSummary = s.publicSummary;
            remoteArea = s.remoteArea;
            complex = s.complex;
            receivedOn = s.receivedOn;
            classifiedOn = s.classifiedOn;
            acceptedOn = s.acceptedOn;
            concludedOn = s.concludedOn;
            closedOn = s.closedOn;
            conclusion = s.conclusion;
            extensions = s.extensions;
            valuable = s.valuable;
            mergedInto = s.mergedInto;
            reporterErased = s.reporterErased;
            lastEffectiveOn = s.lastEffectiveOn;
        }

        Builder received(SubmissionEvent.Received e) {
            id = e.submissionId();
            trackingCode = e.trackingCode();
            kind = e.kind();
            channel = e.channel();
            unitId = e.unitId();
            status = Status.RECEIVED;
            track = Track.STANDARD;
            identified = e.identified();
            reporterRef = e.reporterRef();
            partnerClientId = e.partnerClientId();
            originatingOpinionId = e.originatingOpinionId();
            topic = e.declaredTopic();
            receivedOn = e.effectiveOn();
            return this;
        }

        Builder classified(SubmissionEvent.Classified e) {
            kind = e.kind();
            topic = e.topic();
            tags = e.tags();
            unitId = e.unitId();
            publicSummary = e.publicSummary();
            remoteArea = e.remoteArea();
            track = e.track();
            if (status == Status.RECEIVED) {
                status = Status.CLASSIFIED;
            }
            if (classifiedOn == null) {
                classifiedOn = e.effectiveOn();
            }
            return this;
        }

        Builder status(Status value) {
            status = value;
            return this;
        }

        Builder accepted(boolean isComplex, LocalDate on) {
            complex = isComplex;
            acceptedOn = on;
            status = Status.ACCEPTED;
            return this;
        }

        Builder concluded(Conclusion value, LocalDate on) {
            conclusion = value;
            concludedOn = on;
            status = Status.CONCLUDED;
            return this;
        }

        Builder closed(Status terminal, LocalDate on) {
            status = terminal;
            closedOn = on;
            return this;
        }

        Builder extended(String reasonCode, LocalDate on) {
            extensions = new java.util.ArrayList<>(extensions);
            extensions.add(new Extension(reasonCode, on));
            extensions = List.copyOf(extensions);
            return this;
        }

        Builder valuable() {
            valuable = true;
            return this;
        }

        Builder mergedInto(UUID other) {
            mergedInto = other;
            return this;
        }

        Builder reporterErased() {
            reporterErased = true;
            return this;
        }

        Builder lastEffectiveOn(LocalDate on) {
            lastEffectiveOn = on;
            return this;
        }

        Submission build() {
            return new Submission(id, trackingCode, kind, channel, unitId, status, track, identified, reporterRef,
                    partnerClientId, originatingOpinionId, topic, tags, publicSummary, remoteArea, complex, receivedOn,
                    classifiedOn, acceptedOn, concludedOn, closedOn, conclusion, extensions, valuable, mergedInto,
                    reporterErased, lastEffectiveOn);
        }
    }
}
