package vn.langnghe.contracts.events;

/**
 * The procedure track a submission is handled on. On the wire it is the constant's name, a string code.
 */
public enum Track {
    /** The kind's own legal procedure. */
    STANDARD("xử lý theo thủ tục", "standard procedure"),
    /**
     * Kiểm tra, xác minh: an anonymous denunciation is not processed as a denunciation; the information
     * is checked and verified without a denouncer to answer.
     */
    INSPECTION("kiểm tra, xác minh", "inspection"),
    ;

    private final String labelVi;
    private final String labelEn;

    Track(String labelVi, String labelEn) {
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
