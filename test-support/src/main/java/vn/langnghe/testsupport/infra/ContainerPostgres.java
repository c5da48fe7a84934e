package vn.langnghe.testsupport.infra;

import java.util.List;
import java.util.UUID;
import org.testcontainers.postgresql.PostgreSQLContainer;
import vn.langnghe.testsupport.ports.FreePorts;

/**
 * PostgreSQL 15 in a Testcontainers container, for machines with a Docker engine. The host port is fixed when the
 * container is created, so {@link #restart()} keeps it; stop/crash/restart act on the same container (same data).
 */
public final class ContainerPostgres implements PostgresServer {

    public static final String IMAGE = "postgres:15";

    private final PostgreSQLContainer container;
    private final int hostPort = FreePorts.next();

    public ContainerPostgres() {
        this(true);
    }

    /** @param fsync tests may pass false for speed; benchmarks must not */
    @SuppressWarnings("resource")
    public ContainerPostgres(boolean fsync) {
        container = new PostgreSQLContainer(IMAGE)
                .withDatabaseName("postgres")
                .withUsername(LocalPostgres.DEFAULT_USERNAME)
                .withPassword(UUID.randomUUID().toString().replace("-", ""));
        container.setCommand("postgres", "-c", "fsync=" + (fsync ? "on" : "off"), "-c", "max_connections=200");
        container.setPortBindings(List.of(hostPort + ":" + PostgreSQLContainer.POSTGRESQL_PORT));
    }

    @Override
    public synchronized void start() {
        if (container.getContainerId() == null) {
            container.start();
        } else if (!isRunning()) {
            container.getDockerClient().startContainerCmd(container.getContainerId()).exec();
            awaitConnectable();
        }
    }

    private boolean isRunning() {
        return Boolean.TRUE.equals(container.getDockerClient().inspectContainerCmd(container.getContainerId())
                .exec().getState().getRunning());
    }

    private void awaitConnectable() {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            try {
                LocalPostgres.createDatabase(this, "postgres");
                return;
            } catch (RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("PostgreSQL container did not come back", e);
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(ie);
                }
            }
        }
    }

    @Override
    public synchronized void stop() {
        if (container.getContainerId() != null && isRunning()) {
            // Docker sends the image's STOPSIGNAL (SIGINT: PostgreSQL's fast shutdown) and waits.
            container.getDockerClient().stopContainerCmd(container.getContainerId()).withTimeout(30).exec();
        }
    }

    @Override
    public synchronized void crash() {
        if (container.getContainerId() != null && isRunning()) {
            container.getDockerClient().killContainerCmd(container.getContainerId()).withSignal("SIGKILL").exec();
        }
    }

    @Override
    public synchronized void restart() {
        stop();
        start();
    }

    @Override
    public synchronized void close() {
        container.stop(); // removes the container and its data
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    @Override
    public String host() {
        return container.getHost();
    }

    @Override
    public int port() {
        return hostPort;
    }

    @Override
    public String username() {
        return container.getUsername();
    }

    @Override
    public String password() {
        return container.getPassword();
    }

    @Override
    public void createDatabase(String name) {
        LocalPostgres.createDatabase(this, name);
    }

    @Override
    public String toString() {
        return "ContainerPostgres[" + IMAGE + ", " + jdbcUrl("") + "]";
    }
}
