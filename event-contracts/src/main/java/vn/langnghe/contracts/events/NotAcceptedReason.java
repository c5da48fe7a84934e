package vn.langnghe.contracts.events;

/**
 * Legal reason why a submission was not accepted for handling (không thụ lý).
 * On the wire it is the constant's name, a string code.
 */
public enum NotAcceptedReason {
    /** Nặc danh: anonymous, e.g. a denunciation without a known denouncer is not handled as one. */
    ANONYMOUS("nặc danh, không rõ người gửi", "anonymous"),
    /** Không thuộc thẩm quyền giải quyết. */
    OUT_OF_COMPETENCE("không thuộc thẩm quyền", "outside the unit's competence"),
    /** Hết thời hiệu. */
    TIME_BARRED("hết thời hiệu", "time-barred"),
    /** Đã được giải quyết. */
    ALREADY_RESOLVED("đã được giải quyết", "already resolved"),
    /** Lý do khác, explained in the note. */
    OTHER("lý do khác", "other"),
    ;

    private final String labelVi;
    private final String labelEn;

    NotAcceptedReason(String labelVi, String labelEn) {
        this.labelVi = labelVi;
        this.labelEn = labelEn;
    }

    public String labelVi() {
        return labelVi;
    }

    public String labelEn() {
        return labelEn;
    }
}
