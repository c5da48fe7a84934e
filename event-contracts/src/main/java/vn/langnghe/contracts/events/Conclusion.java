package vn.langnghe.contracts.events;

/** The verification conclusion (kết luận) of a complaint, denunciation or crime report. */
public enum Conclusion {
    /** Đúng. */
    FOUNDED("đúng", "founded"),
    /** Đúng một phần. */
    PARTLY_FOUNDED("đúng một phần", "partly founded"),
    /** Sai (không đúng). */
    UNFOUNDED("sai", "unfounded"),
    ;

    private final String labelVi;
    private final String labelEn;

    Conclusion(String labelVi, String labelEn) {
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
