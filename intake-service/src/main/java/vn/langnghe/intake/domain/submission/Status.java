package vn.langnghe.intake.domain.submission;

/** Where a submission stands in its lifecycle. */
public enum Status {
    /** Tiếp nhận: recorded, not yet classified. */
    RECEIVED,
    /** Phân loại: kind, topic and unit decided. */
    CLASSIFIED,
    /** Thụ lý: accepted for handling; the resolution clock runs. */
    ACCEPTED,
    /** Xác minh. */
    IN_VERIFICATION,
    /** Kết luận. */
    CONCLUDED,
    /** Trả lời: the citizen was answered. Terminal. */
    ANSWERED,
    /** Chuyển đơn: sent to the competent agency. Terminal. */
    TRANSFERRED,
    /** Không thụ lý. Terminal. */
    NOT_ACCEPTED,
    /** Merged into another submission as a duplicate. Terminal. */
    MERGED,
    /** Rút đơn. Terminal. */
    WITHDRAWN;

    public boolean isTerminal() {
        return switch (this) {
            case ANSWERED, TRANSFERRED, NOT_ACCEPTED, MERGED, WITHDRAWN -> true;
            case RECEIVED, CLASSIFIED, ACCEPTED, IN_VERIFICATION, CONCLUDED -> false;
        };
    }
}
