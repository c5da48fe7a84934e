package vn.langnghe.hostile;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.statistics.Statistics;
import vn.langnghe.testsupport.infra.Infrastructure;
import vn.langnghe.testsupport.prism.PrismInstallation;
import vn.langnghe.testsupport.prism.PrismProxy;
import vn.langnghe.testsupport.prism.Violation;

/**
 * Hostile input against every operation the three services publish (docs/testing/hostile-input.md). Each try
 * generates one {@link HostileCase} and sends it to every operation of the service, so the number of tries is the
 * number of cases per endpoint: {@code jqwik.tries.default} (100 in CI, 1,000 with {@code -Phostile-long}).
 */
class HostileInputIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static ServiceFleet fleet;
    private static final List<PrismProxy> prisms = new ArrayList<>();
    private static Map<String, ServiceUnderTest> checked;
    private static SeedData seed;
    private static Map<String, List<ApiOperation>> operations;
    private static Map<String, DatabaseFootprint> footprints;
    private static Quiescence quiescence;
    private static HttpProbe http;
    private static ValidRequests validRequests;
    private static HostileRequests hostileRequests;
    private static AnswerOracle oracle;
    private static final Map<String, Integer> casesPerOperation = new ConcurrentHashMap<>();
    private static final Map<String, Long> millisPerOperation = new ConcurrentHashMap<>();

    @BeforeContainer
    static void startTheServices() {
        fleet = ServiceFleet.start();
        http = new HttpProbe();
        operations = new LinkedHashMap<>();
        for (ServiceUnderTest service : fleet.all()) {
            List<ApiOperation> published = ApiOperation.published(service.name(), service.process().baseUrl(), JSON);
            published.forEach(ValidRequests::requireGenerators);
            operations.put(service.name(), published);
        }
        // Prism in front of each service: every request and answer checked against the published document. Each
        // takes seconds to start: all three at once.
        checked = new LinkedHashMap<>();
        PrismInstallation.ensureInstalled(); // once, before three threads would ask for it
        try (ExecutorService starting = Executors.newFixedThreadPool(3)) {
            Map<String, Future<PrismProxy>> started = new LinkedHashMap<>();
            for (ServiceUnderTest service : fleet.all()) {
                started.put(service.name(), starting.submit(() ->
                        PrismProxy.start(java.net.URI.create(service.process().baseUrl()))));
            }
            for (ServiceUnderTest service : fleet.all()) {
                try {
                    PrismProxy prism = started.get(service.name()).get();
                    prisms.add(prism); // stopped after the run even if another one failed to start
                    checked.put(service.name(), service.through(prism.baseUrl()));
                } catch (InterruptedException | ExecutionException e) {
                    throw new IllegalStateException("Prism did not start in front of " + service.name(), e);
                }
            }
        }
        seed = SeedData.write(fleet);
        Infrastructure infra = Infrastructure.shared();
        footprints = new LinkedHashMap<>();
        for (ServiceUnderTest service : fleet.all()) {
            footprints.put(service.name(), new DatabaseFootprint(infra.postgres(), service.database()));
        }
        quiescence = new Quiescence(infra, List.of(fleet.intake.database(), fleet.forum.database()));
        validRequests = new ValidRequests(seed, JSON, http);
        hostileRequests = new HostileRequests(JSON);
        // -Dlangnghe.hostile.contract=report: list the answers that disagree with the documents instead of failing
        oracle = new AnswerOracle(JSON, !"report".equals(System.getProperty("langnghe.hostile.contract", "enforce")));
        requireValidStartingPoints();
    }

    /**
     * Every case changes one thing of an operation's valid form: a valid form the service refuses as bad input (400),
     * or that Prism finds against the document, is a gap of {@link ValidRequests}, and every case built on it would
     * test something else than it says.
     */
    private static void requireValidStartingPoints() {
        List<String> wrong = new ArrayList<>();
        for (ServiceUnderTest direct : fleet.all()) {
            ServiceUnderTest service = checked.get(direct.name());
            for (ApiOperation operation : operations.get(service.name())) {
                HostileRequest request = hostileRequests.unchanged(validRequests.of(operation, service));
                HttpProbe.Answer answer = http.send(request.method(),
                        baseUrl(service, request) + request.pathAndQuery(), request.headers(), request.body());
                List<Violation> against = Violation.parseHeader(answer.header("sl-violations")).stream()
                        .filter(v -> v.isDisagreement() && v.aboutRequest()).toList();
                if (answer.status() == 400 || !against.isEmpty()) {
                    wrong.add(operation + "\n  " + request + "\n  → " + answer.status() + " "
                            + Printable.of(answer.body(), 300) + "\n  Prism: " + against);
                }
                if (answer.status() == 202 && answer.header("Location") != null) {
                    awaitAcceptedWork(service, request, answer);
                }
            }
        }
        if (!wrong.isEmpty()) {
            throw new IllegalStateException(wrong.size() + " valid form(s) are not valid: teach ValidRequests\n"
                    + String.join("\n", wrong));
        }
    }

    @AfterContainer
    static void stopTheServices() {
        System.out.println("hostile cases per operation: " + casesPerOperation);
        System.out.println("the slowest operations, seconds for all their cases: " + millisPerOperation.entrySet()
                .stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                .map(e -> e.getKey() + " " + e.getValue() / 1000.0).toList());
        if (oracle != null && !oracle.contractReport().isEmpty()) {
            System.out.println(oracle.contractReport());
        }
        if (quiescence != null) {
            quiescence.close();
        }
        if (footprints != null) {
            footprints.values().forEach(DatabaseFootprint::close);
        }
        prisms.forEach(PrismProxy::close);
        if (fleet != null) {
            fleet.close();
        }
    }

    @BeforeProperty
    void letTheConsumersCatchUp() {
        quiescence.await();
    }

    @Provide
    Arbitrary<HostileCase> hostileCases() {
        return HostileCases.cases();
    }

    // Shrinking is off: each step would replay the case against every operation of the service, and jqwik runs
    // it on the common fork-join pool, where it went on after its 10 s bound and held the pool's only thread on a
    // two-core machine. The failure prints the case, and -Djqwik.seed=<seed> replays the run.
    @Property(shrinking = ShrinkingMode.OFF)
    void intakeServiceSurvivesHostileInput(@ForAll("hostileCases") HostileCase hostile) {
        everyOperationOf(fleet.intake, hostile);
    }

    @Property(shrinking = ShrinkingMode.OFF)
    void forumServiceSurvivesHostileInput(@ForAll("hostileCases") HostileCase hostile) {
        everyOperationOf(fleet.forum, hostile);
    }

    @Property(shrinking = ShrinkingMode.OFF)
    void reportingServiceSurvivesHostileInput(@ForAll("hostileCases") HostileCase hostile) {
        everyOperationOf(fleet.reporting, hostile);
    }

    private void everyOperationOf(ServiceUnderTest direct, HostileCase hostile) {
        ServiceUnderTest service = checked.get(direct.name());
        Statistics.collect(hostile.attack());
        List<String> failures = new ArrayList<>();
        DatabaseFootprint footprint = footprints.get(service.name());
        for (ApiOperation operation : operations.get(service.name())) {
            long started = System.nanoTime();
            ValidRequest valid = validRequests.of(operation, service);
            HostileRequest request = hostileRequests.apply(valid, hostile);
            Map<String, Long> before = footprint.take();
            HttpProbe.Answer answer;
            try {
                answer = http.send(request.method(), baseUrl(service, request) + request.pathAndQuery(),
                        request.headers(), request.body());
            } catch (RuntimeException e) {
                failures.add(operation + "\n  " + request + "\n  → " + e.getMessage());
                continue;
            }
            if (answer.status() == 202 && answer.header("Location") != null) {
                awaitAcceptedWork(service, request, answer);
            }
            Map<String, String> written = DatabaseFootprint.changes(before, footprint.take());
            casesPerOperation.merge(operation.toString(), 1, Integer::sum);
            List<String> broken = oracle.violations(request, answer, written);
            millisPerOperation.merge(operation.toString(), (System.nanoTime() - started) / 1_000_000, Long::sum);
            if (!broken.isEmpty()) {
                failures.add(operation + "\n  " + request + "\n  → " + answer.status() + " " + answer.contentType()
                        + " " + Printable.of(answer.body(), 300) + "\n  broken: " + broken);
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " operation(s) of " + service.name() + " mishandled "
                    + hostile + ":\n" + String.join("\n", failures) + "\n--- log tail ---\n"
                    + service.process().logTail());
        }
    }

    /**
     * Through Prism, except bytes that must arrive exactly as generated, a path with an empty segment (an empty id:
     * Prism checks it as the operation named, then forwards the path with the {@code //} made {@code /}, another
     * request than the one it checked), and the live feed, an endless event stream whose end Prism would wait for.
     */
    private static String baseUrl(ServiceUnderTest service, HostileRequest request) {
        boolean byteExact = request.hostileCase() != null && request.hostileCase().attack().isByteExact();
        boolean emptySegment = request.pathAndQuery().split("\\?")[0].contains("//");
        return byteExact || emptySegment || request.operation().path().endsWith("/live")
                ? service.process().baseUrl() : service.apiBaseUrl();
    }

    /** A 202 names work that goes on in the background (an import, a rebuild): let it end before counting rows. */
    private static void awaitAcceptedWork(ServiceUnderTest service, HostileRequest request, HttpProbe.Answer accepted) {
        String location = accepted.header("Location");
        String url = location.startsWith("http") ? location : service.apiBaseUrl() + location;
        org.awaitility.Awaitility.await("the work behind " + location).atMost(java.time.Duration.ofSeconds(60))
                .pollDelay(java.time.Duration.ZERO).pollInterval(java.time.Duration.ofMillis(100)).until(() -> {
                    HttpProbe.Answer progress = http.send("GET", url, Map.of("Authorization",
                            request.headers().getOrDefault("Authorization", "")), null);
                    String state = progress.status() == 200 ? JSON.readTree(progress.body()).path("state").asText() : "";
                    return progress.status() != 200 || !(state.equals("QUEUED") || state.equals("VALIDATING")
                            || state.equals("IMPORTING") || state.equals("RUNNING"));
                });
        quiescence.await();
    }
}
