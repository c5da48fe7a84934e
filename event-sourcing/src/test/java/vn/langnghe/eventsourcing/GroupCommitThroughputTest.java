package vn.langnghe.eventsourcing;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
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
import vn.langnghe.eventsourcing.store.AppendResult;
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

    /** What one command writes, in its transaction. */
    private interface Command {
        void run(EventStore store) throws Exception;
    }

    private record Workload(String name, Command command) {}

    /** One event, as pgbench's one row. */
    private static final Workload APPEND = new Workload("append", store -> store.append(randomStream(), "thing",
            ExpectedVersion.any(), List.of(NewEvent.of("test.ThingHappened.v1", DATA)), context()));

    /**
     * Shaped like intake's submit: idempotency key and vault row before the append, read model and case text
     * after it, all in the command's transaction.
     */
    private static final Workload SUBMIT_LIKE = new Workload("append + 4 side writes",
            store -> store.commandTransactions().inTransaction(tx -> {
                UUID id = UUID.randomUUID();
                String stream = randomStream();
                try (PreparedStatement key = tx.prepareStatement("INSERT INTO bench_keys VALUES (?)");
                        PreparedStatement vault = tx.prepareStatement("INSERT INTO bench_vault VALUES (?, ?)");
                        PreparedStatement row = tx.prepareStatement("INSERT INTO bench_rows VALUES (?, ?, ?::jsonb)"
                                + " ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, data = excluded.data");
                        PreparedStatement text = tx.prepareStatement("INSERT INTO bench_texts VALUES (?, ?)")) {
                    key.setObject(1, id);
                    key.executeUpdate();
                    vault.setObject(1, id);
                    vault.setBytes(2, DATA.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    vault.executeUpdate();
                    AppendResult appended = store.append(tx, stream, "thing", ExpectedVersion.any(),
                            List.of(NewEvent.of("test.ThingHappened.v1", DATA)), context());
                    row.setString(1, stream);
                    row.setLong(2, appended.newVersion());
                    row.setString(3, DATA);
                    row.executeUpdate();
                    text.setObject(1, id);
                    text.setString(2, DATA);
                    text.executeUpdate();
                }
                return null;
            }));

    @Test
    void commandsPerSecond_withAndWithoutGroupCommit() throws Exception {
        Mode own = new Mode("own transaction", null);
        Mode grouped = new Mode("group commit", GroupCommitSettings.defaults());
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
            report.append(String.format(Locale.ROOT, "%-13s %-23s %-26s %7s %10s %10s%n", "commit", "command", "mode",
                    "callers", "commands/s", "mean batch"));
            int run = 0;
            for (Commit commit : List.of(local, slower)) {
                report.append(String.format(Locale.ROOT, "%-13s %-23s %-26s %7d %10.0f %10s%n", commit.name(),
                        "one-row INSERT", "pgbench", 8, pgbenchInsertRate(postgres, "pg_" + run++, commit), "-"));
                for (Workload workload : List.of(APPEND, SUBMIT_LIKE)) {
                    List<Mode> modes = commit == local && workload == APPEND ? List.of(own, grouped, lingering)
                            : List.of(own, grouped);
                    for (Mode mode : modes) {
                        for (int callers : CONCURRENCY) {
                            AgroalDataSource dataSource =
                                    postgres.database("tp_" + run++, callers + 2, commit.settings());
                            createSideTables(dataSource);
                            GroupCommit groupCommit = mode.groupCommit() == null ? null
                                    : new GroupCommit(dataSource, mode.groupCommit());
                            EventStore store = groupCommit == null ? new EventStore(dataSource, Clock.systemUTC())
                                    : new EventStore(dataSource, Clock.systemUTC(), groupCommit);
                            double rate = commandRate(store, workload.command(), callers);
                            report.append(String.format(Locale.ROOT, "%-13s %-23s %-26s %7d %10.0f %10s%n",
                                    commit.name(), workload.name(), mode.name(), callers, rate, groupCommit == null
                                            ? "-" : String.format(Locale.ROOT, "%.1f", groupCommit.meanBatchSize())));
                            if (groupCommit != null) {
                                groupCommit.close();
                            }
                            dataSource.close();
                            assertThat(rate).isPositive();
                        }
                    }
                }
            }
        }
        System.out.print(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "group-commit-throughput.txt"), report);
    }

    private static void createSideTables(AgroalDataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE bench_keys (id uuid PRIMARY KEY)");
            s.execute("CREATE TABLE bench_vault (ref uuid PRIMARY KEY, ciphertext bytea NOT NULL)");
            s.execute("CREATE TABLE bench_rows (stream_id text PRIMARY KEY, version bigint NOT NULL, data jsonb)");
            s.execute("CREATE TABLE bench_texts (id uuid PRIMARY KEY, body text NOT NULL)");
        }
    }

    private static String randomStream() {
        return "s-" + ThreadLocalRandom.current().nextInt(1_000);
    }

    private static EventContext context() {
        return EventContext.at(Instant.now(), "bench");
    }

    /** Callers run the command as fast as they are answered. */
    private static double commandRate(EventStore store, Command command, int callers) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicBoolean counting = new AtomicBoolean(false);
        AtomicLong done = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        List<Future<?>> finished = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            finished.add(pool.submit(() -> {
                while (running.get()) {
                    command.run(store);
                    if (counting.get()) {
                        done.incrementAndGet();
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
        for (Future<?> f : finished) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        return done.get() / seconds;
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
