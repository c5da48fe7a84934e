package vn.langnghe.hostile;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import vn.langnghe.testsupport.infra.PostgresServer;

/**
 * Exact row counts of every table of a service's database (all schemas but the system's) and the last event's
 * global position, in one query: what a rejected request must leave as it found it.
 */
final class DatabaseFootprint implements AutoCloseable {

    // query_to_xml runs a count per table inside one statement, so one round trip covers tables created later
    // (reporting's projection generations) too.
    private static final String COUNTS = """
            SELECT table_schema || '.' || table_name,
                   (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM %I.%I',
                          table_schema, table_name), false, true, '')))[1]::text::bigint
              FROM information_schema.tables
             WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
            UNION ALL
            SELECT 'max(events.global_position)',
                   (xpath('/row/m/text()', query_to_xml('SELECT coalesce(max(global_position), 0) AS m FROM public.events',
                          false, true, '')))[1]::text::bigint
             WHERE to_regclass('public.events') IS NOT NULL
            """;

    private final Connection connection;

    DatabaseFootprint(PostgresServer postgres, String database) {
        try {
            this.connection = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(),
                    postgres.password());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach " + database, e);
        }
    }

    Map<String, Long> take() {
        Map<String, Long> counts = new TreeMap<>();
        try (Statement s = connection.createStatement(); ResultSet rows = s.executeQuery(COUNTS)) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count rows", e);
        }
        return counts;
    }

    /** The tables whose counts differ, as "table: before → after". */
    static Map<String, String> changes(Map<String, Long> before, Map<String, Long> after) {
        Map<String, String> changed = new TreeMap<>();
        for (String table : union(before, after)) {
            Long b = before.get(table);
            Long a = after.get(table);
            if (b == null || !b.equals(a)) {
                changed.put(table, b + " → " + a);
            }
        }
        return changed;
    }

    private static java.util.Set<String> union(Map<String, Long> a, Map<String, Long> b) {
        java.util.Set<String> all = new java.util.TreeSet<>(a.keySet());
        all.addAll(b.keySet());
        return all;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing at the end of the run
        }
    }
}
