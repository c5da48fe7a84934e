package vn.langnghe.eventsourcing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.langnghe.eventsourcing.store.AppendResult;
import vn.langnghe.eventsourcing.store.ConcurrencyConflict;
import vn.langnghe.eventsourcing.store.EventContext;
import vn.langnghe.eventsourcing.store.EventStore;
import vn.langnghe.eventsourcing.store.EventStoreUnavailable;
import vn.langnghe.eventsourcing.store.ExpectedVersion;
import vn.langnghe.eventsourcing.store.GroupCommit;
import vn.langnghe.eventsourcing.store.GroupCommitSettings;
import vn.langnghe.eventsourcing.store.NewEvent;

/**
 * Group commit against a real PostgreSQL. Most tests first hold the committer on a gate (a command that waits
 * inside its work), queue the commands under test behind it, then open the gate: those commands then form one
 * batch, whatever the timing of the machine.
 */
class GroupCommitTest {

    private final ExecutorService callers = Executors.newCachedThreadPool();
    private AgroalDataSource dataSource;
    private GroupCommit groupCommit;
    private EventStore store;

    @BeforeEach
    void setUp() {
        dataSource = TestInfra.freshDatabase();
        start(GroupCommitSettings.defaults());
    }

    private void start(GroupCommitSettings settings) {
        groupCommit = new GroupCommit(dataSource, settings);
        store = new EventStore(dataSource, Clock.systemUTC(), groupCommit);
    }

    @AfterEach
    void tearDown() {
        callers.shutdownNow();
        groupCommit.close();
        dataSource.close();
    }

    @Test
    void commandsQueuedTogether_shareOneTransaction_andEachGetsItsOwnResult() throws Exception {
        Gate gate = holdTheCommitter();
        List<Future<AppendResult>> appends = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String stream = "shared-" + i;
            int events = i % 3 + 1;
            appends.add(callers.submit(() -> store.append(stream, "thing", ExpectedVersion.noStream(),
                    events(events), context())));
        }
        awaitQueued(10);
        gate.open();

        for (int i = 0; i < 10; i++) {
            AppendResult result = appends.get(i).get(30, TimeUnit.SECONDS);
            assertThat(result.streamId()).isEqualTo("shared-" + i);
            assertThat(result.newVersion()).isEqualTo(i % 3 + 1);
            assertThat(store.readStream("shared-" + i)).hasSize(i % 3 + 1);
        }
        gate.finished();
        assertThat(groupCommit.batches()).isEqualTo(2); // the gate's, then all ten in one
        assertThat(groupCommit.largestBatch()).isEqualTo(10);
        assertThat(groupCommit.commands()).isEqualTo(11);
        assertThat(groupCommit.meanBatchSize()).isEqualTo(5.5);
    }

    @Test
    void aConflictingOrFailingCommandInABatch_failsAlone_whileTheOthersCommit() throws Exception {
        Gate gate = holdTheCommitter();
        Future<AppendResult> first = callers.submit(() -> store.append("contested", "thing",
                ExpectedVersion.noStream(), events(1), context()));
        awaitQueued(1);
        // Decided on the same state as the first, queued behind it in the same batch: it sees the first's write.
        Future<AppendResult> second = callers.submit(() -> store.append("contested", "thing",
                ExpectedVersion.noStream(), events(1), context()));
        awaitQueued(2);
        Future<Object> badSql = callers.submit(() -> groupCommit.inTransaction(tx -> {
            store.append(tx, "undone-by-bad-sql", "thing", ExpectedVersion.noStream(), events(1), context());
            try (Statement s = tx.createStatement()) {
                s.execute("SELECT no_such_column FROM events");
            }
            return null;
        }));
        awaitQueued(3);
        Future<Object> swallowed = callers.submit(() -> groupCommit.inTransaction(tx -> {
            store.append(tx, "undone-after-swallowing", "thing", ExpectedVersion.noStream(), events(1), context());
            try (Statement s = tx.createStatement()) {
                s.execute("SELECT 1/0");
            } catch (SQLException ignored) {
                // a careless command going on after its statement failed
            }
            return "carried on";
        }));
        awaitQueued(4);
        Future<Object> endsTheTransaction = callers.submit(() -> groupCommit.inTransaction(tx -> {
            store.append(tx, "undone-by-own-commit", "thing", ExpectedVersion.noStream(), events(1), context());
            tx.commit();
            return null;
        }));
        awaitQueued(5);
        Future<AppendResult> last = callers.submit(() -> store.append("after-the-failures", "thing",
                ExpectedVersion.noStream(), events(2), context()));
        awaitQueued(6);
        gate.open();

        assertThat(first.get(30, TimeUnit.SECONDS).newVersion()).isEqualTo(1);
        assertThat(failureOf(second)).isInstanceOfSatisfying(ConcurrencyConflict.class,
                c -> assertThat(c.actualVersion()).isEqualTo(1));
        assertThat(failureOf(badSql)).hasMessageContaining("no_such_column");
        assertThat(failureOf(swallowed)).hasMessageContaining("caught a database error");
        assertThat(failureOf(endsTheTransaction)).hasMessageContaining("commit() is not allowed");
        assertThat(last.get(30, TimeUnit.SECONDS).newVersion()).isEqualTo(2);
        gate.finished();
        assertThat(groupCommit.largestBatch()).isEqualTo(6);
        assertThat(store.readStream("contested")).hasSize(1);
        assertThat(store.readStream("undone-by-bad-sql")).isEmpty();
        assertThat(store.readStream("undone-after-swallowing")).isEmpty();
        assertThat(store.readStream("undone-by-own-commit")).isEmpty();
        assertThat(store.readStream("after-the-failures")).hasSize(2);
    }

    @Test
    void whenTheFirstCommandOfABatchFails_itAloneIsUndone_andTheRestCommit() throws Exception {
        Gate gate = holdTheCommitter();
        Future<Object> refused = callers.submit(() -> groupCommit.inTransaction(tx -> {
            store.append(tx, "refused-first", "thing", ExpectedVersion.noStream(), events(1), context());
            throw new IllegalArgumentException("refused after writing");
        }));
        awaitQueued(1);
        Future<AppendResult> second = callers.submit(() -> store.append("second", "thing", ExpectedVersion.noStream(),
                events(1), context()));
        awaitQueued(2);
        Future<Object> third = callers.submit(() -> groupCommit.inTransaction(tx -> {
            store.append(tx, "refused-third", "thing", ExpectedVersion.noStream(), events(1), context());
            throw new IllegalArgumentException("refused too");
        }));
        awaitQueued(3);
        Future<AppendResult> fourth = callers.submit(() -> store.append("fourth", "thing", ExpectedVersion.noStream(),
                events(1), context()));
        awaitQueued(4);
        gate.open();

        assertThat(failureOf(refused)).hasMessage("refused after writing");
        assertThat(second.get(30, TimeUnit.SECONDS).newVersion()).isEqualTo(1);
        assertThat(failureOf(third)).hasMessage("refused too");
        assertThat(fourth.get(30, TimeUnit.SECONDS).newVersion()).isEqualTo(1);
        gate.finished();
        assertThat(groupCommit.largestBatch()).isEqualTo(4);
        assertThat(store.readStream("refused-first")).isEmpty();
        assertThat(store.readStream("refused-third")).isEmpty();
        assertThat(store.readStream("second")).hasSize(1);
        assertThat(store.readStream("fourth")).hasSize(1);
    }

    @Test
    void aCommitThatFails_failsEveryCommandOfTheBatch_andStoresNone() throws Exception {
        // Checked only at commit: two commands of one batch claiming the same name make the commit fail.
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE claims (name text, CONSTRAINT claims_once UNIQUE (name)"
                    + " DEFERRABLE INITIALLY DEFERRED)");
        }
        Gate gate = holdTheCommitter();
        List<Future<Object>> claims = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String stream = "claimer-" + i;
            String name = i < 2 ? "the same name" : "name " + i;
            claims.add(callers.submit(() -> groupCommit.inTransaction(tx -> {
                store.append(tx, stream, "thing", ExpectedVersion.noStream(), events(1), context());
                try (PreparedStatement insert = tx.prepareStatement("INSERT INTO claims VALUES (?)")) {
                    insert.setString(1, name);
                    insert.executeUpdate();
                }
                return "claimed " + name;
            })));
        }
        awaitQueued(4);
        gate.open();

        for (Future<Object> claim : claims) {
            assertThat(failureOf(claim)).hasMessageContaining("claims_once");
        }
        gate.finished();
        assertThat(groupCommit.failedBatches()).isEqualTo(1);
        for (int i = 0; i < 4; i++) {
            assertThat(store.readStream("claimer-" + i)).isEmpty();
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM claims")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
        // The next batch is unaffected.
        assertThat(store.append("after", "thing", ExpectedVersion.noStream(), events(1), context()).newVersion())
                .isEqualTo(1);
    }

    @Test
    void aCallerWhoseCommandCannotStartInTime_getsUnavailable_andItNeverRuns() throws Exception {
        groupCommit.close();
        start(GroupCommitSettings.defaults().withTimeout(Duration.ofMillis(300)));
        Gate gate = holdTheCommitter();

        assertThatThrownBy(() -> store.append("too-late", "thing", ExpectedVersion.noStream(), events(1), context()))
                .isInstanceOf(EventStoreUnavailable.class)
                .hasMessageContaining("nothing was written");
        // The gate's own caller waited past the timeout while its command ran: it is told the truth, not a guess.
        assertThat(failureOf(gate.caller)).isInstanceOf(EventStoreUnavailable.class)
                .hasMessageContaining("may or may not have been recorded");
        gate.open();
        gate.finished();
        assertThat(store.readStream("gate")).hasSize(1); // it was recorded after all
        assertThat(store.append("in-time", "thing", ExpectedVersion.noStream(), events(1), context()).newVersion())
                .isEqualTo(1);
        assertThat(store.readStream("too-late")).isEmpty();
    }

    @Test
    void aCallerInterruptedBeforeItsTurn_getsUnavailable_keepsItsInterrupt_andItsCommandNeverRuns() throws Exception {
        Gate gate = holdTheCommitter();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread caller = Thread.ofPlatform().start(() -> {
            try {
                store.append("interrupted", "thing", ExpectedVersion.noStream(), events(1), context());
            } catch (RuntimeException e) {
                thrown.set(e);
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            }
        });
        awaitQueued(1);
        caller.interrupt();
        caller.join(10_000);
        gate.open();
        gate.finished();

        assertThat(thrown.get()).isInstanceOf(EventStoreUnavailable.class).hasMessageContaining("interrupted");
        assertThat(stillInterrupted).isTrue();
        assertThat(store.append("next", "thing", ExpectedVersion.noStream(), events(1), context()).newVersion())
                .isEqualTo(1);
        assertThat(store.readStream("interrupted")).isEmpty();
    }

    @Test
    void close_runsWhatIsQueued_thenRefusesNewCommands() throws Exception {
        Gate gate = holdTheCommitter();
        Future<AppendResult> queued = callers.submit(() -> store.append("queued-at-close", "thing",
                ExpectedVersion.noStream(), events(1), context()));
        awaitQueued(1);
        CompletableFuture<Void> closing = CompletableFuture.runAsync(groupCommit::close);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThatThrownBy(() ->
                store.append("after-close", "thing", ExpectedVersion.noStream(), events(1), context()))
                .isInstanceOf(EventStoreUnavailable.class).hasMessageContaining("shutting down"));
        gate.open();
        closing.get(30, TimeUnit.SECONDS);

        assertThat(queued.get(30, TimeUnit.SECONDS).newVersion()).isEqualTo(1);
        assertThat(store.readStream("after-close")).isEmpty();
    }

    @Test
    void underConcurrentLoad_positionsStayGapFree_andAreVisibleOnlyInOrder() throws Exception {
        // A snapshot that sees position N but not some M < N would let a relay skip M for good (ADR 0002). With no
        // rollbacks the positions are 1..count, so every snapshot must see exactly 1..max.
        EventStore ownTransactions = new EventStore(dataSource, Clock.systemUTC());
        AtomicBoolean loading = new AtomicBoolean(true);
        Future<Integer> watcher = callers.submit(() -> {
            int snapshots = 0;
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                while (loading.get()) {
                    try (ResultSet rs = s.executeQuery(
                            "SELECT count(*), coalesce(max(global_position), 0) FROM events")) {
                        rs.next();
                        assertThat(rs.getLong(1)).as("events visible in one snapshot").isEqualTo(rs.getLong(2));
                        snapshots++;
                    }
                }
            }
            return snapshots;
        });
        Load grouped = new Load(store, "grouped-", 12, 3_000, 200);
        Load alone = new Load(ownTransactions, "alone-", 4, 600, 50);
        List<Future<?>> done = new ArrayList<>(grouped.start(callers));
        done.addAll(alone.start(callers));
        for (Future<?> f : done) {
            f.get(300, TimeUnit.SECONDS);
        }
        loading.set(false);

        assertThat(watcher.get(30, TimeUnit.SECONDS)).isPositive();
        assertThat(groupCommit.largestBatch()).as("batches formed under load").isGreaterThan(1);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*), min(global_position), max(global_position),"
                        + " count(DISTINCT (stream_id, version)) FROM events")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(3_600);
            assertThat(rs.getLong(2)).isEqualTo(1);
            assertThat(rs.getLong(3)).isEqualTo(3_600);
            assertThat(rs.getLong(4)).isEqualTo(3_600);
        }
    }

    /** Occupies the committer with a command that waits inside its work until opened. */
    private Gate holdTheCommitter() throws InterruptedException {
        Gate gate = new Gate();
        gate.caller = callers.submit(() -> groupCommit.inTransaction(tx -> {
            store.append(tx, "gate", "thing", ExpectedVersion.noStream(), events(1), context());
            gate.entered.countDown();
            try {
                if (!gate.release.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the gate was never opened");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return "gate";
        }));
        assertThat(gate.entered.await(30, TimeUnit.SECONDS)).as("the committer runs the gate").isTrue();
        return gate;
    }

    private static final class Gate {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        Future<Object> caller;

        void open() {
            release.countDown();
        }

        /** Waits for the gate's batch, whatever its caller was told. */
        void finished() {
            try {
                caller.get(30, TimeUnit.SECONDS);
            } catch (ExecutionException | InterruptedException | java.util.concurrent.TimeoutException e) {
                // its outcome is asserted where it matters
            }
        }
    }

    private void awaitQueued(int commands) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
                .until(() -> groupCommit.queued() == commands);
    }

    private static Throwable failureOf(Future<?> future) throws Exception {
        try {
            future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("expected a failure, got a result");
    }

    private static List<NewEvent> events(int count) {
        List<NewEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(NewEvent.of("test.ThingHappened.v1", "{\"n\":" + i + "}"));
        }
        return events;
    }

    private static EventContext context() {
        return EventContext.at(Instant.now(), "test");
    }
}
