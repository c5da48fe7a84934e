package vn.langnghe.contracts.events;

/**
 * How the intake submission opened from an escalated forum opinion ended: one constant per
 * {@link SubmissionOutcome} type. Only the fact travels back to the forum, never the answer's text.
 */
public enum EscalationOutcome {
    /** Đã trả lời: {@link SubmissionAnswered}. */
    ANSWERED("đã trả lời", "answered"),
    /** Chuyển đơn: {@link SubmissionTransferred}. */
    TRANSFERRED("chuyển cơ quan có thẩm quyền", "transferred"),
    /** Không thụ lý: {@link SubmissionNotAccepted}. */
    NOT_ACCEPTED("không thụ lý", "not accepted"),
    /** Rút đơn: {@link SubmissionWithdrawn}. */
    WITHDRAWN("rút đơn", "withdrawn"),
    /** Gộp vào đơn trùng: {@link SubmissionMerged}. */
    MERGED("gộp vào đơn trùng", "merged as a duplicate"),
    ;

    private final String labelVi;
    private final String labelEn;

    EscalationOutcome(String labelVi, String labelEn) {
        this.labelVi = labelVi;
        this.labelEn = labelEn;
    }

    /** The outcome an intake terminal event stands for. */
    public static EscalationOutcome of(SubmissionOutcome outcome) {
        return switch (outcome) {
            case SubmissionAnswered o -> ANSWERED;
            case SubmissionTransferred o -> TRANSFERRED;
            case SubmissionNotAccepted o -> NOT_ACCEPTED;
            case SubmissionWithdrawn o -> WITHDRAWN;
            case SubmissionMerged o -> MERGED;
        };
    }

    /** Vietnamese label, shown first to users. */
    public String labelVi() {
        return labelVi;
    }

    public String labelEn() {
        return labelEn;
    }
}
