package vn.langnghe.intake.domain.clock;

/** Where an open clock stands on a given day. */
public enum ClockStatus {
    /** Trong hạn: more than the at-risk fraction of the period is left. */
    ON_TIME,
    /** Sắp đến hạn: at most the at-risk fraction (20 % by default) of the period is left, due day included. */
    AT_RISK,
    /** Quá hạn: the due day has passed. */
    OVERDUE
}
