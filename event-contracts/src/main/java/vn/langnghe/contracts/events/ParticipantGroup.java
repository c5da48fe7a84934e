package vn.langnghe.contracts.events;

/**
 * A group invited to, attending, or speaking at a forum or resident meeting (thành phần tham dự), as
 * named in the forum reports. Groups, never people: a speaker's identity is at most a vault reference.
 */
public enum ParticipantGroup {
    /** Mặt trận Tổ quốc (MTTQ). */
    FATHERLAND_FRONT("Mặt trận Tổ quốc", "Fatherland Front"),
    /** Hội Cựu chiến binh (Hội CCB). */
    VETERANS("Hội Cựu chiến binh", "veterans' association"),
    /** Đoàn Thanh niên. */
    YOUTH_UNION("Đoàn Thanh niên", "youth union"),
    /** Hội Phụ nữ. */
    WOMENS_UNION("Hội Phụ nữ", "women's union"),
    /** Ban giám hiệu các trường học. */
    SCHOOL_BOARD("Ban giám hiệu trường học", "school board"),
    /** Tổ dân phố. */
    RESIDENTIAL_GROUP("Tổ dân phố", "residential group"),
    /** Trưởng thôn. */
    VILLAGE_HEAD("Trưởng thôn", "village head"),
    /** Đại biểu nhân dân. */
    CITIZEN_REPRESENTATIVE("Đại biểu nhân dân", "citizen representative"),
    /** Lãnh đạo Đảng ủy, chính quyền địa phương. */
    PARTY_AND_GOVERNMENT("Lãnh đạo Đảng ủy, chính quyền địa phương", "party committee and local government"),
    /** Công an (beyond the delegation, e.g. ward police officers in the hall). */
    POLICE("Công an", "police"),
    /** Khác. */
    OTHER("Khác", "other"),
    ;

    private final String labelVi;
    private final String labelEn;

    ParticipantGroup(String labelVi, String labelEn) {
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
