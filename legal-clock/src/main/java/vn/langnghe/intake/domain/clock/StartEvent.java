package vn.langnghe.intake.domain.clock;

/** The event whose date starts a legal period. */
public enum StartEvent {
    /** Tiếp nhận: the day the submission was received. */
    RECEIPT,
    /** Thụ lý: the day it was accepted for handling. */
    ACCEPTANCE
}
