package vn.langnghe.eventsourcing.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Runs work in one JDBC transaction: commit on success, roll back on any failure. */
public final class Transactions {

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection tx) throws SQLException;
    }

    private Transactions() {}

    public static <T> T inTransaction(DataSource dataSource, Work<T> work) {
        try (Connection tx = dataSource.getConnection()) {
            boolean autoCommit = tx.getAutoCommit();
            tx.setAutoCommit(false);
            try {
                T result = work.run(tx);
                tx.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(tx, e);
                throw e;
            } finally {
                restoreAutoCommit(tx, autoCommit);
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }

    private static void rollbackQuietly(Connection tx, Throwable cause) {
        try {
            tx.rollback();
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }

    private static void restoreAutoCommit(Connection tx, boolean autoCommit) {
        try {
            if (!tx.isClosed()) {
                tx.setAutoCommit(autoCommit);
            }
        } catch (SQLException ignored) {
            // the connection is broken; the pool will discard it
        }
    }
}
