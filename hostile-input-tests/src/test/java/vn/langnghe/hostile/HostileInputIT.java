package vn.langnghe.hostile;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.statistics.Statistics;
import vn.langnghe.testsupport.infra.Infrastructure;
import vn.langnghe.testsupport.prism.PrismProxy;

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
        // Prism in front of each service: every request and answer checked against the published document.
        checked = new LinkedHashMap<>();
        for (ServiceUnderTest service : fleet.all()) {
            PrismProxy prism = PrismProxy.start(java.net.URI.create(service.process().baseUrl()));
            prisms.add(prism);
            checked.put(service.name(), service.through(prism.baseUrl()));
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
        oracle = new AnswerOracle(JSON, "enforce".equals(System.getProperty("langnghe.hostile.contract", "report")));
    }

    @AfterContainer
    static void stopTheServices() {
        System.out.println("hostile cases per operation: " + casesPerOperation);
        if (oracle != null) {
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

    @Property
    void intakeServiceSurvivesHostileInput(@ForAll("hostileCases") HostileCase hostile) {
        everyOperationOf(fleet.intake, hostile);
    }

    @Property
    void forumServiceSurvivesHostileInput(@ForAll("hostileCases") HostileCase hostile) {
        everyOperationOf(fleet.forum, hostile);
    }

    @Property
    void reportingServiceSurvivesHostileInput(@ForAll("hostileCases") HostileCase hostile) {
        everyOperationOf(fleet.reporting, hostile);
    }

    private void everyOperationOf(ServiceUnderTest direct, HostileCase hostile) {
        ServiceUnderTest service = checked.get(direct.name());
        Statistics.collect(hostile.attack());
        List<String> failures = new ArrayList<>();
        DatabaseFootprint footprint = footprints.get(service.name());
        for (ApiOperation operation : operations.get(service.name())) {
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
     * Through Prism, except bytes that must arrive exactly as generated, and the live feed, an endless event
     * stream whose end Prism would wait for.
     */
    private static String baseUrl(ServiceUnderTest service, HostileRequest request) {
        return request.hostileCase().attack().isByteExact() || request.operation().path().endsWith("/live")
                ? service.process().baseUrl() : service.apiBaseUrl();
    }

    /** A 202 names work that goes on in the background (an import, a rebuild): let it end before counting rows. */
    private void awaitAcceptedWork(ServiceUnderTest service, HostileRequest request, HttpProbe.Answer accepted) {
        String location = accepted.header("Location");
        String url = location.startsWith("http") ? location : service.apiBaseUrl() + location;
        org.awaitility.Awaitility.await("the work behind " + location).atMost(java.time.Duration.ofSeconds(60))
                .pollInterval(java.time.Duration.ofMillis(100)).until(() -> {
                    HttpProbe.Answer progress = http.send("GET", url, Map.of("Authorization",
                            request.headers().getOrDefault("Authorization", "")), null);
                    String state = progress.status() == 200 ? JSON.readTree(progress.body()).path("state").asText() : "";
                    return progress.status() != 200 || !(state.equals("QUEUED") || state.equals("VALIDATING")
                            || state.equals("IMPORTING") || state.equals("RUNNING"));
                });
        quiescence.await();
    }
}
