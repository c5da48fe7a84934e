package vn.langnghe.contracts.events;

/** What an opinion (ý kiến) raised at a forum is, as the organiser records it. On the wire: the name. */
public enum OpinionNature {
    /** Đánh giá cao, biểu dương: many opinions at the forums praise the police. */
    PRAISE("đánh giá cao, biểu dương", "praise"),
    /** Phê bình: a shortcoming of the police pointed out. */
    CRITICISM("phê bình", "criticism"),
    /** Góp ý, đề xuất: a constructive proposal. */
    SUGGESTION("góp ý, đề xuất", "suggestion"),
    /** Câu hỏi, thắc mắc: answered on the spot or later. */
    QUESTION("câu hỏi, thắc mắc", "question"),
    /** Đề nghị, kiến nghị: the police are asked to act (more patrols, more staff). */
    REQUEST("đề nghị, kiến nghị", "request"),
    ;

    private final String labelVi;
    private final String labelEn;

    OpinionNature(String labelVi, String labelEn) {
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
