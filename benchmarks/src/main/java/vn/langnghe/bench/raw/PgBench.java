package vn.langnghe.bench.raw;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.langnghe.bench.infra.BenchServers;
import vn.langnghe.testsupport.infra.LocalPostgres;

/**
 * PostgreSQL's raw limits with its own pgbench and custom scripts, 8 clients, on the run's fsync-on server:
 * single-row appends into an events-shaped table (one transaction each, ~500-byte jsonb), 100-row batched
 * inserts, and 100-row batched upserts into a projection-shaped table.
 */
public final class PgBench {

    public static final String DATABASE = "bench_raw";
    public static final int CLIENTS = 8;
    public static final int BATCH = 100;

    /** A ~500-byte event body, as the services store (a received submission with a summary). */
    static final String PAYLOAD = "{\"submissionId\": \"0f8e4d2c-6b1a-4c3e-9d7f-1a2b3c4d5e6f\", \"trackingCode\": "
            + "\"7K2M-Q9XA-4TRB\", \"kind\": \"TIP\", \"channel\": \"PARTNER_PORTAL\", \"unitId\": \"HP-LECHAN-ANDUONG\", "
            + "\"identified\": false, \"reporterRef\": null, \"partnerClientId\": \"cong-dich-vu-cong-hp\", "
            + "\"declaredTopic\": \"DRUGS\", \"effectiveAt\": \"2026-11-23T02:40:00Z\", \"publicSummary\": "
            + "\"Phản ánh tình trạng tụ tập đông người gây mất trật tự vào ban đêm tại khu vực chợ, đề nghị lực lượng "
            + "công an phường tăng cường tuần tra\"}";

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    /** One script: its name, file content, and rows per transaction. */
    public enum Script {
        APPEND("pg_append", "single-row append", 1,
                "insert into bench_events(stream_id, version, event_id, type, data) values (gen_random_uuid()::text,"
                        + " 1, gen_random_uuid(), 'bench.Appended.v1', '" + PAYLOAD + "'::jsonb);\n"),
        BATCH_INSERT("pg_batch_insert", "100-row batched insert", BATCH,
                "insert into bench_events(stream_id, version, event_id, type, data) select gen_random_uuid()::text,"
                        + " 1, gen_random_uuid(), 'bench.Appended.v1', '" + PAYLOAD + "'::jsonb from generate_series(1, "
                        + BATCH + ");\n"),
        BATCH_UPSERT("pg_batch_upsert", "100-row batched upsert", BATCH,
                // aligned ranges: two statements touch the same 100 rows in the same order, or none in common
                "\\set base random(0, 9999) * " + BATCH + "\n"
                        + "insert into bench_projection(id, events, last_type, updated_day) select :base + g, 1,"
                        + " 'bench.Appended.v1', date '2026-01-01' + (g % 28) from generate_series(1, " + BATCH + ") g"
                        + " on conflict (id) do update set events = bench_projection.events + 1,"
                        + " last_type = excluded.last_type, updated_day = excluded.updated_day;\n");

        public final String figure;
        public final String description;
        public final int rowsPerTransaction;
        final String sql;

        Script(String figure, String description, int rowsPerTransaction, String sql) {
            this.figure = figure;
            this.description = description;
            this.rowsPerTransaction = rowsPerTransaction;
            this.sql = sql;
        }
    }

    private final LocalPostgres postgres;
    private final Path workDir;

    public PgBench(LocalPostgres postgres, Path workDir) {
        this.postgres = postgres;
        this.workDir = workDir;
    }

    /** Creates the database and its tables once. */
    public void prepare() {
        postgres.createDatabase(DATABASE);
        try (Connection connection = BenchServers.connect(postgres, DATABASE);
                Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists bench_events (global_position bigserial primary key,"
                    + " stream_id text not null, version bigint not null, event_id uuid not null unique,"
                    + " type text not null, data jsonb not null, recorded_at timestamptz not null default now(),"
                    + " unique (stream_id, version))");
            statement.execute("create table if not exists bench_projection (id int primary key, events bigint not null,"
                    + " last_type text not null, updated_day date not null)");
            for (Script script : Script.values()) {
                Files.writeString(workDir.resolve(script.figure + ".sql"), script.sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the pgbench tables", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows per second of one script over {@code seconds}; the tool's output goes to {@code rawOutput}. */
    public double run(Script script, int seconds, Path rawOutput) {
        List<String> command = List.of(postgres.binDir().resolve("pgbench").toString(), "-n", "-c",
                String.valueOf(CLIENTS), "-j", "2", "-T", String.valueOf(seconds), "-f",
                workDir.resolve(script.figure + ".sql").toString(), "-h", postgres.host(), "-p",
                String.valueOf(postgres.port()), "-U", postgres.username(), DATABASE);
        String output = ToolRun.run(command, Map.of("PGPASSWORD", postgres.password()), rawOutput, seconds + 120L);
        return transactionsPerSecond(output) * script.rowsPerTransaction;
    }

    static double transactionsPerSecond(String output) {
        Matcher matcher = TPS.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("no 'tps = ... (without initial connection time)' in pgbench output:\n"
                    + output);
        }
        return Double.parseDouble(matcher.group(1));
    }
}
