package vn.langnghe.bench.infra;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import vn.langnghe.testsupport.infra.KafkaProcess;
import vn.langnghe.testsupport.infra.LocalPostgres;

/**
 * The benchmark's own PostgreSQL (fresh, fsync on) and Kafka broker (a child JVM, so its CPU is not the load
 * generator's). Refuses to go on when PostgreSQL would not make commits durable.
 */
public final class BenchServers implements AutoCloseable {

    /** Settings shown next to the results. */
    public static final List<String> REPORTED_SETTINGS = List.of("fsync", "synchronous_commit", "full_page_writes",
            "wal_sync_method", "shared_buffers", "max_wal_size", "checkpoint_timeout", "max_connections",
            "server_version");

    private final LocalPostgres postgres;
    private final KafkaProcess kafka;
    private final Map<String, String> settings;

    private BenchServers(LocalPostgres postgres, KafkaProcess kafka, Map<String, String> settings) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.settings = settings;
    }

    public static BenchServers start() {
        // Sized as a production server with this machine's memory would be: with the defaults (128 MB of buffers,
        // 1 GB of WAL between checkpoints) the projections' indexes no longer fit once millions of events are in,
        // and every checkpoint makes the next change of each page write the whole page to the WAL again.
        // Durability is untouched (fsync, synchronous_commit and full_page_writes stay on).
        LocalPostgres postgres = LocalPostgres.builder().withFsync(true)
                .withSetting("shared_buffers", "4GB")
                .withSetting("max_wal_size", "8GB")
                .withSetting("checkpoint_timeout", "15min")
                .build();
        postgres.start();
        Map<String, String> settings;
        try {
            settings = readSettings(postgres);
            refuseWithoutDurability(settings);
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
        KafkaProcess kafka = new KafkaProcess(Map.of(), List.of("-Xms256m", "-Xmx768m"));
        try {
            kafka.start();
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
        return new BenchServers(postgres, kafka, settings);
    }

    /** Issue 9: figures measured without durable commits would be meaningless, so the run stops here. */
    static void refuseWithoutDurability(Map<String, String> settings) {
        if (!"on".equals(settings.get("fsync"))) {
            throw new RefusedToRun("PostgreSQL has fsync = " + settings.get("fsync")
                    + ": benchmarks need durable commits (fsync = on); refusing to run");
        }
        String syncCommit = settings.get("synchronous_commit");
        if ("off".equals(syncCommit) || syncCommit == null) {
            throw new RefusedToRun("PostgreSQL has synchronous_commit = " + syncCommit
                    + ": benchmarks need durable commits; refusing to run");
        }
    }

    private static Map<String, String> readSettings(LocalPostgres postgres) {
        Map<String, String> settings = new LinkedHashMap<>();
        try (Connection connection = connect(postgres, "postgres"); Statement statement = connection.createStatement()) {
            for (String name : REPORTED_SETTINGS) {
                try (ResultSet rs = statement.executeQuery("SHOW " + name)) {
                    rs.next();
                    settings.put(name, rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read PostgreSQL's settings", e);
        }
        return settings;
    }

    public static Connection connect(LocalPostgres postgres, String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", postgres.username());
        props.setProperty("password", postgres.password());
        return new org.postgresql.Driver().connect(postgres.jdbcUrl(database), props);
    }

    public LocalPostgres postgres() {
        return postgres;
    }

    public KafkaProcess kafka() {
        return kafka;
    }

    public Map<String, String> postgresSettings() {
        return settings;
    }

    @Override
    public void close() {
        try {
            kafka.close();
        } finally {
            postgres.close();
        }
    }

    /** The run cannot give honest figures: a clear message, exit code 4. */
    public static final class RefusedToRun extends RuntimeException {
        public RefusedToRun(String message) {
            super(message);
        }
    }
}
