package vn.langnghe.personal;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One read of personal data, allowed or denied. It names the data by reference only, never by value.
 *
 * @param reason why access was denied (required then); optional for an allowed read
 */
public record AuditEntry(
        String actor,
        String actorRole,
        String purpose,
        SubjectType subjectType,
        String subjectRef,
        UUID caseId,
        boolean allowed,
        String reason,
        Instant at) {

    public AuditEntry {
        Checks.notBlank(actor, "actor");
        Checks.notBlank(actorRole, "actorRole");
        Checks.notBlank(purpose, "purpose");
        Objects.requireNonNull(subjectType, "subjectType");
        Checks.notBlank(subjectRef, "subjectRef");
        Objects.requireNonNull(at, "at");
        if (!allowed) {
            Checks.notBlank(reason, "reason of a denied access");
        }
    }
}
