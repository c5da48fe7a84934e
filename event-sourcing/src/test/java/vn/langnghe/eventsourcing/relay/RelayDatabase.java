package vn.langnghe.eventsourcing.relay;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;

/** What the relay tests read from, and do to, the producer's database. */
final class RelayDatabase {

    /** The relay's leader lock (0x4C4E524C) as pg_locks shows a bigint advisory key: high half, low half. */
    private static final String LEADER_LOCK_HOLDERS = "SELECT pid FROM pg_locks WHERE locktype = 'advisory'"
            + " AND classid = 0 AND objid = 1280201292 AND objsubid = 1"
            + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())";

    private RelayDatabase() {}

    static long lastPosition(DataSource db) {
        return single(db, "SELECT coalesce(max(global_position), 0) FROM events");
    }

    static long storedPosition(DataSource db, String relay) {
        return single(db, "SELECT coalesce((SELECT position FROM outbox_position WHERE relay = '" + relay + "'), 0)");
    }

    /** The global position of the n-th event (1-based). */
    static long positionOfEvent(DataSource db, int n) {
        return single(db, "SELECT global_position FROM events ORDER BY global_position OFFSET " + (n - 1) + " LIMIT 1");
    }

    static Set<String> eventIds(DataSource db) {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT event_id FROM events")) {
            Set<String> ids = new HashSet<>();
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What the death of a relay's process does to its database session: PostgreSQL ends it and the leader
     * lock goes with it. (A relay thread killed in the test JVM leaves its connection open otherwise.)
     */
    static int endLeaderSession(DataSource db) {
        return (int) single(db, "SELECT count(pg_terminate_backend(pid)) FROM (" + LEADER_LOCK_HOLDERS + ") holders");
    }

    private static long single(DataSource db, String sql) {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
