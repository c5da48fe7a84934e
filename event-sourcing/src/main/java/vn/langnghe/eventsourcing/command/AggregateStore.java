package vn.langnghe.eventsourcing.command;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import vn.langnghe.eventsourcing.decider.Decider;
import vn.langnghe.eventsourcing.decider.EventCodec;
import vn.langnghe.eventsourcing.store.AppendResult;
import vn.langnghe.eventsourcing.store.ConcurrencyConflict;
import vn.langnghe.eventsourcing.store.EventContext;
import vn.langnghe.eventsourcing.store.EventStore;
import vn.langnghe.eventsourcing.store.ExpectedVersion;
import vn.langnghe.eventsourcing.store.NewEvent;
import vn.langnghe.eventsourcing.store.RecordedEvent;
import vn.langnghe.eventsourcing.store.Transactions;

/**
 * Load a stream, decide, append: one command in one transaction (its own, or a savepoint of a batch
 * shared with concurrent commands when the store runs them through a group commit).
 *
 * <p>{@link #handle} keeps the caller's expected version, so a stale client gets a conflict.
 * {@link #handleAdditive} is for commands that only add (recording an opinion while others record
 * theirs): they queue on a per-stream lock, and should a conflicting append still slip in (one made
 * without the lock) the command is decided again on the fresh state and appended again; only a
 * command the fresh state really refuses fails.
 */
public final class AggregateStore<C, S, E> {

    /**
     * Writes that must commit together with the events (an inline read model, idempotency keys, case
     * text). Runs after the append, so it sees the events' global positions; the append lock is held
     * until commit, so keep it short.
     */
    @FunctionalInterface
    public interface SideWrite<S, E> {
        void write(Connection tx, List<E> events, S state, AppendResult appended) throws SQLException;
    }

    private static <S, E> SideWrite<S, E> none() {
        return (tx, events, state, appended) -> {};
    }

    public record Loaded<S>(S state, long version) {}

    private static final int ADDITIVE_ATTEMPTS = 5;

    private final EventStore store;
    private final String streamType;
    private final Decider<C, S, E> decider;
    private final EventCodec<E> codec;

    public AggregateStore(EventStore store, String streamType, Decider<C, S, E> decider, EventCodec<E> codec) {
        this.store = Objects.requireNonNull(store);
        this.streamType = Objects.requireNonNull(streamType);
        this.decider = Objects.requireNonNull(decider);
        this.codec = Objects.requireNonNull(codec);
    }

    public Loaded<S> load(String streamId) {
        return Transactions.inTransaction(store.dataSource(), tx -> load(tx, streamId));
    }

    public Loaded<S> load(Connection tx, String streamId) throws SQLException {
        S state = decider.initialState();
        long version = 0;
        for (RecordedEvent recorded : store.readStream(tx, streamId)) {
            state = decider.evolve(state, codec.decode(recorded.type(), recorded.dataJson()));
            version = recorded.version();
        }
        return new Loaded<>(state, version);
    }

    public CommandOutcome<S, E> handle(String streamId, C command, ExpectedVersion expected, EventContext context) {
        return handle(streamId, command, expected, context, none());
    }

    public CommandOutcome<S, E> handle(
            String streamId, C command, ExpectedVersion expected, EventContext context, SideWrite<S, E> sideWrite) {
        return store.commandTransactions().inTransaction(
                tx -> handle(tx, streamId, command, expected, context, sideWrite));
    }

    /** The same inside the caller's transaction (e.g. a consumer's, with its checkpoint). */
    public CommandOutcome<S, E> handle(Connection tx, String streamId, C command, ExpectedVersion expected,
            EventContext context, SideWrite<S, E> sideWrite) throws SQLException {
        if (expected instanceof ExpectedVersion.NoStream) {
            // A new stream has nothing to read: the append checks under its lock that the stream is still empty.
            return decideAndAppend(tx, streamId, command, new Loaded<>(decider.initialState(), 0), expected, context,
                    sideWrite);
        }
        Loaded<S> loaded = load(tx, streamId);
        if (!expected.accepts(loaded.version())) {
            throw new ConcurrencyConflict(streamId, expected, loaded.version());
        }
        return decideAndAppend(tx, streamId, command, loaded, ExpectedVersion.exactly(loaded.version()), context,
                sideWrite);
    }

    public CommandOutcome<S, E> handleAdditive(String streamId, C command, EventContext context) {
        return handleAdditive(streamId, command, context, none());
    }

    public CommandOutcome<S, E> handleAdditive(String streamId, C command, EventContext context, SideWrite<S, E> sideWrite) {
        ConcurrencyConflict last = null;
        for (int attempt = 0; attempt < ADDITIVE_ATTEMPTS; attempt++) {
            try {
                return store.commandTransactions().inTransaction(tx -> {
                    store.lockStream(tx, streamId); // additive commands on one stream queue up, not collide
                    Loaded<S> loaded = load(tx, streamId);
                    return decideAndAppend(tx, streamId, command, loaded,
                            ExpectedVersion.exactly(loaded.version()), context, sideWrite);
                });
            } catch (ConcurrencyConflict conflict) {
                last = conflict; // someone appended in between: decide again on what they wrote
            }
        }
        throw last;
    }

    private CommandOutcome<S, E> decideAndAppend(
            Connection tx,
            String streamId,
            C command,
            Loaded<S> loaded,
            ExpectedVersion expected,
            EventContext context,
            SideWrite<S, E> sideWrite)
            throws SQLException {
        List<E> events = decider.decide(command, loaded.state());
        if (events.isEmpty()) {
            return new CommandOutcome<>(events, loaded.state(), loaded.version());
        }
        List<NewEvent> toAppend = events.stream()
                .map(event -> NewEvent.of(codec.typeOf(event), codec.encode(event)))
                .toList();
        AppendResult appended = store.append(tx, streamId, streamType, expected, toAppend, context);
        S state = decider.fold(loaded.state(), events);
        sideWrite.write(tx, events, state, appended);
        return new CommandOutcome<>(events, state, appended.newVersion());
    }
}
