package vn.langnghe.eventsourcing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import vn.langnghe.eventsourcing.store.EventContext;
import vn.langnghe.eventsourcing.store.EventStore;
import vn.langnghe.eventsourcing.store.ExpectedVersion;
import vn.langnghe.eventsourcing.store.GroupCommit;
import vn.langnghe.eventsourcing.store.GroupCommitSettings;
import vn.langnghe.eventsourcing.store.NewEvent;

/** Durability is not weakened: PostgreSQL killed mid-load (fsync on) keeps every command a caller was told of. */
class GroupCommitCrashTest {

    private static final int CALLERS = 16;

    @Test
    void aCrashOfPostgresMidLoad_losesNoAcknowledgedCommand_andCommandsResumeAfterRestart() throws Exception {
        try (OwnPostgres postgres = new OwnPostgres()) {
            AgroalDataSource dataSource = postgres.database("crash", 8);
            GroupCommit groupCommit = new GroupCommit(dataSource,
                    GroupCommitSettings.defaults().withTimeout(Duration.ofSeconds(5)));
            EventStore store = new EventStore(dataSource, Clock.systemUTC(), groupCommit);
            ConcurrentLinkedQueue<UUID> acknowledged = new ConcurrentLinkedQueue<>();
            AtomicInteger failures = new AtomicInteger();
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CALLERS; c++) {
                String stream = "caller-" + c;
                done.add(callers.submit(() -> {
                    while (running.get()) {
                        NewEvent event = new NewEvent(UUID.randomUUID(), "test.ThingHappened.v1", "{}");
                        try {
                            store.append(stream, "thing", ExpectedVersion.any(), List.of(event),
                                    EventContext.at(Instant.now(), "crash-test"));
                            acknowledged.add(event.eventId());
                        } catch (RuntimeException e) {
                            failures.incrementAndGet(); // not acknowledged: may or may not be stored
                        }
                    }
                    return null;
                }));
            }
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 1_000);
                postgres.server.crash();
                await().atMost(Duration.ofSeconds(30)).until(() -> failures.get() > 0);
                int beforeRestart = acknowledged.size();
                postgres.server.restart();
                await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= beforeRestart + 500);
            } finally {
                running.set(false);
                for (Future<?> f : done) {
                    f.get(60, TimeUnit.SECONDS);
                }
                callers.shutdown();
                groupCommit.close();
            }

            Set<UUID> stored = new HashSet<>();
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT event_id FROM events")) {
                while (rs.next()) {
                    stored.add(rs.getObject(1, UUID.class));
                }
            }
            dataSource.close();
            assertThat(failures.get()).as("commands refused while the database was down").isPositive();
            assertThat(groupCommit.largestBatch()).as("batches formed under load").isGreaterThan(1);
            List<UUID> missing = acknowledged.stream().filter(id -> !stored.contains(id)).toList();
            assertThat(missing).as("acknowledged commands missing after the crash (of %d acknowledged)",
                    acknowledged.size()).isEmpty();
        }
    }
}
