package vn.langnghe.testsupport.infra;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import javax.management.JMException;
import javax.management.JMX;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * PostgreSQL and Kafka for one test JVM or one local run: Testcontainers when a Docker engine answers, else the
 * machine's PostgreSQL binaries and an in-JVM Kafka. {@code LANGNGHE_INFRA=embedded|testcontainers} (system
 * property or environment) forces the choice; {@code LANGNGHE_PG_FSYNC=off} turns fsync off (tests only).
 */
public final class Infrastructure implements AutoCloseable {

    public enum Kind { EMBEDDED, TESTCONTAINERS }

    /** The chosen kind and why, e.g. "No Docker engine answered (...)". */
    public record Choice(Kind kind, String reason) {
    }

    public static final String SETTING = "LANGNGHE_INFRA";
    public static final String FSYNC_SETTING = "LANGNGHE_PG_FSYNC";

    private static final System.Logger LOG = System.getLogger(Infrastructure.class.getName());

    // A string literal is interned, so this is one monitor for the whole JVM, whatever class loader runs this.
    private static final String SHARED_LOCK = "vn.langnghe.testsupport.infra.Infrastructure#shared";
    private static final String KIND_PROPERTY = "langnghe.infra.shared.kind";
    private static final String DESCRIPTION_PROPERTY = "langnghe.infra.shared.description";
    private static final ObjectName POSTGRES_MBEAN = objectName("Postgres");
    private static final ObjectName KAFKA_MBEAN = objectName("Kafka");
    private static Infrastructure shared;

    private final Kind kind;
    private final String description;
    private final PostgresServer postgres;
    private final KafkaServer kafka;
    private final boolean owned;

    private Infrastructure(Kind kind, String description, PostgresServer postgres, KafkaServer kafka, boolean owned) {
        this.kind = kind;
        this.description = description;
        this.postgres = postgres;
        this.kafka = kafka;
        this.owned = owned;
    }

    /** Picks the kind: the {@value #SETTING} setting if given, else whether a Docker engine answers. */
    public static Choice choose(Function<String, Optional<String>> settings, DockerDetection docker) {
        Optional<String> forced = settings.apply(SETTING);
        if (forced.isPresent()) {
            String value = forced.get().toLowerCase(Locale.ROOT);
            Kind kind = switch (value) {
                case "embedded" -> Kind.EMBEDDED;
                case "testcontainers" -> Kind.TESTCONTAINERS;
                default -> throw new IllegalArgumentException(
                        SETTING + "=" + forced.get() + ": expected 'embedded' or 'testcontainers'");
            };
            return new Choice(kind, SETTING + "=" + value);
        }
        DockerDetection.Result detected = docker.detect();
        String reason = Character.toUpperCase(detected.detail().charAt(0)) + detected.detail().substring(1);
        return new Choice(detected.available() ? Kind.TESTCONTAINERS : Kind.EMBEDDED, reason);
    }

    /** Chooses from the settings and the Docker engine, starts both servers, logs one INFO line. */
    public static Infrastructure start() {
        return start(choose(Settings::get, DockerDetection.testcontainers()));
    }

    public static Infrastructure start(Choice choice) {
        boolean fsync = !Settings.get(FSYNC_SETTING).map(v -> v.equalsIgnoreCase("off") || v.equals("false"))
                .orElse(false);
        PostgresServer postgres;
        KafkaServer kafka;
        String description;
        if (choice.kind() == Kind.EMBEDDED) {
            LocalPostgres local = LocalPostgres.builder().withFsync(fsync).build();
            postgres = local;
            kafka = new EmbeddedKafka();
            description = "embedded PostgreSQL " + local.version() + " (" + local.binDir() + ") and in-JVM Kafka "
                    + EmbeddedKafka.version() + " KRaft";
        } else {
            postgres = new ContainerPostgres(fsync);
            kafka = new ContainerKafka();
            description = "Testcontainers " + ContainerPostgres.IMAGE + " and " + ContainerKafka.IMAGE;
        }
        long started = System.nanoTime();
        try {
            // In parallel: PostgreSQL takes about a second, Kafka a few.
            CompletableFuture<Void> postgresStarted = CompletableFuture.runAsync(postgres::start);
            kafka.start();
            postgresStarted.join();
        } catch (RuntimeException e) {
            postgres.close();
            kafka.close();
            throw e instanceof CompletionException && e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        description += " (postgres " + postgres.host() + ":" + postgres.port() + ", kafka "
                + kafka.bootstrapServers() + ", fsync " + (fsync ? "on" : "off") + ")";
        LOG.log(System.Logger.Level.INFO, "{0}: using {1}, started in {2} ms", choice.reason(), description,
                (System.nanoTime() - started) / 1_000_000);
        return new Infrastructure(choice.kind(), description, postgres, kafka, true);
    }

    /**
     * One infrastructure per JVM, started on first use and stopped when the JVM exits. Quarkus tests load classes
     * in more than one class loader; the first loader publishes its servers as platform MBeans and the others
     * use them through JMX proxies, so every caller sees the same servers (start/stop/crash included).
     */
    public static Infrastructure shared() {
        synchronized (SHARED_LOCK) {
            if (shared != null) {
                return shared;
            }
            MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();
            if (mbeans.isRegistered(POSTGRES_MBEAN) && mbeans.isRegistered(KAFKA_MBEAN)) {
                shared = new Infrastructure(Kind.valueOf(System.getProperty(KIND_PROPERTY)),
                        System.getProperty(DESCRIPTION_PROPERTY),
                        JMX.newMBeanProxy(mbeans, POSTGRES_MBEAN, PostgresServer.class),
                        JMX.newMBeanProxy(mbeans, KAFKA_MBEAN, KafkaServer.class), false);
                return shared;
            }
            Infrastructure started = start();
            try {
                mbeans.registerMBean(new StandardMBean(started.postgres, PostgresServer.class), POSTGRES_MBEAN);
                mbeans.registerMBean(new StandardMBean(started.kafka, KafkaServer.class), KAFKA_MBEAN);
            } catch (JMException e) {
                throw new IllegalStateException("cannot publish the shared infrastructure", e);
            }
            System.setProperty(KIND_PROPERTY, started.kind.name());
            System.setProperty(DESCRIPTION_PROPERTY, started.description);
            // Servers stop through their own shutdown hooks; the shared instance ignores close().
            shared = new Infrastructure(started.kind, started.description, started.postgres, started.kafka, false);
            return shared;
        }
    }

    public Kind kind() {
        return kind;
    }

    /** What runs where, e.g. "embedded PostgreSQL 15.18 (/usr/lib/postgresql/15/bin) and in-JVM Kafka 4.1.1 KRaft". */
    public String description() {
        return description;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public KafkaServer kafka() {
        return kafka;
    }

    /** Stops and deletes both servers; does nothing on the {@link #shared()} instance. */
    @Override
    public void close() {
        if (owned) {
            try {
                kafka.close();
            } finally {
                postgres.close();
            }
        }
    }

    private static ObjectName objectName(String type) {
        try {
            return new ObjectName("vn.langnghe.testsupport:type=Shared" + type);
        } catch (MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }
}
