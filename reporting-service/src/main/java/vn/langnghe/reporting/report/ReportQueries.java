package vn.langnghe.reporting.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import vn.langnghe.eventsourcing.store.SqlErrors;

/**
 * Report statements with a time limit. A report computes its figures from the fact rows when asked, so its
 * cost grows with the events in its scope and period (ADR 0012): without a limit, a national report on
 * millions of events ran into the connection's socket timeout and was answered as "database unavailable".
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

    public static RuntimeException translate(SQLException e, Duration limit) {
        return QUERY_CANCELED.equals(e.getSQLState()) ? new ReportTooSlow(limit, e) : SqlErrors.translate(e);
    }
}
