package vn.langnghe.reporting.projection;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Small JDBC helpers: nulls, dates and instants. */
public final class Sql {

    private Sql() {}

    public static void text(PreparedStatement s, int i, String value) throws SQLException {
        if (value == null) {
            s.setNull(i, Types.VARCHAR);
        } else {
            s.setString(i, value);
        }
    }

    public static void date(PreparedStatement s, int i, LocalDate value) throws SQLException {
        if (value == null) {
            s.setNull(i, Types.DATE);
        } else {
            s.setDate(i, Date.valueOf(value));
        }
    }

    public static void instant(PreparedStatement s, int i, Instant value) throws SQLException {
        s.setTimestamp(i, Timestamp.from(value));
    }

    public static void uuid(PreparedStatement s, int i, UUID value) throws SQLException {
        if (value == null) {
            s.setNull(i, Types.OTHER);
        } else {
            s.setObject(i, value);
        }
    }

    public static void integer(PreparedStatement s, int i, Integer value) throws SQLException {
        if (value == null) {
            s.setNull(i, Types.INTEGER);
        } else {
            s.setInt(i, value);
        }
    }

    public static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    public static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    /** Schema and table names are never user input, but check them anyway before they enter SQL. */
    public static String identifier(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a safe SQL identifier: " + name);
        }
        return name;
    }
}
