package vn.langnghe.personal;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Runs reads on a pooled connection and maps JDBC failures onto this library's exceptions. */
final class Jdbc {

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private Jdbc() {}

    /** Each statement commits on its own, whatever the pool's default is. */
    static <T> T withConnection(DataSource dataSource, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true);
            try {
                return work.run(connection);
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    static RuntimeException translate(SQLException e) {
        String state = e.getSQLState();
        boolean unavailable = state == null
                || state.startsWith("08") // connection exception
                || state.startsWith("53") // insufficient resources
                || state.startsWith("57") // operator intervention
                || state.equals("40001") // serialization failure
                || state.equals("40P01"); // deadlock
        return unavailable
                ? new PersonalDataUnavailable("database unavailable: " + e.getMessage(), e)
                : new IllegalStateException("database error " + state + ": " + e.getMessage(), e);
    }
}
