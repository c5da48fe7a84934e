package vn.langnghe.testsupport.infra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.common.utils.Time;
import vn.langnghe.testsupport.ports.FreePorts;
import vn.langnghe.testsupport.process.ShutdownHooks;

/**
 * A single Kafka KRaft node (broker and controller in one) running inside this JVM, listening on free ports of
 * 127.0.0.1, with its log dir in a temp dir. Starts in a few seconds; restarts keep the data.
 */
public final class EmbeddedKafka implements KafkaServer {

    // Strong references: java.util.logging keeps loggers weakly, a collected logger forgets its level.
    private static final List<Logger> QUIETED = Stream.of("kafka", "state.change.logger",
                    "org.apache.kafka.server", "org.apache.kafka.controller", "org.apache.kafka.raft",
                    "org.apache.kafka.metadata", "org.apache.kafka.image", "org.apache.kafka.storage",
                    "org.apache.kafka.coordinator", "org.apache.kafka.queue", "org.apache.kafka.snapshot",
                    "org.apache.kafka.common.network", "org.apache.kafka.common.utils.AppInfoParser")
            .map(Logger::getLogger).toList();

    private final int port;
    private final int controllerPort;
    private final Map<String, String> overrides;
    private final String clusterId = Uuid.randomUuid().toString();
    /** True when this object made the base dir and so deletes it; false when a {@link KafkaProcess} owns it. */
    private final boolean ownsBaseDir;
    private Path baseDir;
    private KafkaRaftServer server;
    private Thread shutdownHook;

    public EmbeddedKafka() {
        this(Map.of());
    }

    /** @param overrides broker properties that replace the defaults of {@link #brokerProperties()} */
    public EmbeddedKafka(Map<String, String> overrides) {
        this(FreePorts.next(), FreePorts.next(), null, overrides);
    }

    /** Fixed ports and a base dir owned by the caller (kept on stop, never deleted here): the broker of a {@link KafkaProcess}. */
    EmbeddedKafka(int port, int controllerPort, Path baseDir, Map<String, String> overrides) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.baseDir = baseDir;
        this.ownsBaseDir = baseDir == null;
        this.overrides = Map.copyOf(overrides);
    }

    /** The Kafka version on the classpath, e.g. "4.1.1". */
    public static String version() {
        return AppInfoParser.getVersion();
    }

    @Override
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public Path logDir() {
        return baseDir == null ? null : baseDir.resolve("logs");
    }

    /** The broker configuration, without the log dir. */
    public Properties brokerProperties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        // One node: every replication factor and min ISR is 1.
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        // Fewer internal partitions: the first consumer group and transaction come up much faster.
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("group.initial.rebalance.delay.ms", "0");
        // A broker back from a crash registers again only once the controller has expired its old session
        // (9 s by default): a short session makes crash recovery in fault tests take seconds, not ten.
        p.put("broker.session.timeout.ms", "2000");
        p.put("broker.heartbeat.interval.ms", "500");
        p.put("auto.create.topics.enable", "true");
        p.put("num.partitions", "4");
        // Small thread pools and cleaner buffer: it shares a test JVM (and two cores) with the application.
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("background.threads", "2");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        p.putAll(overrides);
        return p;
    }

    @Override
    public synchronized void start() {
        if (server != null) {
            return;
        }
        quietLogs();
        Properties props = brokerProperties();
        try {
            if (baseDir == null) {
                baseDir = Files.createTempDirectory("langnghe-kafka-");
                shutdownHook = ShutdownHooks.add("langnghe-kafka-cleanup", this::stopAndDeleteQuietly);
            }
            props.put("log.dirs", logDir().toString());
            if (!Files.exists(logDir().resolve("meta.properties"))) {
                format(props);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the Kafka log dir", e);
        }
        KafkaRaftServer raftServer = new KafkaRaftServer(KafkaConfig.fromProps(props), Time.SYSTEM);
        raftServer.startup();
        server = raftServer;
        KafkaAdmin.awaitReady(bootstrapServers(), Duration.ofSeconds(60));
    }

    /** {@code kafka-storage.sh format -t <cluster id> -c <file>}, through the method that returns, not exits. */
    private void format(Properties props) throws IOException {
        Path file = baseDir.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(file)) {
            props.store(out, "langnghe embedded Kafka");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit;
        try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            exit = StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", file.toString()}, print);
        }
        if (exit != 0) {
            throw new IllegalStateException("kafka storage format exited with " + exit + ": "
                    + output.toString(StandardCharsets.UTF_8));
        }
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            KafkaRaftServer running = server;
            server = null;
            running.shutdown();
            running.awaitShutdown();
        }
    }

    /**
     * In one JVM the broker cannot be SIGKILLed; it is shut down and then its clean-shutdown markers are removed,
     * so the next start recovers the logs as after a crash.
     */
    @Override
    public synchronized void kill() {
        stop();
        if (logDir() != null) {
            try (Stream<Path> files = Files.list(logDir())) {
                for (Path marker : files.filter(f -> f.getFileName().toString().equals(".kafka_cleanshutdown")).toList()) {
                    Files.deleteIfExists(marker);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public synchronized void restart() {
        stop();
        start();
    }

    @Override
    public synchronized void close() {
        stopAndDeleteQuietly();
        ShutdownHooks.remove(shutdownHook);
        shutdownHook = null;
    }

    private synchronized void stopAndDeleteQuietly() {
        try {
            stop();
        } catch (RuntimeException e) {
            System.err.println("langnghe: could not stop embedded Kafka: " + e.getMessage());
        }
        if (!ownsBaseDir) {
            return;
        }
        try {
            Dirs.deleteRecursively(baseDir);
        } catch (RuntimeException e) {
            System.err.println("langnghe: could not delete " + baseDir + ": " + e.getMessage());
        }
        baseDir = null;
    }

    /** The broker logs a lot at INFO; set LANGNGHE_KAFKA_LOG=info to see it. */
    private static void quietLogs() {
        Level level = switch (Settings.get("LANGNGHE_KAFKA_LOG").orElse("warn").toLowerCase()) {
            case "debug" -> Level.FINE;
            case "info" -> Level.INFO;
            case "error" -> Level.SEVERE;
            default -> Level.WARNING;
        };
        QUIETED.forEach(logger -> logger.setLevel(level));
    }

    @Override
    public String toString() {
        return "EmbeddedKafka[" + bootstrapServers() + "]";
    }
}
