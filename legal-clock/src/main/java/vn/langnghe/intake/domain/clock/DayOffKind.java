package vn.langnghe.intake.domain.clock;

/** Why a weekday is not a working day. All three count as days off for deadlines. */
public enum DayOffKind {
    /** Ngày nghỉ lễ, Tết: a public holiday of the Labour Code (art. 112 of the 2019 Code, art. 115 of 2012). */
    PUBLIC_HOLIDAY,
    /** Nghỉ bù: the next working day off because a holiday fell on a weekend. */
    COMPENSATORY,
    /** Nghỉ hoán đổi: a working day swapped with a make-up Saturday by a government decision. */
    SWAPPED
}
