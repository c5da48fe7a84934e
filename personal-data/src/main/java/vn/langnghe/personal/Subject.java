package vn.langnghe.personal;

import java.util.Objects;
import java.util.UUID;

/**
 * Owner of one data-encryption key. Kind and id together name it, so a person id can never collide with a
 * case id. Ids are opaque and random: never a name, phone or other personal value.
 */
public record Subject(SubjectKind kind, String id) {

    public Subject {
        Objects.requireNonNull(kind, "kind");
        Checks.notBlank(id, "subject id");
    }

    public static Subject person(String personId) {
        return new Subject(SubjectKind.PERSON, personId);
    }

    public static Subject ofCase(UUID caseId) {
        return new Subject(SubjectKind.CASE, Objects.requireNonNull(caseId, "caseId").toString());
    }

    @Override
    public String toString() {
        return kind + " " + id;
    }
}
