package vn.langnghe.bench.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    /** ServiceProcess's default heap, stated with the results. */
    public static final String HEAP = "-Xmx384m";

    /** A started service and how long it took. */
    public record Started(String name, ServiceProcess process, double startupSeconds) {}

    private final Map<String, Started> started = new LinkedHashMap<>();

    public static SuiteServices start(Path root, BenchServers servers, TokenMinter tokens, Path logDir) {
        SuiteServices suite = new SuiteServices();
        try {
            for (String module : MODULES) {
                String database = module.replace("-service", "");
                servers.postgres().createDatabase(database);
                Map<String, String> config = new LinkedHashMap<>();
                config.put("quarkus.datasource.jdbc.url", servers.postgres().jdbcUrl(database));
                config.put("quarkus.datasource.username", servers.postgres().username());
                config.put("quarkus.datasource.password", servers.postgres().password());
                config.put("kafka.bootstrap.servers", servers.kafka().bootstrapServers());
                config.put("quarkus.oidc.public-key", tokens.publicKeyPem());
                config.put("quarkus.oidc.token.issuer", tokens.issuer());
                config.put("langnghe.personal.master-key", MasterKey.generate().toBase64());
                long begin = System.nanoTime();
                ServiceProcess process = ServiceProcess.quarkusApp(root.resolve(module)).jvmOptions(HEAP)
                        .config(config).logFile(logDir.resolve(module + ".log")).start();
                process.awaitReady(Duration.ofMinutes(2));
                double seconds = (System.nanoTime() - begin) / 1e9;
                suite.started.put(module, new Started(module, process, seconds));
            }
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        }
        return suite;
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
