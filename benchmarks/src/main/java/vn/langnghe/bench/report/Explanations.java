package vn.langnghe.bench.report;

import java.util.Map;

/** Why a target can be missed on this kind of machine, and what would close it; shown for each missed target. */
final class Explanations {

    private static final Map<String, String> WHY = Map.ofEntries(
            Map.entry(Catalogue.INTAKE_MAX, "each request is a TLS-free HTTP call with RS256 token verification,"
                    + " JSON validation, an append and an outbox row in one fsync'd transaction, and the load generator,"
                    + " the three services, the broker and PostgreSQL share 2 cores; pgbench's raw append pays only"
                    + " the commit. Group commit (branch issue-9-group-commit) shares one fsync among concurrent"
                    + " appends; more cores, the load generator on another machine, and token verification caching"
                    + " would close the rest."),
            Map.entry(Catalogue.INTAKE_P99, "at half the max rate the 2 cores are still half busy with the services,"
                    + " the broker and the load generator; JIT and GC pauses of three JVMs land in the tail. A dedicated"
                    + " core per service, a smaller young generation or ZGC, and group commit (fewer fsyncs) would"
                    + " close it."),
            Map.entry(Catalogue.INTAKE_P999, "as for p99: GC pauses and scheduling on 2 shared cores dominate the"
                    + " far tail; ZGC/Shenandoah and fewer processes per core would close it."),
            Map.entry(Catalogue.LAG_P99, "the burst saturates intake, so the relay, the broker and the reporting"
                    + " consumers compete for the same 2 cores with intake's own work; the relay polls the outbox and"
                    + " each projection applies per event in its own transaction. Batching applies per poll and a core"
                    + " of its own for reporting would close it."),
            Map.entry(Catalogue.FORUM_P99, "the live feed polls the events table every 150 ms"
                    + " (langnghe.forum.live.poll-interval), so delivery waits up to one poll interval plus the"
                    + " recording request itself; LISTEN/NOTIFY on commit instead of polling would close it."),
            Map.entry(Catalogue.REBUILD, "the rebuild consumer applies each event in its own transaction that also"
                    + " moves the per-stream checkpoint (exactly-once effects), i.e. one commit per event, while the raw"
                    + " upsert limit batches 100 rows per commit. Applying a poll's records in one transaction with"
                    + " the checkpoints (multi-row upserts) would close it."),
            Map.entry(Catalogue.QUERY_HALF_YEAR, "the intake report aggregates the fact table at query time over every"
                    + " unit below the ministry and every figure; with millions of facts that is a large scan."
                    + " Pre-aggregated daily counts per unit (like event_flow_daily) summed at query time would close"
                    + " it."),
            Map.entry(Catalogue.QUERY_AS_RECORDED, "as for the half-year query, plus the recorded_at filter over the"
                    + " fact table; the same pre-aggregation keyed by recorded day would close it."));

    private Explanations() {
    }

    static String of(String figure) {
        if (figure.startsWith("startup.")) {
            return "a JVM-mode Quarkus start on 2 shared cores runs Flyway migrations, opens the Kafka clients and"
                    + " the connection pool; class-data sharing (AppCDS, `quarkus.package.jar.appcds.enabled`) or a"
                    + " native image would close it.";
        }
        if (figure.startsWith("rss_at_rest.")) {
            return "a 384 MB max heap lets the JVM keep garbage it has not needed to collect, plus metaspace and the"
                    + " Kafka clients' buffers; a smaller -Xmx, -XX:+UseSerialGC and a native image would close it.";
        }
        return WHY.getOrDefault(figure, "not analysed yet.");
    }
}
