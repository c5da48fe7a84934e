package vn.langnghe.personal;

/** What kind of personal data a read was about. */
public enum SubjectType {
    IDENTITY,
    CASE_TEXT
}
