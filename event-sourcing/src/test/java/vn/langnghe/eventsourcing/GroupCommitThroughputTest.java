package vn.langnghe.eventsourcing;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import vn.langnghe.eventsourcing.store.EventContext;
import vn.langnghe.eventsourcing.store.EventStore;
import vn.langnghe.eventsourcing.store.ExpectedVersion;
import vn.langnghe.eventsourcing.store.GroupCommit;
import vn.langnghe.eventsourcing.store.GroupCommitSettings;
import vn.langnghe.eventsourcing.store.NewEvent;

/**
 * Appends per second with and without group commit, on a PostgreSQL of its own with fsync on, next to pgbench's
 * single-row insert rate on the same server (the raw limit). Measures and reports; asserts no timing. Runs only
 * when asked: {@code -Dtest=GroupCommitThroughputTest -Dlangnghe.benchmark=true}; the table goes to stdout and
 * {@code target/group-commit-throughput.txt}.
 */
@EnabledIfSystemProperty(named = "langnghe.benchmark", matches = "true")
class GroupCommitThroughputTest {

    private static final Duration WARM_UP = Duration.ofSeconds(2);
    private static final Duration MEASURE = Duration.ofSeconds(5);
    private static final int[] CONCURRENCY = {8, 16, 32};
    private static final String DATA = "{\"kind\":\"TIP\",\"unit\":\"HN-HK\",\"topic\":\"traffic\",\"summary\":"
            + "\"Xe tải chở quá tải qua cầu vào ban đêm / overloaded trucks cross the bridge at night\"}";

    private record Mode(String name, GroupCommitSettings groupCommit) {}

    /** PostgreSQL's own commit cost on this machine, or one made 1 ms slower, as a synchronous standby would. */
    private record Commit(String name, String... settings) {}

    @Test
    void appendsPerSecond_withAndWithoutGroupCommit() throws Exception {
        Mode own = new Mode("own transaction per append", null);
        Mode grouped = new Mode("group commit, no linger", GroupCommitSettings.defaults());
        Mode lingering = new Mode("group commit, linger 1 ms",
                GroupCommitSettings.defaults().withLinger(Duration.ofMillis(1)));
        Commit local = new Commit("local fsync");
        // commit_delay sleeps before each WAL flush; commit_siblings 0 makes it apply even to a lone committer.
        Commit slower = new Commit("fsync + 1 ms", "commit_delay = 1000", "commit_siblings = 0");
        StringBuilder report = new StringBuilder();
        try (OwnPostgres postgres = new OwnPostgres()) {
            report.append(String.format(Locale.ROOT, "PostgreSQL %s, fsync on, %d cores; %d s per run after %d s"
                    + " warm-up%n", postgres.server.version(), Runtime.getRuntime().availableProcessors(),
                    MEASURE.toSeconds(), WARM_UP.toSeconds()));
            report.append(String.format(Locale.ROOT, "%-14s %-28s %8s %12s %10s%n", "commit", "mode", "callers",
                    "appends/s", "mean batch"));
            int run = 0;
            for (Commit commit : List.of(local, slower)) {
                report.append(String.format(Locale.ROOT, "%-14s %-28s %8d %12.0f %10s%n", commit.name(),
                        "pgbench single-row INSERT", 8, pgbenchInsertRate(postgres, "pg_" + run++, commit), "-"));
                for (Mode mode : commit == local ? List.of(own, grouped, lingering) : List.of(own, grouped)) {
                    for (int callers : CONCURRENCY) {
                        AgroalDataSource dataSource = postgres.database("tp_" + run++, callers + 2, commit.settings());
                        GroupCommit groupCommit = mode.groupCommit() == null ? null
                                : new GroupCommit(dataSource, mode.groupCommit());
                        EventStore store = groupCommit == null ? new EventStore(dataSource, Clock.systemUTC())
                                : new EventStore(dataSource, Clock.systemUTC(), groupCommit);
                        double rate = appendRate(store, callers);
                        report.append(String.format(Locale.ROOT, "%-14s %-28s %8d %12.0f %10s%n", commit.name(),
                                mode.name(), callers, rate, groupCommit == null ? "-"
                                        : String.format(Locale.ROOT, "%.1f", groupCommit.meanBatchSize())));
                        if (groupCommit != null) {
                            groupCommit.close();
                        }
                        dataSource.close();
                        assertThat(rate).isPositive();
                    }
                }
            }
        }
        System.out.print(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "group-commit-throughput.txt"), report);
    }

    /** Callers append one event each to one of 1,000 streams, as fast as they are answered. */
    private static double appendRate(EventStore store, int callers) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicBoolean counting = new AtomicBoolean(false);
        AtomicLong appended = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            done.add(pool.submit(() -> {
                while (running.get()) {
                    store.append("s-" + ThreadLocalRandom.current().nextInt(1_000), "thing", ExpectedVersion.any(),
                            List.of(NewEvent.of("test.ThingHappened.v1", DATA)), EventContext.at(Instant.now(), "bench"));
                    if (counting.get()) {
                        appended.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        // Deliberate sleeps: the measurement is "what happens in this fixed window", there is nothing to poll for.
        Thread.sleep(WARM_UP.toMillis());
        counting.set(true);
        long started = System.nanoTime();
        Thread.sleep(MEASURE.toMillis());
        counting.set(false);
        double seconds = (System.nanoTime() - started) / 1e9;
        running.set(false);
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        return appended.get() / seconds;
    }

    /** pgbench inserting one row per transaction into a table shaped like the events table. */
    private static double pgbenchInsertRate(OwnPostgres postgres, String database, Commit commit) throws Exception {
        int clients = 8;
        AgroalDataSource dataSource = postgres.database(database, 2, commit.settings());
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE bench_append (position bigserial PRIMARY KEY, stream_id text NOT NULL,"
                    + " data jsonb NOT NULL, recorded_at timestamptz NOT NULL DEFAULT now())");
        }
        dataSource.close();
        Path script = Files.createTempFile("pgbench-append", ".sql");
        try {
            Files.writeString(script, "\\set n random(1, 1000)\n"
                    + "INSERT INTO bench_append (stream_id, data) VALUES ('s-' || :n, '" + DATA + "');\n");
            ProcessBuilder pgbench = new ProcessBuilder(postgres.server.binDir().resolve("pgbench").toString(),
                    "-h", postgres.server.host(), "-p", String.valueOf(postgres.server.port()),
                    "-U", postgres.server.username(), "-n", "-c", String.valueOf(clients), "-j", "2",
                    "-T", String.valueOf(MEASURE.toSeconds()), "-f", script.toString(), database)
                    .redirectErrorStream(true);
            pgbench.environment().put("PGPASSWORD", postgres.server.password());
            Process process = pgbench.start();
            String output = new String(process.getInputStream().readAllBytes());
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(output);
            assertThat(tps.find()).as("pgbench output: %s", output).isTrue();
            return Double.parseDouble(tps.group(1));
        } finally {
            deleteQuietly(script);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temp file
        }
    }
}
