package vn.langnghe.eventsourcing.consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.sql.DataSource;
import vn.langnghe.eventsourcing.decider.JacksonEventCodec;
import vn.langnghe.eventsourcing.store.Transactions;

/**
 * Exactly-once effect on an at-least-once log: the handler's writes and the per-stream checkpoints
 * commit in one transaction. A version at or below the checkpoint is a duplicate and changes nothing;
 * the next version is applied; a version further ahead is parked until its predecessors arrive.
 *
 * <p>A whole poll is applied in one transaction ({@link #applyAll}): the checkpoints of its streams are
 * read and locked with one statement, each event is classified in memory against a running checkpoint, the
 * handler gets every event to apply at once, and the checkpoints are written in bulk. One commit per poll
 * instead of per event is what lets a projection keep up with the log (ADR 0011).
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

    /** One event in a transaction of its own. */
    public ApplyOutcome apply(ConsumedEvent event) {
        return applyAll(List.of(event)).getFirst();
    }

    /**
     * The events of a poll, in delivery order, in one transaction: all are applied, or nothing is (a failure
     * rolls back every effect and checkpoint of the batch). Returns each event's outcome, in the same order.
     * An event that fills a gap counts as applied; the parked successors it releases were counted when they
     * arrived.
     */
    public List<ApplyOutcome> applyAll(List<ConsumedEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        return Transactions.inTransaction(dataSource, tx -> applyAll(tx, events));
    }

    private List<ApplyOutcome> applyAll(Connection tx, List<ConsumedEvent> events) throws SQLException {
        List<String> streams = events.stream().map(ConsumedEvent::streamId).distinct().sorted().toList();
        Map<String, Long> locked = lockCheckpoints(tx, streams);
        Map<String, Long> checkpoints = new HashMap<>(locked);
        // Events ahead of a gap, per stream by version: those parked by earlier batches, then this batch's.
        Map<String, TreeMap<Long, ConsumedEvent>> waiting = parkedEvents(tx, streams);
        List<String> hadParked = List.copyOf(waiting.keySet());
        List<ConsumedEvent> parkedNow = new ArrayList<>();
        List<ConsumedEvent> toApply = new ArrayList<>();
        List<ApplyOutcome> outcomes = new ArrayList<>(events.size());
        for (ConsumedEvent event : events) {
            String stream = event.streamId();
            long checkpoint = checkpoints.getOrDefault(stream, 0L);
            if (event.streamVersion() <= checkpoint) {
                outcomes.add(ApplyOutcome.DUPLICATE);
            } else if (event.streamVersion() > checkpoint + 1) {
                waiting.computeIfAbsent(stream, s -> new TreeMap<>()).putIfAbsent(event.streamVersion(), event);
                parkedNow.add(event);
                outcomes.add(ApplyOutcome.PARKED);
            } else {
                toApply.add(event);
                long applied = event.streamVersion();
                // The gap before waiting successors is filled now: they follow in order.
                TreeMap<Long, ConsumedEvent> successors = waiting.getOrDefault(stream, new TreeMap<>());
                ConsumedEvent next;
                while ((next = successors.remove(applied + 1)) != null) {
                    toApply.add(next);
                    applied = next.streamVersion();
                }
                checkpoints.put(stream, applied);
                outcomes.add(ApplyOutcome.APPLIED);
            }
        }
        if (!toApply.isEmpty()) {
            handler.applyAll(tx, toApply);
        }
        unpark(tx, hadParked, checkpoints);
        park(tx, parkedNow.stream()
                .filter(e -> e.streamVersion() > checkpoints.getOrDefault(e.streamId(), 0L)).toList());
        saveCheckpoints(tx, locked, checkpoints);
        return outcomes;
    }

    /**
     * Reads the checkpoints the streams have and locks their rows, so two deliveries cannot both apply. Sorted
     * streams, locked in that order: two batches never wait for each other in a cycle. A stream without one is at
     * 0; its checkpoint is inserted when the batch moves it, and a concurrent first delivery of the same stream
     * fails that insert on the primary key, so the later of the two transactions rolls back.
     */
    private Map<String, Long> lockCheckpoints(Connection tx, List<String> streams) throws SQLException {
        Map<String, Long> checkpoints = new HashMap<>();
        try (PreparedStatement select = tx.prepareStatement("SELECT stream_id, version FROM consumer_checkpoints"
                + " WHERE consumer = ? AND stream_id = ANY(?::text[]) ORDER BY stream_id FOR UPDATE")) {
            select.setString(1, consumer);
            select.setArray(2, tx.createArrayOf("text", streams.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    checkpoints.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return checkpoints;
    }

    /** Moves the checkpoints that existed and inserts those of streams seen for the first time. */
    private void saveCheckpoints(Connection tx, Map<String, Long> locked, Map<String, Long> checkpoints)
            throws SQLException {
        List<Map.Entry<String, Long>> moved = new ArrayList<>();
        List<Map.Entry<String, Long>> first = new ArrayList<>();
        checkpoints.forEach((stream, version) -> {
            Long before = locked.get(stream);
            if (before == null) {
                first.add(Map.entry(stream, version));
            } else if (!before.equals(version)) {
                moved.add(Map.entry(stream, version));
            }
        });
        if (!moved.isEmpty()) {
            try (PreparedStatement update = tx.prepareStatement("UPDATE consumer_checkpoints c SET version = m.version,"
                    + " updated_at = now() FROM unnest(?::text[], ?::bigint[]) AS m(stream_id, version)"
                    + " WHERE c.consumer = ? AND c.stream_id = m.stream_id")) {
                update.setArray(1, tx.createArrayOf("text", moved.stream().map(Map.Entry::getKey).toArray()));
                update.setArray(2, tx.createArrayOf("bigint", moved.stream().map(Map.Entry::getValue).toArray()));
                update.setString(3, consumer);
                update.executeUpdate();
            }
        }
        if (!first.isEmpty()) {
            try (PreparedStatement insert = tx.prepareStatement("INSERT INTO consumer_checkpoints (consumer, stream_id,"
                    + " version, updated_at) SELECT ?, f.stream_id, f.version, now()"
                    + " FROM unnest(?::text[], ?::bigint[]) AS f(stream_id, version)")) {
                insert.setString(1, consumer);
                insert.setArray(2, tx.createArrayOf("text", first.stream().map(Map.Entry::getKey).toArray()));
                insert.setArray(3, tx.createArrayOf("bigint", first.stream().map(Map.Entry::getValue).toArray()));
                insert.executeUpdate();
            }
        }
    }

    /** Events parked earlier for these streams (in the rare case any are: one query finds them all). */
    private Map<String, TreeMap<Long, ConsumedEvent>> parkedEvents(Connection tx, List<String> streams)
            throws SQLException {
        Map<String, TreeMap<Long, ConsumedEvent>> parked = new HashMap<>();
        try (PreparedStatement select = tx.prepareStatement("SELECT stream_id, version, event::text"
                + " FROM consumer_parked_events WHERE consumer = ? AND stream_id = ANY(?::text[])")) {
            select.setString(1, consumer);
            select.setArray(2, tx.createArrayOf("text", streams.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    parked.computeIfAbsent(rs.getString(1), s -> new TreeMap<>())
                            .put(rs.getLong(2), fromJson(rs.getString(3)));
                }
            }
        }
        return parked;
    }

    /** Deletes the parked events that are now applied (at or below their stream's new checkpoint). */
    private void unpark(Connection tx, List<String> streams, Map<String, Long> checkpoints) throws SQLException {
        if (streams.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = tx.prepareStatement("DELETE FROM consumer_parked_events p"
                + " USING unnest(?::text[], ?::bigint[]) AS c(stream_id, version)"
                + " WHERE p.consumer = ? AND p.stream_id = c.stream_id AND p.version <= c.version")) {
            delete.setArray(1, tx.createArrayOf("text", streams.toArray()));
            delete.setArray(2, tx.createArrayOf("bigint",
                    streams.stream().map(s -> checkpoints.getOrDefault(s, 0L)).toArray()));
            delete.setString(3, consumer);
            delete.executeUpdate();
        }
    }

    private void park(Connection tx, List<ConsumedEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = tx.prepareStatement("INSERT INTO consumer_parked_events"
                + " (consumer, stream_id, version, event, parked_at)"
                + " SELECT ?, p.stream_id, p.version, p.event::jsonb, now()"
                + " FROM unnest(?::text[], ?::bigint[], ?::text[]) AS p(stream_id, version, event)"
                + " ON CONFLICT DO NOTHING")) {
            insert.setString(1, consumer);
            insert.setArray(2, tx.createArrayOf("text", events.stream().map(ConsumedEvent::streamId).toArray()));
            insert.setArray(3, tx.createArrayOf("bigint",
                    events.stream().map(ConsumedEvent::streamVersion).toArray()));
            insert.setArray(4, tx.createArrayOf("text", events.stream().map(this::toJson).toArray()));
            insert.executeUpdate();
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
