package vn.langnghe.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.langnghe.bench.infra.BenchServers;
import vn.langnghe.bench.infra.CpuAccounting;
import vn.langnghe.bench.load.LoadResult;
import vn.langnghe.bench.raw.KafkaPerf;
import vn.langnghe.bench.raw.PgBench;
import vn.langnghe.bench.report.Catalogue;
import vn.langnghe.bench.report.CpuBreakdown;
import vn.langnghe.bench.report.Environment;
import vn.langnghe.bench.report.Figure;
import vn.langnghe.bench.report.MarkdownReport;
import vn.langnghe.bench.report.Measurements;
import vn.langnghe.bench.report.RegressionCheck;
import vn.langnghe.bench.report.ResultsFile;
import vn.langnghe.bench.stats.Percentiles;
import vn.langnghe.bench.suite.ForumLive;
import vn.langnghe.bench.suite.Http;
import vn.langnghe.bench.suite.IntakeLoad;
import vn.langnghe.bench.suite.ProjectionLag;
import vn.langnghe.bench.suite.Projections;
import vn.langnghe.bench.suite.SuiteServices;
import vn.langnghe.bench.suite.SyntheticEvents;
import vn.langnghe.bench.infra.Trees;
import vn.langnghe.testsupport.tokens.TokenMinter;
import vn.langnghe.testsupport.tokens.TokenSpec;

/**
 * {@code ./langnghe bench}: raw limits and the suite on one machine in one run, in alternating rounds (raw, suite,
 * raw, suite, ...), then the rebuild and report queries on synthetic history; medians set against the same run's
 * raw limits; results to docs/. Exit codes: 0 done, 1 a regression of more than 20 %, 2 bad options, 3 the
 * services are not packaged, 4 refused (PostgreSQL not durable), 5 the run failed.
 */
public final class BenchMain {

    static final String INTAKE_UNIT = "HP-LECHAN-ANDUONG";
    static final String LAG_UNIT = "HN-THANHTRI-THANHLIET";
    static final String INTAKE_CPU_PHASE = "Intake at its maximum sustained rate (the open-loop run that confirmed it)";
    static final String REBUILD_CPU_PHASE = "Rebuild of the intake projection";

    private final BenchOptions options;
    private final Profile profile;
    private final Path rawDir;
    private final List<String> notes = new ArrayList<>();
    private final Measurements measurements = new Measurements(Catalogue.all(SuiteServices.MODULES));
    private final CpuBreakdown cpu = new CpuBreakdown();
    private final CpuAccounting accounting = new CpuAccounting();
    private Progress progress;

    BenchMain(BenchOptions options) {
        this.options = options;
        this.profile = options.profile();
        this.rawDir = options.root().resolve("docs/benchmarks/raw").resolve(profile.name());
    }

    public static void main(String[] args) {
        // the Kafka clients of this JVM log their whole configuration at INFO: keep the progress readable
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(new BenchMain(options).run());
    }

    int run() {
        for (String module : SuiteServices.MODULES) {
            Path jar = options.root().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
            if (!Files.isRegularFile(jar)) {
                System.err.println("bench: " + jar + " is missing; ./langnghe bench packages the services first");
                return 3;
            }
        }
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Path workDir;
        long freeBytes;
        try {
            workDir = Files.createTempDirectory("langnghe-bench-");
            freeBytes = Files.getFileStore(workDir).getUsableSpace();
            Trees.delete(rawDir);
            Files.createDirectories(rawDir);
            RunLog.teeInto(rawDir.resolve("run.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DiskBudget.Decision events = new DiskBudget(freeBytes).events(profile.syntheticEvents());
        if (events.scaledDown()) {
            System.out.println("bench: " + events.message());
            notes.add("Scaled down for free disk: " + events.message() + ".");
        }
        int rounds = options.rounds();
        int steps = 2 + 2 * rounds + (events.events() > 0 ? 2 + rounds : 0);
        progress = new Progress(System.out, steps);
        System.out.printf("bench: profile %s, %d alternating rounds, %,d synthetic events; limit %d min%n",
                profile.name(), rounds, events.events(), profile.budget().toMinutes());
        Map<String, String> environment;
        boolean failed = false;
        progress.step("PostgreSQL (fsync on) and Kafka (own JVM)");
        try (BenchServers servers = BenchServers.start()) {
            environment = Environment.describe(workDir, servers.postgres().version(), servers.postgresSettings());
            progress.note("PostgreSQL " + servers.postgresSettings() + "; Kafka " + servers.kafka().bootstrapServers());
            failed = measure(servers, workDir, rounds, events.events());
        } catch (BenchServers.RefusedToRun e) {
            System.err.println("bench: " + e.getMessage());
            return 4;
        } finally {
            for (String module : SuiteServices.MODULES) {
                RunLog.keepWarnings(workDir.resolve(module + ".log"), rawDir.resolve(module + "-warnings.log"));
            }
            Trees.delete(workDir);
        }
        double minutes = progress.elapsedSeconds() / 60;
        Map<String, String> run = new LinkedHashMap<>();
        run.put("profile", profile.name() + (profile == Profile.QUICK ? " (`--quick`)" : ""));
        run.put("started", started.toString());
        run.put("duration", String.format("%.1f min (limit %d min)", minutes, profile.budget().toMinutes()));
        run.put("rounds", Integer.toString(rounds));
        run.put("synthetic events", String.format("%,d", events.events()));
        run.put("services", String.join(" ", SuiteServices.JVM_OPTIONS) + " each; JVM mode, packaged jars, with a JDK"
                + " AOT cache from a training run in this run");
        run.put("Kafka broker heap", "-Xmx768m, own JVM");
        run.put("load generator", "this JVM, java.net.http.HttpClient over HTTP/1.1 on loopback, RS256 bearer tokens");
        if (minutes > profile.budget().toMinutes()) {
            notes.add(String.format("The run took %.1f min, over its %d-minute limit.", minutes,
                    profile.budget().toMinutes()));
        }
        List<Figure> figures = measurements.figures();
        printTable(figures);
        Path results = options.root().resolve("docs/benchmarks/results.json");
        if (profile == Profile.QUICK && ResultsFile.committed(results, Profile.FULL.name()).isEmpty()) {
            notes.add("The full profile has not been run on this machine yet: every figure here comes from `--quick`"
                    + " (pgbench " + profile.pgbenchSeconds() + " s per script, " + String.format("%,d",
                    profile.kafkaRecords()) + " records per Kafka perf run, " + String.format("%,d",
                    events.events()) + " synthetic events instead of 10 million).");
        }
        List<RegressionCheck.Regression> regressions = RegressionCheck.compare(
                ResultsFile.committed(results, profile.name()), figures, RegressionCheck.ALLOWED_WORSENING);
        if (!regressions.isEmpty()) {
            System.out.println("\nWorse than the committed results (" + results + ") by more than 20 %:");
            regressions.forEach(r -> System.out.println("  " + r));
        }
        ResultsFile.write(results, profile.name(), run, environment, figures, measurements.rounds(), cpu);
        MarkdownReport.write(options.root().resolve("docs/benchmarks.md"), run, environment, figures,
                measurements.rounds(), measurements, cpu, notes, regressions);
        System.out.printf("%nbench: done in %.1f min; docs/benchmarks.md, docs/benchmarks/results.json, %s%n", minutes,
                options.root().relativize(rawDir));
        if (failed) {
            return 5;
        }
        return options.compare() && !regressions.isEmpty() ? 1 : 0;
    }

    /** Everything measured with the servers up; true when a measurement failed (recorded in the notes). */
    private boolean measure(BenchServers servers, Path workDir, int rounds, long syntheticEvents) {
        boolean failed = false;
        TokenMinter tokens = TokenMinter.generate();
        PgBench pgbench = new PgBench(servers.postgres(), workDir);
        pgbench.prepare();
        KafkaPerf kafkaPerf = new KafkaPerf(servers.kafka().bootstrapServers());
        progress.step("services as packaged jars: an AOT cache trained for each, then started one after the other");
        try (SuiteServices services = SuiteServices.start(options.root(), servers, tokens, workDir, progress::note)) {
            accounting.name(servers.kafka().pid(), "Kafka broker");
            for (SuiteServices.Started service : services.started().values()) {
                accounting.name(service.process().pid(), service.name());
                if (!service.aotCache()) {
                    notes.add(service.name() + " started without an AOT cache: its training run left none (the"
                            + " run's output says why).");
                }
                measurements.add(Catalogue.startup(service.name()), service.startupSeconds());
                double rss = SuiteServices.rssMegabytes(service.process().pid());
                measurements.add(Catalogue.rss(service.name()), rss);
                progress.note(String.format("%s ready in %.1f s, RSS %.0f MB", service.name(),
                        service.startupSeconds(), rss));
            }
            Http http = new Http();
            String partner = tokens.mint(TokenSpec.partner("cong-dich-vu-cong-hp").withLifetime(
                    java.time.Duration.ofHours(3)));
            String analyst = tokens.mint(TokenSpec.analyst("HN").withLifetime(java.time.Duration.ofHours(3)));
            String admin = tokens.mint(TokenSpec.admin().withLifetime(java.time.Duration.ofHours(3)));
            IntakeLoad intake = new IntakeLoad(http, services.url("intake-service"), partner);
            intake.checkOnce(INTAKE_UNIT);
            progress.note(String.format("warm-up (not measured): intake closed loop %d s, forum live path %d s",
                    profile.warmupSeconds(), profile.warmupSeconds() / 2));
            intake.warmUp(profile.warmupSeconds(), INTAKE_UNIT);
            try {
                new ForumLive(http, services.url("forum-service"), tokens).run(profile.warmupSeconds() / 2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }

            for (int round = 1; round <= rounds; round++) {
                int r = round;
                progress.step("round " + round + "/" + rounds + ": raw limits");
                failed |= attempt("raw round " + round, () -> rawRound(servers, pgbench, kafkaPerf, roundTag(r)));
                progress.step("round " + round + "/" + rounds + ": suite");
                failed |= attempt("suite round " + round + " (intake)", () -> intakeRound(intake, http, services,
                        analyst, r));
                failed |= attempt("suite round " + round + " (forum)", () -> forumRound(http, services, tokens));
            }
            if (syntheticEvents > 0) {
                failed |= rebuildPhase(servers, services, http, admin, rounds, syntheticEvents);
            }
        } catch (RuntimeException e) {
            notes.add("The run stopped early: " + e.getMessage());
            System.err.println("bench: " + e);
            e.printStackTrace();
            failed = true;
        }
        return failed;
    }

    private void rawRound(BenchServers servers, PgBench pgbench, KafkaPerf kafkaPerf, String tag) {
        for (PgBench.Script script : PgBench.Script.values()) {
            double rows = pgbench.run(script, profile.pgbenchSeconds(), rawDir.resolve(tag + "-" + script.figure + ".txt"));
            measurements.add("raw." + script.figure, rows);
            progress.note(String.format("pgbench %s: %,.0f rows/s", script.description, rows));
        }
        String topic = "bench.perf." + tag;
        servers.kafka().createTopic(topic, KafkaPerf.PARTITIONS);
        double produced = kafkaPerf.produce(topic, profile.kafkaRecords(), rawDir.resolve(tag + "-kafka_produce.txt"));
        measurements.add(Catalogue.KAFKA_PRODUCE, produced);
        double consumed = kafkaPerf.consume(topic, profile.kafkaRecords(), rawDir.resolve(tag + "-kafka_consume.txt"));
        measurements.add(Catalogue.KAFKA_CONSUME, consumed);
        progress.note(String.format("Kafka produce %,.0f records/s, consume %,.0f records/s", produced, consumed));
    }

    private void intakeRound(IntakeLoad intake, Http http, SuiteServices services, String analyst, int round) {
        IntakeLoad.MaxRate max = intake.findMaxRate(profile.stepSeconds(), INTAKE_UNIT, accounting, progress::note);
        measurements.add(Catalogue.INTAKE_CLOSED, max.closedLoopRate());
        if (max.sustainedRate() <= 0) {
            notes.add("Round " + round + ": no open-loop intake rate was sustainable.");
            return;
        }
        measurements.add(Catalogue.INTAKE_MAX, max.confirmation().achievedRate());
        cpu.add(INTAKE_CPU_PHASE, "ms of CPU per request", 1e3, max.cpu(), max.confirmation().succeeded());
        double half = max.sustainedRate() / 2;
        LoadResult latency = intake.openLoop(half, profile.latencySeconds(), INTAKE_UNIT, 4096);
        measurements.add(Catalogue.INTAKE_P50, latency.latencyMillis(50));
        measurements.add(Catalogue.INTAKE_P99, latency.latencyMillis(99));
        measurements.add(Catalogue.INTAKE_P999, latency.latencyMillis(99.9));
        progress.note(String.format("at half rate %.0f/s: p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, %d errors of %d",
                half, latency.latencyMillis(50), latency.latencyMillis(99), latency.latencyMillis(99.9),
                latency.errors(), latency.requests()));
        ProjectionLag lag = new ProjectionLag(http, services.url("reporting-service"), analyst, LAG_UNIT);
        double burstRate = 2 * max.sustainedRate();
        ProjectionLag.Lags lags = lag.during(() -> intake.openLoop(burstRate, profile.burstSeconds(), LAG_UNIT, 256));
        if (lags.unseen() > 0) {
            notes.add(String.format("Round %d: %d of %d burst events were not visible in the report within 2 min"
                    + " (counted with the time waited).", round, lags.unseen(), lags.committed()));
        }
        if (lags.lagNanos().length > 0) {
            long[] all = lags.lagNanos();
            measurements.add(Catalogue.LAG_P50, Percentiles.of(all, 50) / 1e6);
            measurements.add(Catalogue.LAG_P99, Percentiles.of(all, 99) / 1e6);
            progress.note(String.format("burst at %.0f/s: %d committed, lag p50 %.0f ms, p99 %.0f ms (%d polls)",
                    burstRate, lags.committed(), Percentiles.of(all, 50) / 1e6, Percentiles.of(all, 99) / 1e6,
                    lags.polls()));
        }
    }

    private void forumRound(Http http, SuiteServices services, TokenMinter tokens) {
        ForumLive.Delivery delivery;
        try {
            delivery = new ForumLive(http, services.url("forum-service"), tokens).run(profile.forumSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        long[] all = delivery.latencyNanos();
        if (delivery.undelivered() > 0 || delivery.recordingErrors() > 0 || !delivery.feedsLost().isEmpty()) {
            notes.add(String.format("Forum live path: %d recording errors, %d opinions not delivered within 10 s"
                    + " (counted with the time waited), %d hall displays lost their feed%s.",
                    delivery.recordingErrors(), delivery.undelivered(), delivery.feedsLost().size(),
                    delivery.feedsLost().isEmpty() ? "" : " (first: " + delivery.feedsLost().get(0) + ")"));
        }
        measurements.add(Catalogue.FORUM_P50, Percentiles.of(all, 50) / 1e6);
        measurements.add(Catalogue.FORUM_P99, Percentiles.of(all, 99) / 1e6);
        progress.note(String.format("forum: %d opinions on %d live feeds, delivery p50 %.0f ms, p99 %.0f ms",
                all.length, delivery.subscribers(), Percentiles.of(all, 50) / 1e6, Percentiles.of(all, 99) / 1e6));
    }

    private boolean rebuildPhase(BenchServers servers, SuiteServices services, Http http, String admin, int rounds,
            long count) {
        boolean failed = false;
        progress.step(String.format("%,d synthetic events straight to Kafka", count));
        SyntheticEvents synthetic = new SyntheticEvents(servers.kafka().bootstrapServers());
        Projections projections = new Projections(http, services.url("reporting-service"), admin);
        Projections.ConsumerState before = projections.intakeConsumer();
        long produceStart = System.nanoTime();
        double produceRate = synthetic.produce(count, 9, sent -> {
            if (sent > 0 && sent % 1_000_000 == 0) {
                progress.note(String.format("%,d sent", sent));
            }
        });
        measurements.add(Catalogue.SYNTHETIC_PRODUCE, produceRate);
        progress.note(String.format("produced at %,.0f events/s", produceRate));
        progress.step("live projections catch up");
        try {
            // all the time left but what the rebuild rounds need at least: the report queries should find every
            // synthetic event projected and the live consumers idle; counted from the first event produced
            long catchUpWindow = (System.nanoTime() - produceStart) + remainingNanos() - rounds * minimumRoundNanos();
            Projections.CatchUp catchUp = projections.awaitCaughtUp(before, count, produceStart,
                    Math.max(30_000_000_000L, catchUpWindow), progress::note);
            measurements.add(Catalogue.CATCH_UP, catchUp.eventsPerSecond());
            progress.note(String.format("intake projection applied %,d events at %,.0f/s%s", catchUp.applied(),
                    catchUp.eventsPerSecond(), catchUp.complete() ? "" : " (time ran out before it caught up)"));
            if (!catchUp.complete()) {
                notes.add(String.format("The live intake projection had applied %,d of the %,d synthetic events when"
                        + " its share of the time limit ran out; its rate is measured over that part, and the report"
                        + " queries ran on what it held then.", catchUp.applied(), count));
            }
        } catch (RuntimeException e) {
            notes.add("The live projection failed on the synthetic events: " + e.getMessage());
            return true;
        }
        for (int round = 1; round <= rounds; round++) {
            long queryReserve = 2L * profile.querySeconds() * 1_000_000_000L; // two kinds, at their slowest
            long window = Math.max(MINIMUM_REBUILD_NANOS, remainingNanos() / (rounds - round + 1) - queryReserve);
            progress.step("rebuild and report queries, round " + round + "/" + rounds);
            try {
                CpuAccounting.Snapshot cpuBefore = accounting.take();
                Projections.RebuildRun rebuild = projections.rebuild(window, progress::note);
                cpu.add(REBUILD_CPU_PHASE, "µs of CPU per event", 1e6, accounting.since(cpuBefore), rebuild.processed());
                measurements.add(Catalogue.REBUILD, rebuild.eventsPerSecond());
                progress.note(String.format("rebuild: %,d of %,d events in %.1f s: %,.0f events/s%s",
                        rebuild.processed(), rebuild.events(), rebuild.seconds(), rebuild.eventsPerSecond(),
                        rebuild.complete() ? "" : " (window closed before the switch)"));
                boolean queriesFailed = false;
                try {
                    Duration queryTime = Duration.ofSeconds(profile.querySeconds());
                    Projections.QueryRun halfYear = projections.queries(Projections.MINISTRY_HALF_YEAR,
                            profile.queriesPerKind(), queryTime);
                    Projections.QueryRun asRecorded = projections.queries(Projections.AS_RECORDED_AT,
                            profile.queriesPerKind(), queryTime);
                    measurements.add(Catalogue.QUERY_HALF_YEAR, halfYear.p99Millis());
                    measurements.add(Catalogue.QUERY_AS_RECORDED, asRecorded.p99Millis());
                    progress.note(String.format("report queries p99: half-year %.1f ms (%d queries), as recorded at"
                            + " %.1f ms (%d queries)", halfYear.p99Millis(), halfYear.measured(),
                            asRecorded.p99Millis(), asRecorded.measured()));
                    for (Projections.QueryRun q : List.of(halfYear, asRecorded)) {
                        if (q.measured() < q.asked()) {
                            notes.add(String.format("Report queries, round %d: %d of %d %s queries fit in %d s (the"
                                    + " slowest took %.1f s); the p99 is of those.", round, q.measured(), q.asked(),
                                    q == halfYear ? "half-year" : "as-recorded-at", profile.querySeconds(),
                                    q.slowestSeconds()));
                        }
                    }
                } catch (RuntimeException e) {
                    // e.g. 503 report-too-slow: reporting stopped the report at its own time limit
                    notes.add("Report queries, round " + round + ", not measured: " + e.getMessage());
                    failed = true;
                    queriesFailed = true;
                }
                if (!rebuild.complete()) {
                    notes.add(String.format("Rebuild round %d: %,d of %,d events processed when its %.0f-second window"
                            + " closed; the rate is measured over that part, and the rebuild was stopped before the"
                            + " report queries.", round, rebuild.processed(), rebuild.events(), rebuild.seconds()));
                }
                if (queriesFailed) {
                    break;
                }
            } catch (RuntimeException e) {
                notes.add("Rebuild round " + round + " failed: " + e.getMessage());
                failed = true;
                break;
            }
        }
        return failed;
    }

    /** The shortest rebuild window a round gets: enough to count the records and reach a steady rate. */
    private static final long MINIMUM_REBUILD_NANOS = 90_000_000_000L;

    /** A rebuild round at its shortest: the rebuild window, then both kinds of report queries at their slowest. */
    private long minimumRoundNanos() {
        return MINIMUM_REBUILD_NANOS + 2L * profile.querySeconds() * 1_000_000_000L;
    }

    /**
     * Kept free at the end of the time limit for what follows the last round: stopping its rebuild, the servers, and
     * writing the results (about 20 s in the full run of 2026-12-07, which ended at 59.9 of its 60 minutes without it).
     */
    private static final long CLOSING_NANOS = 60_000_000_000L;

    /** The time left for rounds: the limit less the time elapsed and the closing reserve. */
    private long remainingNanos() {
        return Math.max(0L,
                (long) ((profile.budget().toSeconds() - progress.elapsedSeconds()) * 1e9) - CLOSING_NANOS);
    }

    /** Runs a measurement; a failure is noted and the run goes on. */
    private boolean attempt(String what, Runnable measurement) {
        try {
            measurement.run();
            return false;
        } catch (RuntimeException e) {
            notes.add(what + " failed: " + e.getMessage());
            System.err.println("bench: " + what + " failed: " + e);
            return true;
        }
    }

    private static String roundTag(int round) {
        return "round-" + round;
    }

    private void printTable(List<Figure> figures) {
        System.out.printf("%n%-36s %14s %-10s %-22s %8s  %-48s %s%n", "figure", "median", "unit", "raw limit", "ratio",
                "target", "");
        for (Figure f : figures) {
            System.out.printf("%-36s %,14.1f %-10s %-22s %8s  %-48s %s%n", f.name(), f.value(), f.unit(),
                    f.rawName() == null ? "" : f.rawName(), f.ratio() == null ? "" : MarkdownReport.ratio(f.ratio()),
                    f.targetText(), f.met() == null ? "" : f.met() ? "met" : "MISSED");
        }
        measurements.missing().forEach(m -> System.out.printf("%-36s not measured%n", m));
    }
}
