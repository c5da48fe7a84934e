package vn.langnghe.bench.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every figure the benchmark reports, in the order of the results table. */
public final class Catalogue {

    public static final String PG_APPEND = "raw.pg_append";
    public static final String PG_BATCH_INSERT = "raw.pg_batch_insert";
    public static final String PG_BATCH_UPSERT = "raw.pg_batch_upsert";
    public static final String KAFKA_PRODUCE = "raw.kafka_produce";
    public static final String KAFKA_CONSUME = "raw.kafka_consume";

    public static final String INTAKE_MAX = "intake.max_sustained_rate";
    public static final String INTAKE_CLOSED = "intake.closed_loop_rate";
    public static final String INTAKE_P50 = "intake.half_rate_p50";
    public static final String INTAKE_P99 = "intake.half_rate_p99";
    public static final String INTAKE_P999 = "intake.half_rate_p999";
    public static final String LAG_P50 = "lag.burst_p50";
    public static final String LAG_P99 = "lag.burst_p99";
    public static final String FORUM_P50 = "forum.sse_p50";
    public static final String FORUM_P99 = "forum.sse_p99";
    public static final String SYNTHETIC_PRODUCE = "rebuild.synthetic_produce_rate";
    public static final String CATCH_UP = "rebuild.live_catch_up_rate";
    public static final String REBUILD = "rebuild.rate";
    public static final String QUERY_HALF_YEAR = "query.ministry_half_year_p99";
    public static final String QUERY_AS_RECORDED = "query.as_recorded_at_p99";

    public static String startup(String service) {
        return "startup." + service;
    }

    public static String rss(String service) {
        return "rss_at_rest." + service;
    }

    private static final List<String> REBUILD_RAW = List.of(PG_BATCH_UPSERT, KAFKA_CONSUME);

    public static Map<String, FigureSpec> all(List<String> services) {
        Map<String, FigureSpec> specs = new LinkedHashMap<>();
        for (FigureSpec spec : List.of(
                FigureSpec.raw(PG_APPEND, "pgbench single-row append, 8 clients, ~500-byte jsonb", "rows/s"),
                FigureSpec.raw(PG_BATCH_INSERT, "pgbench 100-row batched insert, 8 clients", "rows/s"),
                FigureSpec.raw(PG_BATCH_UPSERT, "pgbench 100-row batched upsert (ON CONFLICT DO UPDATE), 8 clients",
                        "rows/s"),
                FigureSpec.raw(KAFKA_PRODUCE, "ProducerPerformance, 500 B, acks=all, idempotent", "records/s"),
                FigureSpec.raw(KAFKA_CONSUME, "ConsumerPerformance, 500 B (fetch rate)", "records/s"),
                FigureSpec.ratio(INTAKE_MAX, "intake POST, max sustained open-loop rate (201 after commit)", "req/s",
                        List.of(PG_APPEND), 0.8, "≥ 0.8 × raw append (> 1.0 × with group commit)"),
                FigureSpec.against(INTAKE_CLOSED, "intake POST, closed-loop probe, 32 clients", "req/s",
                        List.of(PG_APPEND)),
                FigureSpec.measured(INTAKE_P50, "intake latency at half the max rate, p50", "ms",
                        Direction.LOWER_IS_BETTER),
                FigureSpec.limit(INTAKE_P99, "intake latency at half the max rate, p99", "ms", 50),
                FigureSpec.limit(INTAKE_P999, "intake latency at half the max rate, p99.9", "ms", 100),
                FigureSpec.measured(LAG_P50, "commit in intake → visible in a report, burst at 2 × max rate, p50",
                        "ms", Direction.LOWER_IS_BETTER),
                FigureSpec.limit(LAG_P99, "commit in intake → visible in a report, burst at 2 × max rate, p99",
                        "ms", 1000),
                FigureSpec.measured(FORUM_P50, "forum live path, 50 organisers, SSE delivery p50", "ms",
                        Direction.LOWER_IS_BETTER),
                FigureSpec.limit(FORUM_P99, "forum live path, 50 organisers, SSE delivery p99", "ms", 200),
                FigureSpec.against(SYNTHETIC_PRODUCE, "synthetic CloudEvents produced straight to Kafka",
                        "events/s", List.of(KAFKA_PRODUCE)),
                FigureSpec.against(CATCH_UP, "live projection consumers catching up on the synthetic events",
                        "events/s", REBUILD_RAW),
                FigureSpec.ratio(REBUILD, "rebuild of the intake projection (request → switch)", "events/s",
                        REBUILD_RAW, 0.5, "≥ 0.5 × min(raw upsert, raw consume)"),
                FigureSpec.limit(QUERY_HALF_YEAR, "intake report, ministry level (BCA), half-year, p99", "ms", 50),
                FigureSpec.limit(QUERY_AS_RECORDED, "the same report as recorded at a past instant, p99", "ms",
                        50))) {
            specs.put(spec.name(), spec);
        }
        for (String service : services) {
            specs.put(startup(service), FigureSpec.limit(startup(service),
                    service + " start → ready (JVM mode, AOT cache)", "s", 5));
            specs.put(rss(service), FigureSpec.limit(rss(service), service + " RSS at rest", "MB", 300));
        }
        return specs;
    }

    private Catalogue() {
    }
}
