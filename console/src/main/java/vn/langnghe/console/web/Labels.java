package vn.langnghe.console.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import vn.langnghe.console.session.CurrentUser;
import vn.langnghe.contracts.events.Channel;
import vn.langnghe.contracts.events.Conclusion;
import vn.langnghe.contracts.events.NotAcceptedReason;
import vn.langnghe.contracts.events.OpinionNature;
import vn.langnghe.contracts.events.ParticipantGroup;
import vn.langnghe.contracts.events.SessionKind;
import vn.langnghe.contracts.events.SubmissionKind;
import vn.langnghe.contracts.reference.Topic;
import vn.langnghe.contracts.reference.Unit;

/**
 * Codes as people read them, in the request's language: topics and units from the shared reference data, the
 * contracts' enums with their Vietnamese and English labels, and the statuses. Templates use {@code inject:labels}.
 */
@RequestScoped
@Named("labels")
@io.quarkus.qute.TemplateData
public class Labels {

    private static final DateTimeFormatter VI_DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter EN_DAY = DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH);
    private static final DateTimeFormatter VI_TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
    private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("HH:mm, d MMM yyyy",
            java.util.Locale.ENGLISH);

    /** Statuses that are not contract enums: code → {vi, en}. */
    private static final Map<String, String[]> STATUSES = Map.ofEntries(
            Map.entry("RECEIVED", new String[] {"tiếp nhận", "received"}),
            Map.entry("CLASSIFIED", new String[] {"đã phân loại", "classified"}),
            Map.entry("ACCEPTED", new String[] {"đã thụ lý", "accepted"}),
            Map.entry("IN_VERIFICATION", new String[] {"đang xác minh", "in verification"}),
            Map.entry("CONCLUDED", new String[] {"đã kết luận", "concluded"}),
            Map.entry("ANSWERED", new String[] {"đã trả lời", "answered"}),
            Map.entry("TRANSFERRED", new String[] {"đã chuyển đơn", "transferred"}),
            Map.entry("NOT_ACCEPTED", new String[] {"không thụ lý", "not accepted"}),
            Map.entry("MERGED", new String[] {"đã gộp", "merged"}),
            Map.entry("WITHDRAWN", new String[] {"đã rút đơn", "withdrawn"}),
            Map.entry("SCHEDULED", new String[] {"lên kế hoạch", "scheduled"}),
            Map.entry("OPEN", new String[] {"đang diễn ra", "in session"}),
            Map.entry("CLOSED", new String[] {"đã bế mạc", "closed"}),
            Map.entry("RECORDED", new String[] {"chờ trả lời", "awaiting an answer"}),
            Map.entry("ANSWERED_ON_THE_SPOT", new String[] {"đã trả lời tại chỗ", "answered on the spot"}),
            Map.entry("FOLLOW_UP_OPEN", new String[] {"ghi nhận, trả lời sau", "to be answered later"}),
            Map.entry("FOLLOW_UP_ANSWERED", new String[] {"đã trả lời sau diễn đàn", "answered after the forum"}),
            Map.entry("COMMITMENT_FULFILLED", new String[] {"đã thực hiện cam kết", "commitment fulfilled"}),
            Map.entry("ESCALATED", new String[] {"đã chuyển xử lý", "escalated"}),
            Map.entry("ESCALATION_CLOSED", new String[] {"đã xử lý xong", "escalation closed"}),
            Map.entry("ON_TIME", new String[] {"trong hạn", "on time"}),
            Map.entry("AT_RISK", new String[] {"sắp đến hạn", "due soon"}),
            Map.entry("OVERDUE", new String[] {"quá hạn", "overdue"}),
            Map.entry("EARLY", new String[] {"trước hạn", "early"}),
            Map.entry("LATE", new String[] {"trễ hạn", "late"}),
            Map.entry("STANDARD", new String[] {"thông thường", "standard"}),
            Map.entry("INSPECTION", new String[] {"kiểm tra (tố cáo nặc danh)", "inspection (anonymous denunciation)"}));

    private final CurrentUser user;
    private final Reference reference;
    private final Boolean english;

    @jakarta.inject.Inject
    Labels(CurrentUser user, Reference reference) {
        this.user = user;
        this.reference = reference;
        this.english = null;
    }

    /** Outside a request (the live relay's thread): a fixed language, no unit of one's own. */
    public Labels(boolean english, Reference reference) {
        this.user = null;
        this.reference = reference;
        this.english = english;
    }

    private boolean en() {
        return english != null ? english : user.isEnglish();
    }

    public String topic(String code) {
        if (code == null) {
            return "";
        }
        return reference.topics().find(code).map(t -> en() ? t.labelEn() : t.labelVi()).orElse(code);
    }

    public String unit(String code) {
        if (code == null) {
            return "";
        }
        return reference.units().find(code).map(u -> en() ? u.nameEn() : u.nameVi()).orElse(code);
    }

    public String kind(String code) {
        return label(SubmissionKind.class, code);
    }

    public String nature(String code) {
        return label(OpinionNature.class, code);
    }

    public String group(String code) {
        return label(ParticipantGroup.class, code);
    }

    public String sessionKind(String code) {
        return label(SessionKind.class, code);
    }

    public String channel(String code) {
        return label(Channel.class, code);
    }

    public String conclusion(String code) {
        return label(Conclusion.class, code);
    }

    public String reason(String code) {
        return label(NotAcceptedReason.class, code);
    }

    public String status(String code) {
        if (code == null) {
            return "";
        }
        String[] labels = STATUSES.get(code);
        return labels == null ? code : labels[en() ? 1 : 0];
    }

    public String day(LocalDate day) {
        return day == null ? "—" : day.format(en() ? EN_DAY : VI_DAY);
    }

    public String time(LocalDateTime time) {
        return time == null ? "—" : time.format(en() ? EN_TIME : VI_TIME);
    }

    public String instant(java.time.Instant instant) {
        return instant == null ? "—" : time(LocalDateTime.ofInstant(instant, Reference.VIETNAM));
    }

    public List<Option> topics() {
        return reference.topics().all().stream().map((Topic t) -> new Option(t.code(), en() ? t.labelEn() : t.labelVi()))
                .toList();
    }

    public List<Option> natures() {
        return options(OpinionNature.class);
    }

    public List<Option> groups() {
        return options(ParticipantGroup.class);
    }

    public List<Option> kinds() {
        return options(SubmissionKind.class);
    }

    public List<Option> sessionKinds() {
        return options(SessionKind.class);
    }

    public List<Option> conclusions() {
        return options(Conclusion.class);
    }

    public List<Option> reasons() {
        return options(NotAcceptedReason.class);
    }

    public List<Option> channels() {
        return java.util.Arrays.stream(Channel.values()).filter(c -> c != Channel.FORUM && c != Channel.PARTNER_PORTAL)
                .map(c -> new Option(c.name(), label(Channel.class, c.name()))).toList();
    }

    /** Units that exist today within the person's own unit (theirs first), for pickers. */
    public List<Option> myUnits() {
        String own = user == null ? "" : user.getUnit();
        return reference.subtreeToday(own.isEmpty() ? null : own).stream()
                .map((Unit u) -> new Option(u.code(), en() ? u.nameEn() : u.nameVi())).toList();
    }

    private <E extends Enum<E>> String label(Class<E> type, String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        try {
            E value = Enum.valueOf(type, code);
            return (String) type.getMethod(en() ? "labelEn" : "labelVi").invoke(value);
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            return code;
        }
    }

    private <E extends Enum<E>> List<Option> options(Class<E> type) {
        return java.util.Arrays.stream(type.getEnumConstants()).map(e -> new Option(e.name(), label(type, e.name())))
                .toList();
    }

    /** A choice in a picker. */
    @io.quarkus.qute.TemplateData
    public record Option(String code, String label) {}
}
