package vn.langnghe.eventsourcing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import vn.langnghe.eventsourcing.consumer.EventHandler;
import vn.langnghe.eventsourcing.store.Transactions;

/** A projection for tests: counts how many times each (stream, version) was applied. */
public final class Effects {

    private Effects() {}

    public static void createTable(DataSource dataSource) {
        Transactions.inTransaction(dataSource, tx -> {
            try (Statement s = tx.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS effects (stream_id TEXT, version INT, times INT NOT NULL,"
                        + " applied_order BIGSERIAL, PRIMARY KEY (stream_id, version))");
            }
            return null;
        });
    }

    public static final EventHandler COUNTING = (tx, event) -> {
        try (PreparedStatement upsert = tx.prepareStatement("INSERT INTO effects (stream_id, version, times)"
                + " VALUES (?, ?, 1) ON CONFLICT (stream_id, version) DO UPDATE SET times = effects.times + 1")) {
            upsert.setString(1, event.streamId());
            upsert.setLong(2, event.streamVersion());
            upsert.executeUpdate();
        }
    };

    public static long query(DataSource dataSource, String sql) {
        return Transactions.inTransaction(dataSource, tx -> single(tx, sql));
    }

    private static long single(Connection tx, String sql) throws SQLException {
        try (Statement s = tx.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
