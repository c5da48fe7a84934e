package vn.langnghe.testsupport.infra;

/**
 * A real PostgreSQL server for tests and the local run. One superuser owns everything; each service gets its own
 * database via {@link #createDatabase(String)}.
 */
public interface PostgresServer extends AutoCloseable {

    /** {@code jdbc:postgresql://host:port/database}. */
    String jdbcUrl(String database);

    /** {@code postgresql://host:port/database}, the form {@code quarkus.datasource.reactive.url} takes. */
    default String reactiveUrl(String database) {
        return "postgresql://" + host() + ":" + port() + "/" + database;
    }

    String host();

    int port();

    String username();

    String password();

    /** Creates the database unless it exists. */
    void createDatabase(String name);

    void start();

    /** Fast shutdown: active transactions are rolled back, data is kept. */
    void stop();

    /** Immediate shutdown without a checkpoint, as after a power cut: the next start replays the WAL. */
    void crash();

    /** Starts again (stopping first if running) on the same port with the same data. */
    void restart();

    /** Stops and deletes the data. */
    @Override
    void close();
}
