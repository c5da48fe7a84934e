package vn.langnghe.eventsourcing.consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import vn.langnghe.eventsourcing.decider.JacksonEventCodec;
import vn.langnghe.eventsourcing.store.Transactions;

/**
 * Exactly-once effect on an at-least-once log: the handler's writes and the per-stream checkpoint
 * commit in one transaction. A version at or below the checkpoint is a duplicate and changes nothing;
 * the next version is applied; a version further ahead is parked until its predecessors arrive.
 */
public final class CheckpointedApplier {

    private final DataSource dataSource;
    private final String consumer;
    private final EventHandler handler;
    private final ObjectMapper json = JacksonEventCodec.defaultMapper();

    public CheckpointedApplier(DataSource dataSource, String consumer, EventHandler handler) {
        this.dataSource = Objects.requireNonNull(dataSource);
        this.consumer = Objects.requireNonNull(consumer);
        this.handler = Objects.requireNonNull(handler);
    }

    public String consumer() {
        return consumer;
    }

    public ApplyOutcome apply(ConsumedEvent event) {
        return Transactions.inTransaction(dataSource, tx -> apply(tx, event));
    }

    private ApplyOutcome apply(Connection tx, ConsumedEvent event) throws SQLException {
        long checkpoint = lockCheckpoint(tx, event.streamId());
        if (event.streamVersion() <= checkpoint) {
            return ApplyOutcome.DUPLICATE;
        }
        if (event.streamVersion() > checkpoint + 1) {
            park(tx, event);
            return ApplyOutcome.PARKED;
        }
        handler.apply(tx, event);
        long applied = event.streamVersion();
        // The gap before parked successors is filled now: apply them in order.
        for (ConsumedEvent next = unpark(tx, event.streamId(), applied + 1); next != null;
                next = unpark(tx, event.streamId(), applied + 1)) {
            handler.apply(tx, next);
            applied = next.streamVersion();
        }
        saveCheckpoint(tx, event.streamId(), applied);
        return ApplyOutcome.APPLIED;
    }

    /** Reads the stream's checkpoint and locks its row, so two deliveries cannot both apply. */
    private long lockCheckpoint(Connection tx, String streamId) throws SQLException {
        try (PreparedStatement insert = tx.prepareStatement("INSERT INTO consumer_checkpoints"
                + " (consumer, stream_id, version, updated_at) VALUES (?, ?, 0, now()) ON CONFLICT DO NOTHING")) {
            insert.setString(1, consumer);
            insert.setString(2, streamId);
            insert.executeUpdate();
        }
        try (PreparedStatement select = tx.prepareStatement("SELECT version FROM consumer_checkpoints"
                + " WHERE consumer = ? AND stream_id = ? FOR UPDATE")) {
            select.setString(1, consumer);
            select.setString(2, streamId);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void saveCheckpoint(Connection tx, String streamId, long version) throws SQLException {
        try (PreparedStatement update = tx.prepareStatement("UPDATE consumer_checkpoints SET version = ?,"
                + " updated_at = now() WHERE consumer = ? AND stream_id = ?")) {
            update.setLong(1, version);
            update.setString(2, consumer);
            update.setString(3, streamId);
            update.executeUpdate();
        }
    }

    private void park(Connection tx, ConsumedEvent event) throws SQLException {
        try (PreparedStatement insert = tx.prepareStatement("INSERT INTO consumer_parked_events"
                + " (consumer, stream_id, version, event, parked_at) VALUES (?, ?, ?, ?::jsonb, now())"
                + " ON CONFLICT DO NOTHING")) {
            insert.setString(1, consumer);
            insert.setString(2, event.streamId());
            insert.setLong(3, event.streamVersion());
            insert.setString(4, toJson(event));
            insert.executeUpdate();
        }
    }

    private ConsumedEvent unpark(Connection tx, String streamId, long version) throws SQLException {
        try (PreparedStatement delete = tx.prepareStatement("DELETE FROM consumer_parked_events"
                + " WHERE consumer = ? AND stream_id = ? AND version = ? RETURNING event::text")) {
            delete.setString(1, consumer);
            delete.setString(2, streamId);
            delete.setLong(3, version);
            try (ResultSet rs = delete.executeQuery()) {
                return rs.next() ? fromJson(rs.getString(1)) : null;
            }
        }
    }

    /** Events parked for this consumer (each a version waiting for its predecessor). */
    public long parkedCount() {
        return Transactions.inTransaction(dataSource, tx -> {
            try (PreparedStatement s = tx.prepareStatement(
                    "SELECT count(*) FROM consumer_parked_events WHERE consumer = ?")) {
                s.setString(1, consumer);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private String toJson(ConsumedEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ConsumedEvent fromJson(String text) {
        try {
            return json.readValue(text, ConsumedEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parked event could not be read back", e);
        }
    }
}
