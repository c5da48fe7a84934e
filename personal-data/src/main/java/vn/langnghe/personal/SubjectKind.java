package vn.langnghe.personal;

/** Whose key it is: a person (their identity) or a case (free text by or about citizens in it). */
public enum SubjectKind {
    PERSON,
    CASE
}
