package vn.langnghe.eventsourcing.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

/**
 * Commands that arrive together share one transaction and one commit (one WAL flush), each keeping its
 * own result or failure (ADR 0009).
 *
 * <p>Callers queue their work; a single committer thread takes everything queued (what gathered while
 * the previous commit was in flight, plus an optional linger) up to {@code maxBatch}, and runs each work
 * on one connection inside a savepoint of its own. A work that fails is rolled back to its savepoint,
 * alone. Then the batch commits once, with synchronous_commit as configured (on: durable), and only
 * after the commit answers does any caller get its outcome: the result of its work, or its own failure.
 * If the commit fails, every caller of the batch gets that failure and none of the batch is stored.
 *
 * <p>Appends inside a batch take the append lock as usual; it is re-entrant within the transaction and
 * held until the batch commits, so global positions still follow commit order (ADR 0002).
 */
public final class GroupCommit implements TransactionRunner, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(GroupCommit.class.getName());
    private static final String SAVEPOINT = "langnghe_group_commit";
    private static final Duration IDLE_CHECK = Duration.ofMillis(200);

    private final DataSource dataSource;
    private final GroupCommitSettings settings;
    private final LinkedBlockingQueue<Ticket<?>> queue = new LinkedBlockingQueue<>();
    private final Thread committer;
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong commands = new AtomicLong();
    private final AtomicLong failedBatches = new AtomicLong();
    private final AtomicInteger largestBatch = new AtomicInteger();
    private volatile boolean closed;

    public GroupCommit(DataSource dataSource, GroupCommitSettings settings) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.committer = Thread.ofPlatform().name("group-commit").daemon().unstarted(this::run);
        committer.start();
    }

    /**
     * Runs the work in the next batch and returns its result once the batch has committed. The work must
     * not end the transaction (the connection refuses commit, rollback and close); to undo its own writes it
     * throws. Throws what the work threw, or {@link EventStoreUnavailable} when the batch could not commit,
     * the caller was interrupted, or no outcome came within the timeout.
     */
    @Override
    public <T> T inTransaction(Transactions.Work<T> work) {
        Objects.requireNonNull(work, "work");
        if (closed) {
            throw new EventStoreUnavailable("the event store is shutting down", null);
        }
        Ticket<T> ticket = new Ticket<>(work);
        queue.add(ticket);
        if (closed && ticket.cancel()) { // closed in between: the committer may already have left
            throw new EventStoreUnavailable("the event store is shutting down", null);
        }
        return ticket.await(settings.timeout());
    }

    /** Commands waiting for the next batch. */
    public int queued() {
        return queue.size();
    }

    /** Transactions committed or attempted, each holding one or more commands. */
    public long batches() {
        return batches.get();
    }

    /** Commands run in those transactions (committed or not). */
    public long commands() {
        return commands.get();
    }

    /** Batches whose commit (or connection) failed, failing every command in them. */
    public long failedBatches() {
        return failedBatches.get();
    }

    public double meanBatchSize() {
        long b = batches.get();
        return b == 0 ? 0 : (double) commands.get() / b;
    }

    public int largestBatch() {
        return largestBatch.get();
    }

    public GroupCommitSettings settings() {
        return settings;
    }

    /** Stops taking commands, runs what is already queued, and stops the committer. */
    @Override
    public void close() {
        closed = true;
        try {
            committer.join(settings.timeout().toMillis() + IDLE_CHECK.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Ticket<?> left; (left = queue.poll()) != null; ) {
            left.fail(new EventStoreUnavailable("the event store is shutting down", null));
        }
    }

    private void run() {
        List<Ticket<?>> batch = new ArrayList<>(settings.maxBatch());
        while (true) {
            Ticket<?> first;
            try {
                first = queue.poll(IDLE_CHECK.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                continue; // only close() ends the committer, once the queue is drained
            }
            if (first == null) {
                if (closed) {
                    return;
                }
                continue;
            }
            batch.add(first);
            gather(batch);
            try {
                commit(batch);
            } catch (RuntimeException | Error e) {
                // A bug here must not strand callers: fail whoever is still waiting, keep committing.
                LOG.log(System.Logger.Level.ERROR, "group commit failed unexpectedly", e);
                batch.forEach(t -> t.fail(new EventStoreUnavailable("group commit failed: " + e, e)));
            }
            batch.clear();
        }
    }

    /** Adds what is queued now (and, with a linger, what arrives within it) up to the maximum. */
    private void gather(List<Ticket<?>> batch) {
        long lingerEnds = System.nanoTime() + settings.linger().toNanos();
        while (batch.size() < settings.maxBatch()) {
            queue.drainTo(batch, settings.maxBatch() - batch.size());
            long left = lingerEnds - System.nanoTime();
            if (batch.size() >= settings.maxBatch() || left <= 0) {
                return;
            }
            try {
                Ticket<?> next = queue.poll(left, TimeUnit.NANOSECONDS);
                if (next != null) {
                    batch.add(next);
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void commit(List<Ticket<?>> batch) {
        List<Ticket<?>> taken = new ArrayList<>(batch.size());
        for (Ticket<?> ticket : batch) {
            if (ticket.start()) { // a caller that gave up before its turn is left out
                taken.add(ticket);
            }
        }
        if (taken.isEmpty()) {
            return;
        }
        batches.incrementAndGet();
        commands.addAndGet(taken.size());
        largestBatch.accumulateAndGet(taken.size(), Math::max);
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                runEach(connection, taken);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection, e);
                throw e;
            } finally {
                restoreAutoCommit(connection, autoCommit);
            }
        } catch (SQLException | RuntimeException e) {
            failedBatches.incrementAndGet();
            RuntimeException failure = e instanceof SQLException sql ? SqlErrors.translate(sql) : (RuntimeException) e;
            // Nothing of the batch is stored: a command's own failure may have come from what another one
            // wrote, so every caller hears about the batch.
            taken.forEach(t -> t.fail(failure));
            return;
        }
        taken.forEach(Ticket::deliver);
    }

    /**
     * Each work in a savepoint of its own; one that fails is rolled back alone and the batch goes on. Until a
     * work has succeeded there is nothing to keep, so the batch starts without a savepoint (a round trip
     * saved) and a failure there rolls back the whole, still empty, transaction.
     */
    private static void runEach(Connection connection, List<Ticket<?>> taken) throws SQLException {
        BaseConnection postgres = connection.unwrap(BaseConnection.class);
        Connection guarded = BatchConnection.guard(connection);
        try (Statement control = connection.createStatement()) {
            boolean kept = false; // some work succeeded: later ones need savepoints
            boolean savepoint = false;
            for (Ticket<?> ticket : taken) {
                if (kept) {
                    // Releasing the previous savepoint and opening the next travel in one round trip.
                    control.execute(savepoint ? "RELEASE SAVEPOINT " + SAVEPOINT + "; SAVEPOINT " + SAVEPOINT
                            : "SAVEPOINT " + SAVEPOINT);
                    savepoint = true;
                }
                Throwable failure = ticket.runOn(guarded);
                if (failure == null && postgres.getTransactionState() == TransactionState.FAILED) {
                    failure = new IllegalStateException("the command caught a database error and went on;"
                            + " its transaction was aborted, so it is undone");
                    ticket.replaceOutcome(failure);
                }
                if (failure == null) {
                    kept = true;
                } else if (kept) {
                    control.execute("ROLLBACK TO SAVEPOINT " + SAVEPOINT);
                } else {
                    connection.rollback();
                }
            }
        }
    }

    private static void rollbackQuietly(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }

    private static void restoreAutoCommit(Connection connection, boolean autoCommit) {
        try {
            if (!connection.isClosed()) {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException ignored) {
            // the connection is broken; the pool will discard it
        }
    }

    /** One caller's work, its outcome held back until the batch's commit has answered. */
    private static final class Ticket<T> {

        private static final int QUEUED = 0;
        private static final int STARTED = 1;
        private static final int CANCELLED = 2;

        private final Transactions.Work<T> work;
        private final AtomicInteger state = new AtomicInteger(QUEUED);
        private final CompletableFuture<T> outcome = new CompletableFuture<>();
        private T result;
        private Throwable failure;

        Ticket(Transactions.Work<T> work) {
            this.work = work;
        }

        /** Committer: takes the ticket unless its caller already gave up. */
        boolean start() {
            return state.compareAndSet(QUEUED, STARTED);
        }

        /** Caller: gives up if the work has not started; then it never will. */
        boolean cancel() {
            return state.compareAndSet(QUEUED, CANCELLED);
        }

        /** Runs the work and keeps its outcome; returns its failure, or null. */
        Throwable runOn(Connection connection) {
            try {
                result = work.run(connection);
            } catch (SQLException e) {
                failure = SqlErrors.translate(e);
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            return failure;
        }

        void replaceOutcome(Throwable failure) {
            this.result = null;
            this.failure = failure;
        }

        /** After the commit: the caller gets its own result or its own failure. */
        void deliver() {
            if (failure == null) {
                outcome.complete(result);
            } else {
                outcome.completeExceptionally(failure);
            }
        }

        void fail(Throwable batchFailure) {
            outcome.completeExceptionally(batchFailure);
        }

        T await(Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        return outcome.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    } catch (ExecutionException e) {
                        throw rethrow(e.getCause());
                    } catch (InterruptedException e) {
                        interrupted = true;
                        if (cancel()) {
                            throw new EventStoreUnavailable("interrupted before the command ran; nothing was written", e);
                        }
                        // Already running: its outcome is on its way (bounded by the deadline), wait for it.
                    } catch (TimeoutException e) {
                        if (cancel()) {
                            throw new EventStoreUnavailable("no transaction was free within " + timeout
                                    + "; nothing was written", e);
                        }
                        throw new EventStoreUnavailable("the database did not confirm the commit within " + timeout
                                + "; the command may or may not have been recorded", e);
                    }
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        private static RuntimeException rethrow(Throwable failure) {
            if (failure instanceof Error error) {
                throw error;
            }
            return failure instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException(failure.getMessage(), failure);
        }
    }
}
