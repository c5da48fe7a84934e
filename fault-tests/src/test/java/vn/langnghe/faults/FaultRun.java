package vn.langnghe.faults;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.langnghe.testsupport.tokens.TokenMinter;
import vn.langnghe.testsupport.tokens.TokenSpec;

/**
 * One fault run, end to end: start the servers and services, open forums, start the steady load and the readiness
 * probe, inject the plan's faults, stop the load, run every check, and write the report and every request to the
 * results directory. {@link FaultInjectionIT} runs the short version; {@code ./langnghe faults} runs {@link #main}.
 */
public final class FaultRun {

    static final int WORKERS_PER_SERVICE = 2;
    static final Duration LOAD_PERIOD = Duration.ofMillis(250);
    static final Duration WARM_UP = Duration.ofSeconds(3);
    static final int FORUMS = 4;
    static final String CITY = "HP";

    /** What to run: the plan's seed and size, short or full timings, where the modules are, where to write. */
    public record Options(long seed, int faults, String profile, Path rootDir, Path resultsDir) {

        public static final long DEFAULT_SEED = 20261123L;

        FaultPlan plan() {
            return FaultPlan.generate(seed, faults, profile.equals("full") ? FaultPlan.Timing.FULL
                    : FaultPlan.Timing.SHORT);
        }

        Path workDir() {
            return resultsDir.resolve("run-" + seed + "-" + faults);
        }

        Path reportFile() {
            return resultsDir.resolve("fault-run-seed-" + seed + "-" + faults + ".txt");
        }
    }

    private FaultRun() {
    }

    /**
     * {@code --seed=N --faults=N --profile=short|full --root=<repo> --results=<dir>}; defaults: the fixed seed, 60
     * faults, full timings, the current directory, fault-tests/target/fault-results. Exit 0 when every check passed.
     */
    public static void main(String[] args) throws Exception {
        long seed = Options.DEFAULT_SEED;
        int faults = 60;
        String profile = "full";
        Path root = Path.of(".");
        Path results = null;
        for (String arg : args) {
            String value = arg.substring(arg.indexOf('=') + 1);
            if (arg.startsWith("--seed=")) {
                seed = Long.parseLong(value);
            } else if (arg.startsWith("--faults=")) {
                faults = Integer.parseInt(value);
            } else if (arg.startsWith("--profile=")) {
                profile = value;
            } else if (arg.startsWith("--root=")) {
                root = Path.of(value);
            } else if (arg.startsWith("--results=")) {
                results = Path.of(value);
            } else {
                System.err.println("unknown argument " + arg
                        + "; usage: --seed=N --faults=N --profile=short|full --root=<repo> --results=<dir>");
                System.exit(2);
            }
        }
        root = root.toAbsolutePath().normalize();
        Options options = new Options(seed, faults, profile, root,
                results != null ? results.toAbsolutePath() : root.resolve("fault-tests/target/fault-results"));
        FaultRunReport report = execute(options, System.out);
        System.exit(report.passed() ? 0 : 1);
    }

    public static FaultRunReport execute(Options options, PrintStream out) throws Exception {
        FaultPlan plan = options.plan();
        out.printf("fault run: seed %d (same seed, same order), %d faults %s, profile %s, logs in %s%n",
                plan.seed(), plan.faults().size(), plan.countsByKind(), options.profile(), options.workDir());
        Instant startedAt = Instant.now();
        long started = System.nanoTime();
        TokenMinter tokens = TokenMinter.generate();
        Duration lifetime = Duration.ofHours(6);
        String partner = tokens.mint(TokenSpec.partner("cong-dvc-hp").withLifetime(lifetime));
        String organiser = tokens.mint(TokenSpec.organiser(CITY).withLifetime(lifetime));
        String admin = tokens.mint(TokenSpec.admin().withLifetime(lifetime));

        try (Cluster cluster = Cluster.start(options.rootDir(), options.workDir(), tokens)) {
            Duration startUp = Duration.ofNanos(System.nanoTime() - started);
            out.printf("PostgreSQL, Kafka and the three services ready in %d s%n", startUp.toSeconds());
            List<UUID> forums = openForums(cluster, organiser);
            List<RequestRecord> requests;
            List<FaultInjector.FaultWindow> windows;
            List<ReadinessProbe.Outage> outages;
            try (ReadinessProbe probe = new ReadinessProbe(cluster.services());
                    SteadyLoad load = new SteadyLoad(cluster.intake.baseUrl(), cluster.forum.baseUrl(), partner,
                            organiser, forums)) {
                load.start(WORKERS_PER_SERVICE, LOAD_PERIOD);
                Thread.sleep(WARM_UP); // deliberate: steady load before the first fault
                FaultInjector injector = new FaultInjector(cluster, probe, out);
                try {
                    injector.run(plan);
                } catch (IllegalStateException e) {
                    throw new IllegalStateException(e.getMessage() + logTails(cluster), e);
                }
                windows = injector.windows();
                load.close();
                requests = load.records();
                outages = probe.outages();
            }
            writeRequests(options.workDir().resolve("requests.csv"), requests, started);

            List<Check> checks = new ArrayList<>();
            StoreAndLogChecks stores = new StoreAndLogChecks(cluster);
            checks.add(stores.acknowledgedSubmissionsStored(requests));
            checks.add(stores.acknowledgedOpinionsStored(requests));
            checks.add(stores.publishedExactlyOnce("intake", Cluster.INTAKE_TOPIC));
            checks.add(stores.publishedExactlyOnce("forum", Cluster.FORUM_TOPIC));
            checks.addAll(new ProjectionChecks(cluster, stores, admin).run());
            checks.addAll(new AvailabilityChecks(requests, windows).run());
            checks.add(Check.of("every service became ready again by itself after every fault",
                    windows.size() == plan.faults().size(), windows.size() + " of " + plan.faults().size()
                            + " faults recovered within " + FaultInjector.RECOVERY_TIMEOUT.toSeconds() + " s"));
            FaultRunReport report = new FaultRunReport(plan, options.profile(), startedAt,
                    Duration.ofNanos(System.nanoTime() - started), startUp, requests, windows, outages, checks);
            String text = report.render();
            out.println(text);
            Files.createDirectories(options.resultsDir());
            Files.writeString(options.reportFile(), text, StandardCharsets.UTF_8);
            out.println("report: " + options.reportFile() + "; every request: " + options.workDir().resolve(
                    "requests.csv") + "; service logs: " + options.workDir());
            return report;
        }
    }

    /** Forums held today in a ward of Hải Phòng, opened, so the load can record opinions into them. */
    private static List<UUID> openForums(Cluster cluster, String organiser) {
        String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < FORUMS; i++) {
            UUID id = UUID.randomUUID();
            Http.post(cluster.forum.baseUrl() + "/api/v1/forums", organiser, Map.of("id", id.toString(),
                    "sessionKind", "FORUM", "hostUnitId", CITY, "venueUnitId", SteadyLoad.WARD,
                    "venueName", "Hội trường UBND phường An Dương", "startsAt", today + "T08:00:00",
                    "delegationHead", Map.of("unitId", CITY, "title", "Phó Giám đốc Công an thành phố"),
                    "invitedGroups", List.of("RESIDENTIAL_GROUP", "CITIZEN_REPRESENTATIVE")), 201, null);
            Http.post(cluster.forum.baseUrl() + "/api/v1/forums/" + id + "/open", organiser, Map.of(
                    "attendanceByGroup", List.of(Map.of("group", "RESIDENTIAL_GROUP", "count", 40))), 200, "\"1\"");
            ids.add(id);
        }
        return ids;
    }

    /** Every request, in milliseconds from the start of the run. */
    private static void writeRequests(Path file, List<RequestRecord> requests, long origin) throws IOException {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writer.write("service,intended_ms,sent_ms,latency_ms,status,retry_after,client_id,returned_id,failure\n");
            for (RequestRecord r : requests.stream().sorted(java.util.Comparator.comparingLong(RequestRecord::sentAt))
                    .toList()) {
                writer.write(String.join(",", r.service(), ms(r.intendedAt() - origin), ms(r.sentAt() - origin),
                        ms(r.latencyNanos()), Integer.toString(r.status()), r.retryAfter() == null ? "" : r.retryAfter(),
                        r.clientId(), r.returnedId() == null ? "" : r.returnedId(),
                        r.failure() == null ? "" : "\"" + r.failure().replace("\"", "'") + "\"") + "\n");
            }
        }
    }

    private static String ms(long nanos) {
        return Long.toString(nanos / 1_000_000);
    }

    private static String logTails(Cluster cluster) {
        StringBuilder tails = new StringBuilder();
        for (ServiceNode node : cluster.services()) {
            tails.append("\n--- ").append(node.name()).append(" ---").append(node.logTail());
        }
        return tails.toString();
    }
}
