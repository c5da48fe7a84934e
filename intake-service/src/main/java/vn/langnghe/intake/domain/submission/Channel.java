package vn.langnghe.intake.domain.submission;

/** How the feedback reached the police (kênh tiếp nhận). */
public enum Channel {
    /** Đường dây nóng 24/24. */
    HOTLINE,
    /** Hòm thư góp ý. */
    SUGGESTION_BOX,
    /** Tiếp công dân tại trụ sở. */
    RECEPTION_DESK,
    /** A partner's web portal or app. */
    PARTNER_PORTAL,
    /** Bưu điện. */
    MAIL,
    /** Diễn đàn "Công an lắng nghe ý kiến nhân dân": opened from a forum escalation. */
    FORUM,
    /** Họp dân. */
    RESIDENT_MEETING
}
