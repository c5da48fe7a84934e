package vn.langnghe.testsupport.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import vn.langnghe.testsupport.ports.FreePorts;
import vn.langnghe.testsupport.process.ShutdownHooks;

/**
 * A single-node KRaft Kafka broker in a child JVM of its own, so fault tests and benchmarks can
 * {@link #kill()} it with SIGKILL (a real crash: no flush, no clean-shutdown marker) and start it again on the
 * same port and log dir, and so its CPU and memory are not the measuring JVM's. Same broker settings as
 * {@link EmbeddedKafka}; the child runs {@link Main} on this JVM's class path. Output goes to
 * {@code <base dir>/broker.log}.
 */
public final class KafkaProcess implements KafkaServer {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final int port = FreePorts.next();
    private final int controllerPort = FreePorts.next();
    private final Map<String, String> overrides;
    private final List<String> jvmOptions;
    private Path baseDir;
    private Process process;
    private Thread shutdownHook;

    public KafkaProcess() {
        this(Map.of());
    }

    /** @param overrides broker properties replacing {@link EmbeddedKafka#brokerProperties()} defaults */
    public KafkaProcess(Map<String, String> overrides) {
        this(overrides, List.of("-Xms128m", "-Xmx512m"));
    }

    public KafkaProcess(Map<String, String> overrides, List<String> jvmOptions) {
        this.overrides = new LinkedHashMap<>(overrides);
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    @Override
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** The broker's process id, or -1 when it is not running. */
    public synchronized long pid() {
        return isRunning() ? process.pid() : -1;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    public synchronized Path logFile() {
        return baseDir == null ? null : baseDir.resolve("broker.log");
    }

    @Override
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        try {
            if (baseDir == null) {
                baseDir = Files.createTempDirectory("langnghe-kafka-process-");
                shutdownHook = ShutdownHooks.add("langnghe-kafka-process-cleanup", this::killAndDeleteQuietly);
            }
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(Main.class.getName());
            command.add(String.valueOf(port));
            command.add(String.valueOf(controllerPort));
            command.add(baseDir.toString());
            overrides.forEach((key, value) -> command.add(key + "=" + value));
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Kafka broker process", e);
        }
        try {
            awaitListening();
            KafkaAdmin.awaitReady(bootstrapServers(), READY_TIMEOUT);
        } catch (RuntimeException e) {
            String tail = logTail();
            kill();
            throw new IllegalStateException("Kafka broker process did not become ready; its log ends with:\n" + tail, e);
        }
    }

    /** SIGTERM: Kafka's own shutdown hook does a controlled shutdown. */
    @Override
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        awaitExit(STOP_TIMEOUT);
        if (process.isAlive()) {
            process.destroyForcibly();
            awaitExit(STOP_TIMEOUT);
        }
        process = null;
    }

    /** SIGKILL: the broker gets no chance to flush or mark a clean shutdown; the next start recovers its logs. */
    @Override
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        awaitExit(STOP_TIMEOUT);
        process = null;
    }

    @Override
    public synchronized void restart() {
        stop();
        start();
    }

    @Override
    public synchronized void close() {
        killAndDeleteQuietly();
        ShutdownHooks.remove(shutdownHook);
        shutdownHook = null;
    }

    private synchronized void killAndDeleteQuietly() {
        try {
            kill();
        } catch (RuntimeException e) {
            System.err.println("langnghe: could not kill the Kafka broker process: " + e.getMessage());
        }
        try {
            Dirs.deleteRecursively(baseDir);
        } catch (RuntimeException e) {
            System.err.println("langnghe: could not delete " + baseDir + ": " + e.getMessage());
        }
        baseDir = null;
    }

    /** Polls the port first: an admin client retrying against a closed port logs a warning every 200 ms. */
    private void awaitListening() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the broker process exited with " + process.exitValue());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            }
        }
        throw new IllegalStateException("the broker did not listen on " + bootstrapServers() + " within " + READY_TIMEOUT);
    }

    private void awaitExit(Duration timeout) {
        try {
            process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile(), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public String toString() {
        return "KafkaProcess[" + bootstrapServers() + ", pid " + pid() + "]";
    }

    /** The child JVM: {@code <port> <controller port> <base dir> [key=value ...]}; runs until killed or terminated. */
    public static final class Main {
        private Main() {
        }

        public static void main(String[] args) throws InterruptedException {
            Map<String, String> overrides = new LinkedHashMap<>();
            for (int i = 3; i < args.length; i++) {
                int eq = args[i].indexOf('=');
                overrides.put(args[i].substring(0, eq), args[i].substring(eq + 1));
            }
            EmbeddedKafka broker = new EmbeddedKafka(
                    Integer.parseInt(args[0]), Integer.parseInt(args[1]), Path.of(args[2]), overrides);
            Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "kafka-process-shutdown"));
            broker.start();
            System.out.println("langnghe: Kafka broker ready on " + broker.bootstrapServers());
            Thread.currentThread().join(); // the broker's own threads do the work; stay until a signal ends the JVM
        }
    }
}
