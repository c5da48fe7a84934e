package vn.langnghe.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.langnghe.testsupport.process.ServiceProcess;

/**
 * One packaged service that can be killed and started again on the same port, with the same configuration and
 * log file, as an orchestrator would restart a crashed pod.
 */
final class ServiceNode {

    static final Duration READY_TIMEOUT = Duration.ofMinutes(2);

    private final String name;
    private final Path moduleDir;
    private final Map<String, String> config;
    private final int port;
    private final Path logFile;
    private ServiceProcess process;

    ServiceNode(String name, Path moduleDir, Map<String, String> config, int port, Path logFile) {
        Path jar = moduleDir.resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package it first"
                    + " (./mvnw -pl fault-tests -am verify -DskipTests packages every service)");
        }
        this.name = name;
        this.moduleDir = moduleDir;
        this.config = new LinkedHashMap<>(config);
        this.port = port;
        this.logFile = logFile;
    }

    String name() {
        return name;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        // Serial GC: fewer threads fighting for the two cores; the heap is small anyway.
        process = ServiceProcess.quarkusApp(moduleDir).jvmOptions("-Xmx384m", "-XX:+UseSerialGC")
                .port(port).logFile(logFile).config(config).start();
    }

    synchronized void awaitReady() {
        process.awaitReady(READY_TIMEOUT);
    }

    /** SIGKILL: no shutdown hooks, no flush, the relay and consumers die mid-flight. */
    synchronized void kill() {
        process.kill();
    }

    synchronized void stop() {
        if (process != null) {
            process.close();
        }
    }

    synchronized String logTail() {
        return process == null ? "(never started)" : process.logTail();
    }

    Path logFile() {
        return logFile;
    }
}
