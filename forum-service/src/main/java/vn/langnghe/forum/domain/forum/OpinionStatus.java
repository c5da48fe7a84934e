package vn.langnghe.forum.domain.forum;

/** Where one opinion (ý kiến) raised at a forum stands. */
public enum OpinionStatus {
    /** Recorded, not yet answered, followed up or escalated. */
    RECORDED,
    /** Trả lời tại chỗ: answered satisfactorily during the session. */
    ANSWERED_ON_THE_SPOT,
    /** Ghi nhận, tiếp thu: an owner unit must answer by a due date. */
    FOLLOW_UP_OPEN,
    /** The owner unit answered the follow-up. */
    FOLLOW_UP_ANSWERED,
    /** What the police committed to in the answer was done. */
    COMMITMENT_FULFILLED,
    /** Really a complaint, denunciation or crime report: handed to intake, which now owns the answer. */
    ESCALATED,
    /** intake's submission ended; the outcome is on the opinion's escalation. */
    ESCALATION_CLOSED;

    /** True while someone still owes the citizen an answer. */
    public boolean awaitsAnswer() {
        return this == RECORDED || this == FOLLOW_UP_OPEN || this == ESCALATED;
    }
}
