package vn.langnghe.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import vn.langnghe.personal.MasterKey;
import vn.langnghe.testsupport.infra.KafkaProcess;
import vn.langnghe.testsupport.infra.LocalPostgres;
import vn.langnghe.testsupport.ports.FreePorts;
import vn.langnghe.testsupport.tokens.TokenMinter;

/**
 * Everything a fault run starts and breaks: its own PostgreSQL (one database per service), a Kafka broker in its
 * own JVM, and the three packaged services, configured as the local run configures them.
 */
final class Cluster implements AutoCloseable {

    static final String INTAKE_TOPIC = "intake.submission.events";
    static final String FORUM_TOPIC = "forum.forum.events";

    final LocalPostgres postgres;
    final KafkaProcess kafka;
    final ServiceNode intake;
    final ServiceNode forum;
    final ServiceNode reporting;
    final Path workDir;

    private Cluster(LocalPostgres postgres, KafkaProcess kafka, ServiceNode intake, ServiceNode forum,
            ServiceNode reporting, Path workDir) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.intake = intake;
        this.forum = forum;
        this.reporting = reporting;
        this.workDir = workDir;
    }

    /** Starts the servers and the services and waits until every service is ready. */
    static Cluster start(Path rootDir, Path workDir, TokenMinter tokens) throws Exception {
        Files.createDirectories(workDir);
        // fsync stays on: a crashed PostgreSQL must recover what it acknowledged, as in production.
        LocalPostgres postgres = LocalPostgres.builder().build();
        KafkaProcess kafka = new KafkaProcess();
        CompletableFuture<Void> broker = CompletableFuture.runAsync(() -> {
            kafka.start();
            kafka.createTopic(INTAKE_TOPIC, 4);
            kafka.createTopic(FORUM_TOPIC, 4);
        });
        postgres.start();
        for (String database : List.of("intake", "forum", "reporting")) {
            postgres.createDatabase(database);
        }
        broker.join();
        ServiceNode intake = node(rootDir, "intake-service", "intake", postgres, kafka, tokens, workDir, true);
        ServiceNode forum = node(rootDir, "forum-service", "forum", postgres, kafka, tokens, workDir, true);
        ServiceNode reporting = node(rootDir, "reporting-service", "reporting", postgres, kafka, tokens, workDir,
                false);
        Cluster cluster = new Cluster(postgres, kafka, intake, forum, reporting, workDir);
        try {
            for (ServiceNode node : cluster.services()) {
                node.start();
            }
            for (ServiceNode node : cluster.services()) {
                node.awaitReady();
            }
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    private static ServiceNode node(Path rootDir, String module, String database, LocalPostgres postgres,
            KafkaProcess kafka, TokenMinter tokens, Path workDir, boolean personalData) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
        config.put("quarkus.datasource.username", postgres.username());
        config.put("quarkus.datasource.password", postgres.password());
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("quarkus.oidc.public-key", tokens.publicKeyPem());
        config.put("quarkus.oidc.token.issuer", tokens.issuer());
        if (personalData) {
            // Generated once per run and reused by every restart, as a deployment's secret would be.
            config.put("langnghe.personal.master-key", MasterKey.generate().toBase64());
        }
        return new ServiceNode(module, rootDir.resolve(module), config, FreePorts.next(),
                workDir.resolve(module + ".log"));
    }

    List<ServiceNode> services() {
        return List.of(intake, forum, reporting);
    }

    /** Load-generating services: the console-free APIs the load talks to. */
    List<ServiceNode> loaded() {
        return List.of(intake, forum);
    }

    ServiceNode node(FaultKind kind) {
        return switch (kind) {
            case INTAKE_KILLED -> intake;
            case FORUM_KILLED -> forum;
            case REPORTING_KILLED -> reporting;
            default -> throw new IllegalArgumentException(kind + " is not a service fault");
        };
    }

    Connection connect(String database) throws SQLException {
        java.util.Properties props = new java.util.Properties();
        props.setProperty("user", postgres.username());
        props.setProperty("password", postgres.password());
        return new org.postgresql.Driver().connect(postgres.jdbcUrl(database), props);
    }

    @Override
    public void close() {
        for (ServiceNode node : services()) {
            try {
                node.stop();
            } catch (RuntimeException e) {
                System.err.println("could not stop " + node.name() + ": " + e.getMessage());
            }
        }
        kafka.close();
        postgres.close();
    }
}
