package vn.langnghe.hostile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.langnghe.personal.MasterKey;
import vn.langnghe.testsupport.infra.Infrastructure;
import vn.langnghe.testsupport.process.ServiceProcess;
import vn.langnghe.testsupport.tokens.TokenMinter;
import vn.langnghe.testsupport.tokens.Tokens;

/**
 * The three services as their packaged jars, each on its own database of the JVM's shared PostgreSQL and on the
 * shared Kafka, configured as the other multi-process tests do (forum-service's EscalationLoopIT).
 */
final class ServiceFleet implements AutoCloseable {

    final ServiceUnderTest intake;
    final ServiceUnderTest forum;
    final ServiceUnderTest reporting;

    private ServiceFleet(ServiceUnderTest intake, ServiceUnderTest forum, ServiceUnderTest reporting) {
        this.intake = intake;
        this.forum = forum;
        this.reporting = reporting;
    }

    static ServiceFleet start() {
        Path root = Path.of(System.getProperty("langnghe.hostile.root.dir", "..")).toAbsolutePath().normalize();
        Infrastructure infra = Infrastructure.shared();
        ServiceProcess intake = start(root, "intake-service", "hostile_intake", infra);
        ServiceProcess forum = start(root, "forum-service", "hostile_forum", infra);
        ServiceProcess reporting = start(root, "reporting-service", "hostile_reporting", infra);
        for (ServiceProcess service : List.of(intake, forum, reporting)) {
            try {
                service.awaitReady(Duration.ofMinutes(3));
            } catch (RuntimeException e) {
                throw new IllegalStateException(service + " did not start:\n" + service.logTail(), e);
            }
        }
        return new ServiceFleet(new ServiceUnderTest("intake-service", intake, "hostile_intake"),
                new ServiceUnderTest("forum-service", forum, "hostile_forum"),
                new ServiceUnderTest("reporting-service", reporting, "hostile_reporting"));
    }

    private static ServiceProcess start(Path root, String module, String database, Infrastructure infra) {
        Path moduleDir = root.resolve(module);
        Path jar = moduleDir.resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first"
                    + " (./mvnw -pl intake-service,forum-service,reporting-service -am package -DskipTests)");
        }
        infra.postgres().createDatabase(database);
        TokenMinter tokens = Tokens.shared();
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.jdbc.url", infra.postgres().jdbcUrl(database));
        config.put("quarkus.datasource.username", infra.postgres().username());
        config.put("quarkus.datasource.password", infra.postgres().password());
        config.put("kafka.bootstrap.servers", infra.kafka().bootstrapServers());
        config.put("quarkus.oidc.public-key", tokens.publicKeyPem());
        config.put("quarkus.oidc.token.issuer", tokens.issuer());
        config.put("langnghe.personal.master-key", MasterKey.generate().toBase64());
        // Hundreds of tracking-code lookups per minute: let them reach the handler rather than the rate limit.
        config.put("langnghe.intake.lookups-per-minute", "100000");
        return ServiceProcess.quarkusApp(moduleDir).config(config).start();
    }

    List<ServiceUnderTest> all() {
        return List.of(intake, forum, reporting);
    }

    @Override
    public void close() {
        // Stopping gracefully takes a second or two each: in parallel, on threads of their own (the common
        // fork-join pool has one thread on a two-core machine, and another task may hold it).
        List<Thread> stopping = all().stream().map(s -> Thread.ofPlatform().name("stop-" + s.name())
                .start(s.process()::close)).toList();
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
