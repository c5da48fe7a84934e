package vn.langnghe.intake.personal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import vn.langnghe.eventsourcing.store.SqlErrors;

/**
 * The identity vault as one table, until the encrypted per-person vault of issue 4 replaces it. The
 * reference is random, so it says nothing about the person.
 */
@ApplicationScoped
public class TableIdentityVault implements IdentityVault {

    private final DataSource dataSource;
    private final ObjectMapper json = new ObjectMapper();

    TableIdentityVault(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public String store(Connection tx, ReporterIdentity identity) throws SQLException {
        String ref = "idv-" + UUID.randomUUID();
        try (PreparedStatement insert = tx.prepareStatement(
                "INSERT INTO reporter_identities (ref, identity, created_at) VALUES (?, ?::jsonb, now())")) {
            insert.setString(1, ref);
            insert.setString(2, json.writeValueAsString(identity));
            insert.executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return ref;
    }

    @Override
    public Optional<ReporterIdentity> read(String ref) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement(
                        "SELECT identity::text FROM reporter_identities WHERE ref = ?")) {
            select.setString(1, ref);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(json.readValue(rs.getString(1), ReporterIdentity.class)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
