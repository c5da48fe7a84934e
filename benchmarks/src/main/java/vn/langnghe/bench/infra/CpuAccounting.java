package vn.langnghe.bench.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CPU time of every process on the machine, read from /proc and grouped by what the process is: a service, the
 * broker, this JVM (the load generator), PostgreSQL's sessions per database, its background processes, the rest.
 * Two snapshots around a measured phase say where the machine's CPU went during it. Linux only: elsewhere a
 * snapshot is empty and so is every breakdown.
 */
public final class CpuAccounting {

    public static final String LOAD_GENERATOR = "benchmark JVM (load generator)";
    public static final String PG_BACKGROUND = "PostgreSQL background (WAL, checkpoints, autovacuum)";
    public static final String OTHER = "other processes";

    /** A session's process title: {@code postgres: <user> <database> <host>(<port>) <state>}. */
    private static final Pattern PG_SESSION = Pattern.compile("^postgres: \\S+ (\\S+) \\S+\\(\\d+\\)");
    private static final Path PROC = Path.of("/proc");
    private static final double TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux this runs on

    private final Map<Long, String> named = new HashMap<>();

    public CpuAccounting() {
        named.put(ProcessHandle.current().pid(), LOAD_GENERATOR);
    }

    /** Counts {@code pid}'s CPU under {@code name} (a service, the broker). */
    public CpuAccounting name(long pid, String name) {
        if (pid > 0) {
            named.put(pid, name);
        }
        return this;
    }

    public static String postgresSessions(String database) {
        return "PostgreSQL sessions, database " + database;
    }

    /** CPU seconds per process at one instant, each with its group. */
    public record Snapshot(Map<Long, Sample> samples, long nanoTime) {}

    record Sample(String group, double cpuSeconds) {}

    public Snapshot take() {
        Map<Long, Sample> samples = new HashMap<>();
        long now = System.nanoTime();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path dir : processes) {
                long pid = Long.parseLong(dir.getFileName().toString());
                Double seconds = cpuSeconds(dir);
                if (seconds != null) {
                    samples.put(pid, new Sample(group(pid, dir), seconds));
                }
            }
        } catch (IOException | UnsupportedOperationException e) {
            return new Snapshot(Map.of(), now); // no /proc: nothing to say
        }
        return new Snapshot(samples, now);
    }

    /** CPU seconds by group, largest first, over {@code wallSeconds}. */
    public record Use(Map<String, Double> cpuSeconds, double wallSeconds) {}

    /** The CPU used since {@code before}, up to now. */
    public Use since(Snapshot before) {
        return between(before, take());
    }

    /**
     * CPU seconds per group between two snapshots, largest first. A process that started in between counts from
     * zero; one that ended in between is lost (a few short-lived tools at most).
     */
    public static Use between(Snapshot before, Snapshot after) {
        Map<String, Double> groups = new HashMap<>();
        after.samples().forEach((pid, sample) -> {
            Sample earlier = before.samples().get(pid);
            double used = sample.cpuSeconds() - (earlier == null ? 0 : earlier.cpuSeconds());
            if (used > 0) {
                groups.merge(sample.group(), used, Double::sum);
            }
        });
        Map<String, Double> sorted = new LinkedHashMap<>();
        groups.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return new Use(sorted, (after.nanoTime() - before.nanoTime()) / 1e9);
    }

    private String group(long pid, Path dir) {
        String name = named.get(pid);
        if (name != null) {
            return name;
        }
        return groupOfTitle(commandLine(dir));
    }

    /** The group of a process that is not named, by its command line (PostgreSQL sets its own as a title). */
    static String groupOfTitle(String title) {
        if (title.startsWith("postgres: ")) {
            Matcher session = PG_SESSION.matcher(title);
            return session.find() ? postgresSessions(session.group(1)) : PG_BACKGROUND;
        }
        if (title.contains("/bin/postgres ")) {
            return PG_BACKGROUND; // the postmaster
        }
        return OTHER;
    }

    /** utime + stime of /proc/pid/stat (fields 14 and 15), or null when the process is gone. */
    private static Double cpuSeconds(Path dir) {
        try {
            String stat = Files.readString(dir.resolve("stat"), StandardCharsets.ISO_8859_1);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String commandLine(Path dir) {
        try {
            return new String(Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }
}
