package vn.langnghe.faults;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;

/**
 * What the consumers made of the events: every consumer caught up with every stream (per-stream checkpoints), each
 * event applied exactly once (the flow projection counts events per type: one lost or doubled application shows;
 * the fact tables hold one row per event), nothing parked, and every reporting projection equal, by its digest,
 * to a fresh rebuild from offset zero.
 */
final class ProjectionChecks {

    static final Duration REBUILD_TIMEOUT = Duration.ofMinutes(3);

    private final Cluster cluster;
    private final StoreAndLogChecks stores;
    private final String adminToken;

    ProjectionChecks(Cluster cluster, StoreAndLogChecks stores, String adminToken) {
        this.cluster = cluster;
        this.stores = stores;
        this.adminToken = adminToken;
    }

    /** A consumer, the database holding its checkpoints, and the producers' stores whose events it reads. */
    private record ConsumerUnderTest(String consumer, String database, List<String> sources) {}

    List<Check> run() throws SQLException {
        long intakeEvents = stores.single("intake", "SELECT count(*) FROM events");
        long forumEvents = stores.single("forum", "SELECT count(*) FROM events");
        Map<String, Long> eventsOf = Map.of("intake", intakeEvents, "forum", forumEvents);
        Map<String, String> schemas = activeSchemas();

        List<ConsumerUnderTest> consumers = new ArrayList<>();
        consumers.add(new ConsumerUnderTest("intake-service.escalations", "intake", List.of("forum")));
        consumers.add(new ConsumerUnderTest("forum-service.intake-outcomes", "forum", List.of("intake")));
        for (Map.Entry<String, String> projection : schemas.entrySet()) {
            int generation = Integer.parseInt(projection.getValue().replaceAll(".*_g", ""));
            consumers.add(new ConsumerUnderTest("reporting-service." + projection.getKey() + ".g" + generation,
                    "reporting", sourcesOf(projection.getKey())));
        }
        List<Check> checks = new ArrayList<>();
        for (ConsumerUnderTest c : consumers) {
            long expected = c.sources().stream().mapToLong(eventsOf::get).sum();
            checks.add(caughtUp(c, expected));
        }
        checks.add(nothingParked());
        checks.add(flowCountsEveryEventOnce(schemas.get("flow")));
        checks.add(oneFactPerEvent(schemas.get("intake") + ".intake_facts", intakeEvents));
        checks.add(oneFactPerEvent(schemas.get("forums") + ".forum_facts", forumEvents));
        for (String projection : schemas.keySet()) {
            checks.add(equalsFreshRebuild(projection));
        }
        return checks;
    }

    private static List<String> sourcesOf(String projection) {
        return switch (projection) {
            case "flow" -> List.of("intake", "forum");
            case "intake" -> List.of("intake");
            case "forums" -> List.of("forum");
            default -> throw new IllegalStateException("unknown projection " + projection + ": teach the fault test");
        };
    }

    private Map<String, String> activeSchemas() {
        Map<String, String> schemas = new TreeMap<>();
        for (JsonNode p : Http.get(cluster.reporting.baseUrl() + "/api/v1/admin/projections", adminToken)) {
            schemas.put(p.get("name").asText(), p.get("schema").asText());
        }
        return schemas;
    }

    /** The sum of the per-stream checkpoints equals the number of events: every stream's last version applied. */
    private Check caughtUp(ConsumerUnderTest c, long expected) throws SQLException {
        String sql = "SELECT coalesce(sum(version), 0) FROM consumer_checkpoints WHERE consumer = '" + c.consumer() + "'";
        long deadline = System.nanoTime() + StoreAndLogChecks.CATCH_UP_TIMEOUT.toNanos();
        long applied = stores.single(c.database(), sql);
        while (applied != expected && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
            applied = stores.single(c.database(), sql);
        }
        return Check.of(c.consumer() + " caught up with every stream", applied == expected,
                "events in " + c.sources() + "'s stores " + expected + ", checkpointed " + applied);
    }

    private Check nothingParked() throws SQLException {
        long intake = stores.single("intake", "SELECT count(*) FROM consumer_parked_events");
        long forum = stores.single("forum", "SELECT count(*) FROM consumer_parked_events");
        long reporting = stores.single("reporting", "SELECT count(*) FROM consumer_parked_events");
        return Check.of("no event left parked", intake + forum + reporting == 0,
                "parked: intake " + intake + ", forum " + forum + ", reporting " + reporting);
    }

    /** The flow projection adds one per applied event: per type, its count must equal the stores' count. */
    private Check flowCountsEveryEventOnce(String schema) throws SQLException {
        Map<String, Long> stored = new TreeMap<>();
        for (String database : List.of("intake", "forum")) {
            stores.countBy(database, "SELECT event_type FROM events").forEach((type, n) -> stored.merge(type, (long) n,
                    Long::sum));
        }
        Map<String, Long> counted = new TreeMap<>();
        Map<String, Integer> rows = stores.countBy("reporting", "SELECT event_type || '=' || sum(events) FROM "
                + schema + ".event_flow_daily GROUP BY event_type");
        rows.keySet().forEach(row -> counted.put(row.substring(0, row.lastIndexOf('=')),
                Long.parseLong(row.substring(row.lastIndexOf('=') + 1))));
        Map<String, String> differences = new HashMap<>();
        long doubled = 0;
        long missed = 0;
        for (String type : union(stored, counted)) {
            long s = stored.getOrDefault(type, 0L);
            long c = counted.getOrDefault(type, 0L);
            if (s != c) {
                differences.put(type, "stored " + s + ", applied " + c);
                doubled += Math.max(0, c - s);
                missed += Math.max(0, s - c);
            }
        }
        long total = counted.values().stream().mapToLong(Long::longValue).sum();
        long storedTotal = stored.values().stream().mapToLong(Long::longValue).sum();
        return Check.of("flow projection applied every event exactly once", differences.isEmpty(),
                "events stored " + storedTotal + ", applied " + total + " (applied twice or lost by type: "
                        + (differences.isEmpty() ? "none" : differences) + ")")
                .with(Check.DUPLICATES_APPLIED, doubled).with(Check.LOST, missed);
    }

    private static java.util.Set<String> union(Map<String, Long> a, Map<String, Long> b) {
        java.util.Set<String> all = new java.util.TreeSet<>(a.keySet());
        all.addAll(b.keySet());
        return all;
    }

    private Check oneFactPerEvent(String table, long events) throws SQLException {
        long facts = stores.single("reporting", "SELECT count(*) FROM " + table);
        return Check.of(table.replaceAll(".*\\.", "") + ": one fact row per event", facts == events,
                "events " + events + ", fact rows " + facts);
    }

    /** Digest of the serving generation, then a rebuild from offset zero, then the new generation's digest. */
    private Check equalsFreshRebuild(String projection) {
        String base = cluster.reporting.baseUrl() + "/api/v1/admin/projections/" + projection;
        JsonNode before = Http.get(base, adminToken);
        JsonNode started = Http.post(base + "/rebuild", adminToken, Map.of(), 202, null);
        String id = started.get("id").asText();
        long deadline = System.nanoTime() + REBUILD_TIMEOUT.toNanos();
        JsonNode status = started;
        while (status.get("state").asText().equals("RUNNING") && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(300).toNanos());
            status = Http.get(base + "/rebuild/" + id, adminToken);
        }
        if (!status.get("state").asText().equals("SWITCHED")) {
            return Check.of(projection + " equals a fresh rebuild", false, "rebuild ended " + status);
        }
        JsonNode after = Http.get(base, adminToken);
        boolean same = before.get("digest").equals(after.get("digest")) && before.get("rows").equals(after.get("rows"));
        return Check.of(projection + " equals a fresh rebuild (digest)", same,
                "g" + before.get("activeGeneration") + " " + before.get("digest").asText() + " " + before.get("rows")
                        + " vs rebuilt g" + after.get("activeGeneration") + " " + after.get("digest").asText() + " "
                        + after.get("rows"));
    }
}
