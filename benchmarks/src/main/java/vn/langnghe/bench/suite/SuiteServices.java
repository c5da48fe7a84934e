package vn.langnghe.bench.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import vn.langnghe.bench.infra.BenchServers;
import vn.langnghe.personal.MasterKey;
import vn.langnghe.testsupport.process.ServiceProcess;
import vn.langnghe.testsupport.tokens.TokenMinter;

/**
 * The three services as their packaged jars (JVM mode), configured as the local run configures them, started
 * one after the other so each start-up is timed alone: process start to {@code /q/health/ready}.
 */
public final class SuiteServices implements AutoCloseable {

    public static final List<String> MODULES = List.of("intake-service", "forum-service", "reporting-service");
    /**
     * The JVM options of every service, stated with the results: ServiceProcess's heap, and a small initial heap so
     * that a service at rest holds only the heap it has used (with the JVM's default, 1/64 of RAM, it holds more).
     */
    public static final List<String> JVM_OPTIONS = List.of("-Xmx384m", "-Xms64m");

    /** A started service and how long it took; {@code aotCache} false when its training run left no cache. */
    public record Started(String name, ServiceProcess process, double startupSeconds, boolean aotCache) {}

    private final Map<String, Started> started = new LinkedHashMap<>();

    /**
     * Trains a JDK AOT cache for each service (JEP 483/514/515), then starts the services from their packaged jars
     * with their caches, one after the other, each timed alone on an empty database.
     */
    public static SuiteServices start(Path root, BenchServers servers, TokenMinter tokens, Path logDir,
            Consumer<String> progress) {
        Map<String, Path> caches = new LinkedHashMap<>();
        for (String module : MODULES) {
            Path cache = logDir.resolve(module + ".aot");
            long begin = System.nanoTime();
            AotTraining.Result trained = AotTraining.train(service(root, module, servers, tokens,
                    database(module) + "_training").logFile(logDir.resolve(module + "-training.log")), cache);
            progress.accept(String.format("%s: AOT cache trained in %.0f s (%s)", module,
                    (System.nanoTime() - begin) / 1e9, trained.describe()));
            if (trained.written()) {
                caches.put(module, cache);
            }
        }
        SuiteServices suite = new SuiteServices();
        try {
            for (String module : MODULES) {
                ServiceProcess.Builder builder = service(root, module, servers, tokens, database(module))
                        .logFile(logDir.resolve(module + ".log"));
                Path cache = caches.get(module);
                if (cache != null) {
                    // AOTMode=on: a cache the JVM cannot use fails the start instead of timing one without it.
                    builder.addJvmOptions("-XX:AOTMode=on", "-XX:AOTCache=" + cache);
                }
                long begin = System.nanoTime();
                ServiceProcess process = builder.start();
                process.awaitReady(Duration.ofMinutes(2));
                double seconds = (System.nanoTime() - begin) / 1e9;
                suite.started.put(module, new Started(module, process, seconds, cache != null));
            }
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        }
        return suite;
    }

    private static String database(String module) {
        return module.replace("-service", "");
    }

    /** A service configured as the local run configures it, on its own new database; secrets in its environment. */
    private static ServiceProcess.Builder service(Path root, String module, BenchServers servers, TokenMinter tokens,
            String database) {
        servers.postgres().createDatabase(database);
        return ServiceProcess.quarkusApp(root.resolve(module)).jvmOptions(JVM_OPTIONS.toArray(String[]::new))
                .config("quarkus.datasource.jdbc.url", servers.postgres().jdbcUrl(database))
                .config("quarkus.datasource.username", servers.postgres().username())
                .secret("quarkus.datasource.password", servers.postgres().password())
                .config("kafka.bootstrap.servers", servers.kafka().bootstrapServers())
                .config("quarkus.oidc.public-key", tokens.publicKeyPem())
                .config("quarkus.oidc.token.issuer", tokens.issuer())
                .secret("langnghe.personal.master-key", MasterKey.generate().toBase64());
    }

    public Map<String, Started> started() {
        return started;
    }

    public String url(String module) {
        return started.get(module).process().baseUrl();
    }

    /** Resident set size of a process in MB, from {@code /proc/<pid>/status} (VmRSS). */
    public static double rssMegabytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    String kb = line.substring("VmRSS:".length()).trim().split("\\s+")[0];
                    return Long.parseLong(kb) / 1024.0;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the RSS of process " + pid, e);
        }
        throw new IllegalStateException("no VmRSS for process " + pid);
    }

    @Override
    public void close() {
        started.values().parallelStream().forEach(s -> s.process().close());
    }
}
