package vn.langnghe.personal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The audit stream of reads of personal data, in its own append-only table {@code personal_access_audit}.
 * It is deliberately not the event store: auditing a read must never change a case's version, and
 * the audit is never published to Kafka.
 */
public final class AccessAudit {

    private final DataSource dataSource;

    public AccessAudit(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records inside the caller's transaction: the entry commits or rolls back with its work. */
    public void record(Connection tx, AuditEntry entry) throws SQLException {
        try (PreparedStatement insert = tx.prepareStatement("INSERT INTO personal_access_audit (at, actor,"
                + " actor_role, purpose, subject_type, subject_ref, case_id, allowed, reason)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setTimestamp(1, Timestamp.from(entry.at()));
            insert.setString(2, entry.actor());
            insert.setString(3, entry.actorRole());
            insert.setString(4, entry.purpose());
            insert.setString(5, entry.subjectType().name());
            insert.setString(6, entry.subjectRef());
            insert.setObject(7, entry.caseId());
            insert.setBoolean(8, entry.allowed());
            insert.setString(9, entry.reason());
            insert.executeUpdate();
        }
    }

    /** Records and commits on its own. */
    public void record(AuditEntry entry) {
        Jdbc.withConnection(dataSource, connection -> {
            record(connection, entry);
            return null;
        });
    }

    /** Every recorded access to one identity reference or case (as its id), oldest first: for admins. */
    public List<AuditEntry> entriesFor(String subjectRef) {
        return Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT actor, actor_role, purpose,"
                    + " subject_type, subject_ref, case_id, allowed, reason, at FROM personal_access_audit"
                    + " WHERE subject_ref = ? ORDER BY id")) {
                select.setString(1, subjectRef);
                try (ResultSet rs = select.executeQuery()) {
                    List<AuditEntry> entries = new ArrayList<>();
                    while (rs.next()) {
                        entries.add(new AuditEntry(rs.getString(1), rs.getString(2), rs.getString(3),
                                SubjectType.valueOf(rs.getString(4)), rs.getString(5), rs.getObject(6, UUID.class),
                                rs.getBoolean(7), rs.getString(8), rs.getTimestamp(9).toInstant()));
                    }
                    return entries;
                }
            }
        });
    }
}
