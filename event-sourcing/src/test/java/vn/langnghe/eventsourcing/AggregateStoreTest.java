package vn.langnghe.eventsourcing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.langnghe.eventsourcing.command.AggregateStore;
import vn.langnghe.eventsourcing.command.CommandOutcome;
import vn.langnghe.eventsourcing.store.ConcurrencyConflict;
import vn.langnghe.eventsourcing.store.EventContext;
import vn.langnghe.eventsourcing.store.EventStore;
import vn.langnghe.eventsourcing.store.ExpectedVersion;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AggregateStoreTest {

    private AgroalDataSource dataSource;
    private AggregateStore<Counter.Command, Counter.State, Counter.Event> counters;

    /** Each command in a transaction of its own; {@link AggregateStoreThroughGroupCommitTest} shares them. */
    EventStore newStore(AgroalDataSource dataSource) {
        return new EventStore(dataSource, Clock.systemUTC());
    }

    @BeforeAll
    void database() {
        dataSource = TestInfra.freshDatabase();
        counters = new AggregateStore<>(newStore(dataSource), "counter", Counter.DECIDER, Counter.CODEC);
    }

    @AfterAll
    void close() {
        dataSource.close();
    }

    private static EventContext now() {
        return EventContext.at(Instant.now(), "test");
    }

    @Test
    void handle_appendsTheDecidedEvents_andReturnsStateAndVersion() {
        CommandOutcome<Counter.State, Counter.Event> outcome =
                counters.handle("c-1", new Counter.Add(5), ExpectedVersion.noStream(), now());

        assertThat(outcome.events()).containsExactly(new Counter.Added(5));
        assertThat(outcome.state().total()).isEqualTo(5);
        assertThat(outcome.version()).isEqualTo(1);
        assertThat(counters.load("c-1").state().total()).isEqualTo(5);
    }

    @Test
    void handleWithAStaleIfMatch_isAConflict() {
        counters.handle("c-2", new Counter.Add(1), ExpectedVersion.noStream(), now());
        counters.handle("c-2", new Counter.Add(1), ExpectedVersion.exactly(1), now());

        assertThatThrownBy(() -> counters.handle("c-2", new Counter.Add(1), ExpectedVersion.exactly(1), now()))
                .isInstanceOf(ConcurrencyConflict.class);
        assertThat(counters.load("c-2").version()).isEqualTo(2);
    }

    @Test
    void creatingAStreamThatExists_isAConflict_andAppendsNothing() {
        counters.handle("c-4", new Counter.Add(3), ExpectedVersion.noStream(), now());

        assertThatThrownBy(() -> counters.handle("c-4", new Counter.Add(1), ExpectedVersion.noStream(), now()))
                .isInstanceOfSatisfying(ConcurrencyConflict.class, conflict -> {
                    assertThat(conflict.expected()).isEqualTo(ExpectedVersion.noStream());
                    assertThat(conflict.actualVersion()).isEqualTo(1);
                });
        assertThat(counters.load("c-4").state().total()).isEqualTo(3);
        assertThat(counters.load("c-4").version()).isEqualTo(1);
    }

    @Test
    void aCommandThatDecidesNothing_appendsNothing() {
        CommandOutcome<Counter.State, Counter.Event> outcome =
                counters.handle("c-3", new Counter.Reset(), ExpectedVersion.any(), now());

        assertThat(outcome.events()).isEmpty();
        assertThat(outcome.version()).isZero();
    }

    @Test
    void additiveCommandsRacingEachOther_allLand_byDecidingAgainOnFreshState() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> adds = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            adds.add(pool.submit(() -> counters.handleAdditive("c-race", new Counter.Add(1), now())));
        }
        for (Future<?> add : adds) {
            add.get();
        }
        pool.shutdown();

        AggregateStore.Loaded<Counter.State> loaded = counters.load("c-race");
        assertThat(loaded.state().total()).isEqualTo(40);
        assertThat(loaded.version()).isEqualTo(40);
    }

    @Test
    void anAdditiveCommandTheFreshStateRefuses_stillFails() {
        counters.handle("c-full", new Counter.Add(Counter.CEILING), ExpectedVersion.noStream(), now());

        assertThatThrownBy(() -> counters.handleAdditive("c-full", new Counter.Add(1), now()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ceiling");
    }
}
