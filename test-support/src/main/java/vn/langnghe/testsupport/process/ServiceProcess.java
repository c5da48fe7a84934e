package vn.langnghe.testsupport.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import vn.langnghe.testsupport.ports.FreePorts;

/**
 * A packaged Quarkus application ({@code <module>/target/quarkus-app/quarkus-run.jar}) running as a child process
 * on a free HTTP port, configured through {@code -D} system properties (secrets through its environment), with
 * stdout and stderr in a log file.
 * For fault tests: {@link #kill()} is SIGKILL, {@link #stop()} is SIGTERM (graceful shutdown).
 */
public final class ServiceProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path logFile;
    private final String name;
    private final Thread shutdownHook;

    private ServiceProcess(String name, Process process, int port, Path logFile) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.logFile = logFile;
        // A test run that dies must not leave services behind.
        this.shutdownHook = ShutdownHooks.add("langnghe-stop-" + name, process::destroyForcibly);
    }

    /** A builder for {@code moduleDir/target/quarkus-app/quarkus-run.jar}, named after the module directory. */
    public static Builder quarkusApp(Path moduleDir) {
        Path absolute = moduleDir.toAbsolutePath().normalize();
        return new Builder(absolute.getFileName().toString())
                .jar(absolute.resolve("target/quarkus-app/quarkus-run.jar"));
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public static final class Builder {
        private final String name;
        private Path jar;
        private String classpath;
        private String mainClass;
        private String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        private final List<String> jvmOptions = new ArrayList<>(List.of("-Xmx384m"));
        private final Map<String, String> config = new LinkedHashMap<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private int port;
        private Path logFile;
        private Path workingDir;

        private Builder(String name) {
            this.name = name;
        }

        /** Runs {@code java -jar <jar>}. */
        public Builder jar(Path jar) {
            this.jar = jar;
            this.classpath = null;
            return this;
        }

        /** Runs {@code java -cp <classpath> <mainClass>} instead of a jar. */
        public Builder mainClass(String classpath, String mainClass) {
            this.classpath = classpath;
            this.mainClass = mainClass;
            this.jar = null;
            return this;
        }

        /** The java executable; default: the one running this JVM. */
        public Builder java(Path java) {
            this.java = java.toString();
            return this;
        }

        /** Replaces the JVM options (default {@code -Xmx384m}). */
        public Builder jvmOptions(String... options) {
            jvmOptions.clear();
            jvmOptions.addAll(List.of(options));
            return this;
        }

        /** Adds JVM options after those already set. */
        public Builder addJvmOptions(String... options) {
            jvmOptions.addAll(List.of(options));
            return this;
        }

        /** A config property, passed as {@code -Dkey=value}. */
        public Builder config(String key, String value) {
            config.put(key, value);
            return this;
        }

        public Builder config(Map<String, String> properties) {
            config.putAll(properties);
            return this;
        }

        /**
         * A config property passed as an environment variable ({@code quarkus.datasource.password} as
         * {@code QUARKUS_DATASOURCE_PASSWORD}) rather than on the command line, for secrets: a command line shows
         * in {@code ps}, and a JVM writing an AOT cache hands its options to a child JVM that prints them.
         */
        public Builder secret(String key, String value) {
            environment.put(key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"), value);
            return this;
        }

        /** The HTTP port ({@code quarkus.http.port}); default: a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Default: a temp file named after the service. */
        public Builder logFile(Path logFile) {
            this.logFile = logFile;
            return this;
        }

        public Builder workingDir(Path workingDir) {
            this.workingDir = workingDir;
            return this;
        }

        public ServiceProcess start() {
            if (jar == null && mainClass == null) {
                throw new IllegalStateException("neither a jar nor a main class for " + name);
            }
            if (jar != null && !Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " does not exist: package the module first (mvn package)");
            }
            int httpPort = port != 0 ? port : FreePorts.next();
            List<String> command = new ArrayList<>();
            command.add(java);
            command.addAll(jvmOptions);
            Map<String, String> properties = new LinkedHashMap<>(config);
            properties.put("quarkus.http.port", String.valueOf(httpPort));
            properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
            if (jar != null) {
                command.addAll(List.of("-jar", jar.toString()));
            } else {
                command.addAll(List.of("-cp", classpath, mainClass));
            }
            try {
                Path log = logFile != null ? logFile : Files.createTempFile("langnghe-" + name + "-", ".log");
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
                if (workingDir != null) {
                    builder.directory(workingDir.toFile());
                }
                builder.environment().putAll(environment);
                return new ServiceProcess(name, builder.start(), httpPort, log);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start " + name + ": " + command, e);
            }
        }
    }

    /** Polls {@code /q/health/ready} until it answers 200; fails with the log's tail if the process dies first. */
    public ServiceProcess awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue()
                        + " before it was ready" + logTail());
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + name, e);
            }
            sleep(200);
        }
        throw new IllegalStateException(name + " not ready within " + timeout + " at " + baseUrl() + logTail());
    }

    /** SIGTERM, up to 30 s for a graceful shutdown, then SIGKILL. */
    public void stop() {
        stop(Duration.ofSeconds(30));
    }

    /** SIGTERM, up to {@code grace} for a graceful shutdown, then SIGKILL. */
    public void stop(Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        ShutdownHooks.remove(shutdownHook);
    }

    /** SIGKILL, as after a crash; waits until the process is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ShutdownHooks.remove(shutdownHook);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Path logFile() {
        return logFile;
    }

    /** The last lines of the log, for failure messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return "\n--- " + logFile + " (last 40 lines) ---\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "\n(cannot read " + logFile + ": " + e.getMessage() + ")";
        }
    }


    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "ServiceProcess[" + name + ", pid " + process.pid() + ", " + baseUrl() + "]";
    }
}
