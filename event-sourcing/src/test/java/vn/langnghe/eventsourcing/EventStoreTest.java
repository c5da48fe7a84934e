package vn.langnghe.eventsourcing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.langnghe.eventsourcing.store.AppendResult;
import vn.langnghe.eventsourcing.store.ConcurrencyConflict;
import vn.langnghe.eventsourcing.store.EventContext;
import vn.langnghe.eventsourcing.store.EventStore;
import vn.langnghe.eventsourcing.store.ExpectedVersion;
import vn.langnghe.eventsourcing.store.NewEvent;
import vn.langnghe.eventsourcing.store.RecordedEvent;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventStoreTest {

    private static final Instant NOW = Instant.parse("2026-11-23T03:00:00Z");
    private AgroalDataSource dataSource;
    private EventStore store;

    /** Each command in a transaction of its own; {@link EventStoreThroughGroupCommitTest} shares them. */
    EventStore newStore(AgroalDataSource dataSource, Clock clock) {
        return new EventStore(dataSource, clock);
    }

    @BeforeAll
    void database() {
        dataSource = TestInfra.freshDatabase();
        store = newStore(dataSource, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterAll
    void close() {
        dataSource.close();
    }

    private static EventContext context() {
        return EventContext.at(Instant.parse("2019-05-10T01:00:00Z"), "officer-1");
    }

    @Test
    void appendThenRead_keepsOrderTypesDataAndMetadata() {
        AppendResult result = store.append("s-read", "test", ExpectedVersion.noStream(),
                List.of(NewEvent.of("test.A.v1", "{\"n\":1}"), NewEvent.of("test.B.v1", "{\"n\":2}")), context());

        assertThat(result.newVersion()).isEqualTo(2);
        List<RecordedEvent> stream = store.readStream("s-read");
        assertThat(stream).extracting(RecordedEvent::version).containsExactly(1L, 2L);
        assertThat(stream).extracting(RecordedEvent::type).containsExactly("test.A.v1", "test.B.v1");
        assertThat(stream.get(1).dataJson()).isEqualTo("{\"n\": 2}");
        assertThat(stream.getFirst().effectiveAt()).isEqualTo(Instant.parse("2019-05-10T01:00:00Z"));
        assertThat(stream.getFirst().recordedAt()).isEqualTo(NOW);
        assertThat(stream.getFirst().actor()).isEqualTo("officer-1");
        assertThat(stream.getFirst().globalPosition()).isLessThan(stream.get(1).globalPosition());
    }

    @Test
    void appendWithStaleVersion_isATypedConflict_andWritesNothing() {
        store.append("s-stale", "test", ExpectedVersion.noStream(), List.of(NewEvent.of("test.A.v1", "{}")), context());

        assertThatThrownBy(() -> store.append("s-stale", "test", ExpectedVersion.noStream(),
                        List.of(NewEvent.of("test.A.v1", "{}")), context()))
                .isInstanceOfSatisfying(ConcurrencyConflict.class, c -> {
                    assertThat(c.streamId()).isEqualTo("s-stale");
                    assertThat(c.actualVersion()).isEqualTo(1);
                });
        assertThatThrownBy(() -> store.append("s-stale", "test", ExpectedVersion.exactly(3),
                        List.of(NewEvent.of("test.A.v1", "{}")), context()))
                .isInstanceOf(ConcurrencyConflict.class);
        assertThat(store.readStream("s-stale")).hasSize(1);
    }

    @Test
    void storedEvents_cannotBeUpdatedOrDeleted() throws Exception {
        store.append("s-immutable", "test", ExpectedVersion.any(), List.of(NewEvent.of("test.A.v1", "{}")), context());
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE events SET data = '{\"x\":1}' WHERE stream_id = 's-immutable'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM events WHERE stream_id = 's-immutable'"))
                    .hasMessageContaining("append-only");
        }
    }

    @Test
    void twentyConcurrentAppendsWithTheSameExpectedVersion_exactlyOneWins() throws Exception {
        String stream = "s-race";
        store.append(stream, "test", ExpectedVersion.noStream(), List.of(NewEvent.of("test.A.v1", "{}")), context());
        int contenders = 20;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < contenders; i++) {
            int n = i;
            results.add(pool.submit(() -> {
                start.await();
                try {
                    store.append(stream, "test", ExpectedVersion.exactly(1),
                            List.of(NewEvent.of("test.A.v1", "{\"by\":" + n + "}"),
                                    NewEvent.of("test.B.v1", "{\"by\":" + n + "}")),
                            context());
                    return true;
                } catch (ConcurrencyConflict conflict) {
                    return false;
                }
            }));
        }
        start.countDown();
        int wins = 0;
        int conflicts = 0;
        for (Future<Boolean> result : results) {
            if (result.get()) {
                wins++;
            } else {
                conflicts++;
            }
        }
        pool.shutdown();

        assertThat(wins).isEqualTo(1);
        assertThat(conflicts).isEqualTo(19);
        List<RecordedEvent> events = store.readStream(stream);
        assertThat(events).extracting(RecordedEvent::version).containsExactly(1L, 2L, 3L);
        // Both events of the winner, none of anyone else's.
        assertThat(events.get(1).dataJson()).isEqualTo(events.get(2).dataJson());
    }
}
