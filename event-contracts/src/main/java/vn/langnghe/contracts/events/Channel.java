package vn.langnghe.contracts.events;

/**
 * How a submission reached the police (kênh tiếp nhận). On the wire it is the constant's name, a
 * string code.
 */
public enum Channel {
    /** Đường dây nóng. */
    HOTLINE("đường dây nóng", "hotline"),
    /** Hòm thư góp ý. */
    SUGGESTION_BOX("hòm thư góp ý", "suggestion box"),
    /** Tiếp công dân tại trụ sở. */
    RECEPTION_DESK("tiếp công dân", "citizen reception desk"),
    /** A partner's web portal or app, identified by its OIDC client id. */
    PARTNER_PORTAL("cổng thông tin đối tác (web, app)", "partner portal (web, app)"),
    /** Bưu điện. */
    MAIL("bưu điện", "mail"),
    /** Diễn đàn "Công an lắng nghe ý kiến nhân dân"; opened from a forum escalation. */
    FORUM("diễn đàn", "forum"),
    /** Họp dân. */
    RESIDENT_MEETING("họp dân", "resident meeting"),
    ;

    private final String labelVi;
    private final String labelEn;

    Channel(String labelVi, String labelEn) {
        this.labelVi = labelVi;
        this.labelEn = labelEn;
    }

    /** Vietnamese label, shown first to users. */
    public String labelVi() {
        return labelVi;
    }

    public String labelEn() {
        return labelEn;
    }
}
