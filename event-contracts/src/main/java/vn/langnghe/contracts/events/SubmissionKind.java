package vn.langnghe.contracts.events;

/**
 * The kind (loại) of a citizen submission. Each kind follows its own legal procedure and deadline,
 * which intake-service owns; this enum only names them for every service.
 */
public enum SubmissionKind {
    /** Tin: information about security and order; may be rated "valuable" (tin có giá trị). */
    TIP("tin về an ninh, trật tự", "information about security and order"),
    /** Tố giác, tin báo về tội phạm. */
    CRIME_REPORT("tố giác, tin báo về tội phạm", "crime report"),
    /** Tố cáo: a wrongdoing by an official or agency; the denouncer's identity stays confidential. */
    DENUNCIATION("tố cáo", "denunciation"),
    /** Khiếu nại: against an administrative decision or act. */
    COMPLAINT("khiếu nại", "complaint"),
    /** Kiến nghị, phản ánh: a suggestion or report of a situation. */
    PETITION("kiến nghị, phản ánh", "petition"),
    ;

    private final String labelVi;
    private final String labelEn;

    SubmissionKind(String labelVi, String labelEn) {
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
