package vn.langnghe.intake.personal;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import vn.langnghe.eventsourcing.store.SqlErrors;

/** Case text as one table, until the store encrypted under the case's key (issue 4) replaces it. */
@ApplicationScoped
public class TableCaseTextStore implements CaseTextStore {

    private final DataSource dataSource;

    TableCaseTextStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void write(Connection tx, UUID submissionId, TextKind kind, String body) throws SQLException {
        try (PreparedStatement upsert = tx.prepareStatement("INSERT INTO case_texts (submission_id, text_kind, body,"
                + " written_at) VALUES (?, ?, ?, now()) ON CONFLICT (submission_id, text_kind)"
                + " DO UPDATE SET body = excluded.body, written_at = now()")) {
            upsert.setObject(1, submissionId);
            upsert.setString(2, kind.name());
            upsert.setString(3, body);
            upsert.executeUpdate();
        }
    }

    @Override
    public Map<TextKind, String> read(UUID submissionId) {
        Map<TextKind, String> texts = new EnumMap<>(TextKind.class);
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement(
                        "SELECT text_kind, body FROM case_texts WHERE submission_id = ?")) {
            select.setObject(1, submissionId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    texts.put(TextKind.valueOf(rs.getString(1)), rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
        return texts;
    }
}
