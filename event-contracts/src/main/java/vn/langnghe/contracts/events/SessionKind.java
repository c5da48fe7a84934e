package vn.langnghe.contracts.events;

/**
 * The kind of session forum-service runs. Both follow the same flow (scheduled, opened with attendance,
 * opinions recorded and answered, closed with minutes). On the wire it is the constant's name.
 */
public enum SessionKind {
    /** Diễn đàn "Công an lắng nghe ý kiến nhân dân": organised by a police unit, led by a delegation. */
    FORUM("diễn đàn Công an lắng nghe ý kiến nhân dân", "listening forum"),
    /** Họp dân: the small, frequent sibling, counted mostly by total attendance. */
    RESIDENT_MEETING("họp dân", "resident meeting"),
    ;

    private final String labelVi;
    private final String labelEn;

    SessionKind(String labelVi, String labelEn) {
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
