package vn.langnghe.intake.domain.clock;

/** The stage of a submission that a legal deadline governs. */
public enum ClockPhase {
    /** Thụ lý (or, for a denunciation, xử lý ban đầu): accept or refuse the submission. */
    ACCEPTANCE("thụ lý", "acceptance"),
    /** Thông báo thụ lý: tell the denouncer that the denunciation was accepted. */
    ACCEPTANCE_NOTICE("thông báo thụ lý", "notice of acceptance"),
    /** Giải quyết: resolve the submission and answer it. */
    RESOLUTION("giải quyết", "resolution");

    private final String labelVi;
    private final String labelEn;

    ClockPhase(String labelVi, String labelEn) {
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
