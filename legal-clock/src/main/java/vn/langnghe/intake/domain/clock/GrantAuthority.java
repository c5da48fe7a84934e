package vn.langnghe.intake.domain.clock;

/** Who may grant an extension (gia hạn). */
public enum GrantAuthority {
    /** Thủ trưởng đơn vị: the head of the unit resolving the case (for crime reports, of the investigating body). */
    UNIT_HEAD("thủ trưởng đơn vị giải quyết", "head of the resolving unit"),
    /** Viện kiểm sát: the procuracy at the same level or the competent procuracy. */
    PROCURACY("Viện kiểm sát", "procuracy");

    private final String labelVi;
    private final String labelEn;

    GrantAuthority(String labelVi, String labelEn) {
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
