package vn.langnghe.eventsourcing.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The append-only events table of one service.
 *
 * <p>Every append takes one transaction-scoped advisory lock just before it inserts, so global
 * positions are handed out in commit order: a reader that sees position N will never later see a
 * smaller position appear. That is what lets the outbox relay simply follow positions (ADR 0002).
 * Append is therefore meant to be the last statement of its transaction.
 *
 * <p>Commands that run in a transaction of their own go through {@link #commandTransactions()}: one
 * transaction each, or a {@link GroupCommit} that lets concurrent commands share one (ADR 0009).
 */
public final class EventStore {

    /** Advisory lock key shared by every appender of a database ("LNES" in ASCII). */
    static final long APPEND_LOCK = 0x4C4E4553L;

    private static final String COLUMNS = "global_position, stream_id, stream_type, version, event_id,"
            + " event_type, data::text, effective_at, recorded_at, actor, correlation_id, causation_id";

    private final DataSource dataSource;
    private final Clock clock;
    private final TransactionRunner commandTransactions;

    /** Every command in a transaction of its own. */
    public EventStore(DataSource dataSource, Clock clock) {
        this(dataSource, clock, TransactionRunner.ownTransactions(dataSource));
    }

    /** Commands run through {@code commandTransactions}, e.g. a {@link GroupCommit} on the same database. */
    public EventStore(DataSource dataSource, Clock clock, TransactionRunner commandTransactions) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.commandTransactions = Objects.requireNonNull(commandTransactions, "commandTransactions");
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Where commands that write (append and their side writes) get their transaction. */
    public TransactionRunner commandTransactions() {
        return commandTransactions;
    }

    /** Appends in a command transaction of its own (possibly shared with concurrent commands). */
    public AppendResult append(
            String streamId, String streamType, ExpectedVersion expected, List<NewEvent> events, EventContext context) {
        return commandTransactions.inTransaction(tx -> append(tx, streamId, streamType, expected, events, context));
    }

    /**
     * Appends inside the caller's transaction, after whatever else it wrote (so both commit or
     * neither). Throws {@link ConcurrencyConflict} when the stream is not at the expected version.
     */
    public AppendResult append(
            Connection tx,
            String streamId,
            String streamType,
            ExpectedVersion expected,
            List<NewEvent> events,
            EventContext context)
            throws SQLException {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("nothing to append to " + streamId);
        }
        long current = lockAndReadVersion(tx, streamId);
        if (!expected.accepts(current)) {
            throw new ConcurrencyConflict(streamId, expected, current);
        }
        Instant recordedAt = clock.instant();
        List<RecordedEvent> recorded = new ArrayList<>(events.size());
        try (PreparedStatement insert = tx.prepareStatement(
                "INSERT INTO events (stream_id, stream_type, version, event_id, event_type, data, effective_at,"
                        + " recorded_at, actor, correlation_id, causation_id)"
                        + " VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?) RETURNING global_position")) {
            long version = current;
            for (NewEvent event : events) {
                version++;
                insert.setString(1, streamId);
                insert.setString(2, streamType);
                insert.setLong(3, version);
                insert.setObject(4, event.eventId());
                insert.setString(5, event.type());
                insert.setString(6, event.dataJson());
                insert.setTimestamp(7, Timestamp.from(context.effectiveAt()));
                insert.setTimestamp(8, Timestamp.from(recordedAt));
                insert.setString(9, context.actor());
                setUuid(insert, 10, context.correlationId());
                setUuid(insert, 11, context.causationId());
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    recorded.add(new RecordedEvent(rs.getLong(1), streamId, streamType, version, event.eventId(),
                            event.type(), event.dataJson(), context.effectiveAt(), recordedAt, context.actor(),
                            context.correlationId(), context.causationId()));
                }
            }
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState()) && e.getMessage().contains("events_stream_version")) {
                // Cannot happen while every appender takes the lock; kept as a backstop.
                throw new ConcurrencyConflict(streamId, expected, currentVersion(tx, streamId));
            }
            throw e;
        }
        return new AppendResult(streamId, recorded.getLast().version(), List.copyOf(recorded));
    }

    /**
     * Takes the append lock, then reads the stream's version, in one round trip: the two statements run one
     * after the other, so the read's snapshot is taken once the lock is held and sees every append committed
     * before it.
     */
    private static long lockAndReadVersion(Connection tx, String streamId) throws SQLException {
        try (PreparedStatement lockThenRead = tx.prepareStatement("SELECT pg_advisory_xact_lock(?);"
                + " SELECT coalesce(max(version), 0) FROM events WHERE stream_id = ?")) {
            lockThenRead.setLong(1, APPEND_LOCK);
            lockThenRead.setString(2, streamId);
            lockThenRead.execute();
            if (!lockThenRead.getMoreResults()) {
                throw new SQLException("no version read after the append lock");
            }
            try (ResultSet rs = lockThenRead.getResultSet()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Serialises the transactions that take it for one stream until they end. Uses the two-key
     * advisory lock space, so it can never collide with the single-key append lock.
     */
    public void lockStream(Connection tx, String streamId) throws SQLException {
        try (PreparedStatement lock = tx.prepareStatement("SELECT pg_advisory_xact_lock(1, hashtext(?))")) {
            lock.setString(1, streamId);
            lock.execute();
        }
    }

    public long currentVersion(Connection tx, String streamId) throws SQLException {
        try (PreparedStatement select =
                tx.prepareStatement("SELECT coalesce(max(version), 0) FROM events WHERE stream_id = ?")) {
            select.setString(1, streamId);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The whole stream in version order (empty when it does not exist). */
    public List<RecordedEvent> readStream(String streamId) {
        return Transactions.inTransaction(dataSource, tx -> readStream(tx, streamId));
    }

    public List<RecordedEvent> readStream(Connection tx, String streamId) throws SQLException {
        try (PreparedStatement select = tx.prepareStatement(
                "SELECT " + COLUMNS + " FROM events WHERE stream_id = ? ORDER BY version")) {
            select.setString(1, streamId);
            return readAll(select);
        }
    }

    /** Up to {@code limit} events after a global position, in position order (for relays and rebuilds). */
    public static List<RecordedEvent> readAfter(Connection connection, long position, int limit)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM events WHERE global_position > ? ORDER BY global_position LIMIT ?")) {
            select.setLong(1, position);
            select.setInt(2, limit);
            return readAll(select);
        }
    }

    private static List<RecordedEvent> readAll(PreparedStatement select) throws SQLException {
        List<RecordedEvent> events = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                events.add(new RecordedEvent(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getObject(5, UUID.class),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getTimestamp(8).toInstant(),
                        rs.getTimestamp(9).toInstant(),
                        rs.getString(10),
                        rs.getObject(11, UUID.class),
                        rs.getObject(12, UUID.class)));
            }
        }
        return events;
    }

    private static void setUuid(PreparedStatement statement, int index, UUID value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.OTHER);
        } else {
            statement.setObject(index, value);
        }
    }
}
