package vn.langnghe.intake.domain.submission;

/**
 * Anonymous denunciations are not processed as denunciations (Law on Denunciations 2018): they go to
 * an inspection track where the information is checked without a denouncer to answer.
 */
public enum Track {
    STANDARD,
    INSPECTION
}
