package vn.langnghe.personal;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Who reads personal data and why; every read needs one, because every read is audited.
 *
 * @param caseId the case the reader works on, if any (recorded with identity reads)
 */
public record Access(String actor, String actorRole, String purpose, UUID caseId) {

    public Access {
        Checks.notBlank(actor, "actor");
        Checks.notBlank(actorRole, "actorRole");
        Checks.notBlank(purpose, "purpose");
    }

    public static Access of(String actor, String actorRole, String purpose) {
        return new Access(actor, actorRole, purpose, null);
    }

    public Access onCase(UUID caseId) {
        return new Access(actor, actorRole, purpose, Objects.requireNonNull(caseId, "caseId"));
    }

    AuditEntry allowed(SubjectType type, String subjectRef, UUID caseId, Instant at) {
        return new AuditEntry(actor, actorRole, purpose, type, subjectRef, caseId, true, null, at);
    }

    AuditEntry denied(SubjectType type, String subjectRef, UUID caseId, String reason, Instant at) {
        return new AuditEntry(actor, actorRole, purpose, type, subjectRef, caseId, false, reason, at);
    }
}
