package vn.langnghe.intake.personal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Holds reporters' identities; events and Kafka carry only the returned reference. The per-person
 * encrypted vault with crypto-shredding (issue 4) implements this same interface.
 */
public interface IdentityVault {

    /** Stores the identity inside the caller's transaction and returns its reference. */
    String store(Connection tx, ReporterIdentity identity) throws SQLException;

    Optional<ReporterIdentity> read(String ref);
}
