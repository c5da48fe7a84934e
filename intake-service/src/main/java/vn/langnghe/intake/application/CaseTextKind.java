package vn.langnghe.intake.application;

/** Free text by or about a citizen, kept encrypted under the case's key and never in an event. */
public enum CaseTextKind {
    /** The citizen's own account. */
    DESCRIPTION,
    /** Verification findings (kết quả xác minh). */
    FINDINGS,
    /** The answer letter to the citizen. */
    ANSWER_LETTER
}
