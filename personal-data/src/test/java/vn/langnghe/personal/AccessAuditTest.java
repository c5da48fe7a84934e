package vn.langnghe.personal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AccessAuditTest {

    private static AgroalDataSource db;
    private static AccessAudit audit;

    @BeforeAll
    static void setUp() {
        db = TestInfra.freshDatabase();
        audit = new AccessAudit(db);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    private static AuditEntry entry(String ref) {
        return new AuditEntry("officer-1", "OFFICER", "verify", SubjectType.IDENTITY, ref, UUID.randomUUID(),
                true, null, Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    @Test
    void entries_come_back_as_recorded_and_only_for_their_subject() {
        String ref = "idv-" + UUID.randomUUID();
        AuditEntry recorded = entry(ref);
        audit.record(recorded);
        audit.record(entry("idv-" + UUID.randomUUID()));

        assertThat(audit.entriesFor(ref)).containsExactly(recorded);
    }

    @Test
    void an_entry_recorded_in_a_rolled_back_transaction_is_gone() {
        String ref = "idv-" + UUID.randomUUID();
        assertThatThrownBy(() -> TestInfra.inTransaction(db, tx -> {
            audit.record(tx, entry(ref));
            throw new IllegalStateException("rolled back");
        })).hasMessage("rolled back");

        assertThat(audit.entriesFor(ref)).isEmpty();
    }

    @Test
    void the_audit_refuses_update_delete_and_truncate() {
        String ref = "idv-" + UUID.randomUUID();
        audit.record(entry(ref));

        for (String sql : List.of("UPDATE personal_access_audit SET allowed = false, reason = 'x' WHERE subject_ref = ?",
                "DELETE FROM personal_access_audit WHERE subject_ref = ?")) {
            assertThatThrownBy(() -> TestInfra.execute(db, sql, ref)).hasMessageContaining("append-only");
        }
        assertThatThrownBy(() -> TestInfra.execute(db, "TRUNCATE personal_access_audit"))
                .hasMessageContaining("append-only");
        assertThat(audit.entriesFor(ref)).hasSize(1);
    }

    @Test
    void a_denied_access_needs_a_reason() {
        assertThatThrownBy(() -> new AuditEntry("officer-1", "OFFICER", "verify", SubjectType.IDENTITY, "idv-1",
                null, false, " ", Instant.now())).isInstanceOf(IllegalArgumentException.class);
    }
}
