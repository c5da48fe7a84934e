package vn.langnghe.eventsourcing.store;

import java.sql.SQLException;

/** Maps JDBC failures onto the store's own exceptions. */
public final class SqlErrors {

    private SqlErrors() {}

    /** True for failures that say the database is gone or refused us, not that the SQL was wrong. */
    public static boolean isUnavailable(SQLException e) {
        String state = e.getSQLState();
        return state == null
                || state.startsWith("08") // connection exception
                || state.startsWith("53") // insufficient resources
                || state.startsWith("57") // operator intervention (shutdown, admin shutdown)
                || state.equals("40001") // serialization failure: retry later
                || state.equals("40P01"); // deadlock: retry later
    }

    public static RuntimeException translate(SQLException e) {
        if (isUnavailable(e)) {
            return new EventStoreUnavailable("database unavailable: " + e.getMessage(), e);
        }
        return new IllegalStateException("database error " + e.getSQLState() + ": " + e.getMessage(), e);
    }
}
