package vn.langnghe.console.services;

import io.quarkus.qute.TemplateData;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** What intake-service answers, as the console reads it (unknown fields ignored). */
public final class IntakeViews {

    private IntakeViews() {
    }

    @TemplateData
    public record Due(LocalDate acceptance, LocalDate acceptanceNotice, LocalDate resolution, LocalDate next,
            String clock) {

        public boolean atRisk() {
            return "AT_RISK".equals(clock);
        }

        public boolean overdue() {
            return "OVERDUE".equals(clock);
        }
    }

    @TemplateData
    public record Case(UUID id, String trackingCode, String kind, String channel, String unitId, String status,
            String track, boolean identified, String topic, String publicSummary, LocalDate receivedOn,
            LocalDate acceptedOn, LocalDate closedOn, Due due, long version) {

        public boolean isOpen() {
            return closedOn == null && !switch (status) {
                case "ANSWERED", "TRANSFERRED", "NOT_ACCEPTED", "MERGED", "WITHDRAWN" -> true;
                default -> false;
            };
        }

        /** Law on Denunciations 2018 art. 56: a denouncer's identity is kept from officers. */
        public boolean identityProtected() {
            return "DENUNCIATION".equals(kind);
        }

        public String clock() {
            return due == null || due.clock() == null ? "" : due.clock();
        }
    }

    @TemplateData
    public record HistoryEntry(long version, String type, Instant effectiveAt, Instant recordedAt,
            String recordedBy, String data) {

        /** "intake.SubmissionAnswered.v1" → "SubmissionAnswered". */
        public String shortType() {
            String t = type == null ? "" : type;
            int dot = t.indexOf('.');
            int last = t.lastIndexOf('.');
            return dot >= 0 && last > dot ? t.substring(dot + 1, last) : t;
        }
    }

    @TemplateData
    public record Identity(String fullName, String phone, String idNumber, String address, String email) {}

    @TemplateData
    public record Texts(Map<String, String> texts) {}
}
