package vn.langnghe.bench.report;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** Hardware, versions and settings of a run, stated next to its results. */
public final class Environment {

    private Environment() {
    }

    public static Map<String, String> describe(Path workDir, String postgresVersion, Map<String, String> pgSettings) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CPU", cpuModel());
        env.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        env.put("RAM", memTotal());
        env.put("disk", disk(workDir));
        env.put("kernel", read("/proc/sys/kernel/osrelease"));
        env.put("JDK", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"));
        env.put("PostgreSQL", postgresVersion);
        Properties versions = versions();
        env.put("Kafka", versions.getProperty("kafka.version", "?"));
        env.put("Quarkus", versions.getProperty("quarkus.version", "?"));
        pgSettings.forEach((key, value) -> env.put("pg " + key, value));
        return env;
    }

    private static Properties versions() {
        Properties properties = new Properties();
        try (var in = Environment.class.getResourceAsStream("/bench-versions.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // versions shown as "?"
        }
        return properties;
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static String memTotal() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .map(l -> String.format("%.1f GiB", Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024))
                    .findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static String disk(Path dir) {
        try {
            FileStore store = Files.getFileStore(dir);
            return String.format("%s (%s), %.0f GB, %.0f GB free at start", store.name(), store.type(),
                    store.getTotalSpace() / 1e9, store.getUsableSpace() / 1e9);
        } catch (IOException e) {
            return "?";
        }
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file)).trim();
        } catch (IOException e) {
            return "?";
        }
    }
}
