package vn.langnghe.reporting.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import javax.sql.DataSource;
import vn.langnghe.eventsourcing.store.SqlErrors;

/**
 * Report statements with a time limit, and two parts of a report run at once. The forum report computes its
 * figures from the fact rows when asked, so its cost grows with the events in its scope and period: without a
 * limit, a national report on millions of events ran into the connection's socket timeout and was answered as
 * "database unavailable" (the intake report now sums kept cells, ADR 0012).
 */
public final class ReportQueries {

    /** PostgreSQL's query_canceled: the driver cancelled the statement at its query timeout. */
    private static final String QUERY_CANCELED = "57014";

    private ReportQueries() {}

    /** Thrown when a report's statement ran past the limit and PostgreSQL stopped it. */
    public static final class ReportTooSlow extends RuntimeException {
        private final Duration limit;

        public ReportTooSlow(Duration limit, SQLException cause) {
            super("the report ran longer than " + limit.toSeconds() + " s and was stopped", cause);
            this.limit = limit;
        }

        public Duration limit() {
            return limit;
        }
    }

    /** A statement PostgreSQL cancels once it has run for {@code limit} (the driver sends the cancel). */
    public static PreparedStatement prepare(Connection c, Duration limit, String sql) throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        statement.setQueryTimeout((int) Math.max(1, limit.toSeconds()));
        return statement;
    }

    /** Work on a connection. */
    @FunctionalInterface
    public interface SqlWork {
        void run(Connection c) throws SQLException;
    }

    /**
     * Runs {@code first} here and {@code second} in a virtual thread at the same time, on two read-only
     * connections that see one snapshot ({@code pg_export_snapshot}): a report's statements take the time of
     * the slower one, not of both, and still count the same state of the projection.
     */
    public static void concurrently(DataSource dataSource, SqlWork first, SqlWork second) throws SQLException {
        try (Connection a = dataSource.getConnection(); Connection b = dataSource.getConnection()) {
            try {
                begin(a);
                String snapshot;
                try (Statement s = a.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_export_snapshot()")) {
                    rs.next();
                    snapshot = rs.getString(1);
                }
                begin(b);
                try (Statement s = b.createStatement()) {
                    s.execute("SET TRANSACTION SNAPSHOT '" + snapshot + "'");
                }
                FutureTask<Void> other = new FutureTask<>(() -> {
                    second.run(b);
                    return null;
                });
                Thread.ofVirtual().name("report-part").start(other);
                try {
                    first.run(a);
                } finally {
                    awaitPart(other);
                }
            } finally {
                end(a);
                end(b);
            }
        }
    }

    private static void awaitPart(FutureTask<Void> part) throws SQLException {
        try {
            part.get();
        } catch (InterruptedException e) {
            part.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the report ran", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static void begin(Connection c) throws SQLException {
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        c.setReadOnly(true);
    }

    /** Ends the read-only transaction and gives the pool the connection as it was. */
    private static void end(Connection c) throws SQLException {
        c.rollback();
        c.setReadOnly(false);
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        c.setAutoCommit(true);
    }

    public static RuntimeException translate(SQLException e, Duration limit) {
        return QUERY_CANCELED.equals(e.getSQLState()) ? new ReportTooSlow(limit, e) : SqlErrors.translate(e);
    }
}
