package vn.langnghe.bench.raw;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kafka's raw limits with its own perf tools ({@code org.apache.kafka.tools.ProducerPerformance} and
 * {@code ConsumerPerformance} from kafka-tools), each in a child JVM: 500-byte records, acks=all, idempotent.
 */
public final class KafkaPerf {

    public static final int RECORD_BYTES = 500;
    /** As many partitions as the services' topics get (the broker's num.partitions). */
    public static final int PARTITIONS = 4;

    private static final Pattern PRODUCED = Pattern.compile("records sent, ([0-9.]+) records/sec");

    private final String bootstrapServers;
    private final String java;
    private final String classpath;

    public KafkaPerf(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        this.classpath = System.getProperty("java.class.path");
    }

    /** Produces {@code records} to {@code topic} as fast as it can; records/s. */
    public double produce(String topic, int records, Path rawOutput) {
        List<String> command = jvm("org.apache.kafka.tools.ProducerPerformance");
        command.addAll(List.of("--topic", topic, "--num-records", String.valueOf(records), "--record-size",
                String.valueOf(RECORD_BYTES), "--throughput", "-1", "--producer-props",
                "bootstrap.servers=" + bootstrapServers, "acks=all", "enable.idempotence=true", "linger.ms=5"));
        return producedPerSecond(ToolRun.run(command, Map.of(), rawOutput, 600));
    }

    /** Consumes {@code records} from the start of {@code topic} with a fresh group; records/s while fetching. */
    public double consume(String topic, int records, Path rawOutput) {
        List<String> command = jvm("org.apache.kafka.tools.ConsumerPerformance");
        command.addAll(List.of("--bootstrap-server", bootstrapServers, "--topic", topic, "--messages",
                String.valueOf(records), "--group", "bench-perf-" + UUID.randomUUID(), "--timeout", "30000"));
        return fetchedPerSecond(ToolRun.run(command, Map.of(), rawOutput, 600));
    }

    private List<String> jvm(String mainClass) {
        return new ArrayList<>(List.of(java, "-Xmx512m", "-cp", classpath, mainClass));
    }

    static double producedPerSecond(String output) {
        Matcher matcher = PRODUCED.matcher(output);
        double last = -1;
        while (matcher.find()) {
            last = Double.parseDouble(matcher.group(1)); // the final summary is the last such line
        }
        if (last < 0) {
            throw new IllegalStateException("no 'records sent, N records/sec' in ProducerPerformance output:\n" + output);
        }
        return last;
    }

    /**
     * {@code fetch.nMsg.sec} of ConsumerPerformance's CSV line: records per second while fetching, without the
     * group join (a fixed start-up cost that would dominate a short run).
     */
    static double fetchedPerSecond(String output) {
        String[] header = null;
        for (String line : output.split("\\R")) {
            String[] cells = line.split(",\\s*");
            if (line.startsWith("start.time")) {
                header = cells;
            } else if (header != null && cells.length == header.length) {
                for (int i = 0; i < header.length; i++) {
                    if (header[i].trim().equals("fetch.nMsg.sec")) {
                        return Double.parseDouble(cells[i].trim());
                    }
                }
            }
        }
        throw new IllegalStateException("no fetch.nMsg.sec in ConsumerPerformance output:\n" + output);
    }
}
