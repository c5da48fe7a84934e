package vn.langnghe.bench.report;

import java.util.Map;

/** Why a target can be missed on this kind of machine, and what would close it; shown for each missed target. */
final class Explanations {

    private static final Map<String, String> WHY = Map.ofEntries(
            Map.entry(Catalogue.INTAKE_MAX, "the limit here is CPU, not the commit: at the maximum rate both cores"
                    + " are busy (top: the load generator, intake, the reporting and forum consumers of intake's topic,"
                    + " the broker, PostgreSQL), while pgbench's raw append is one INSERT from a C client with nothing"
                    + " else running. Group commit (ADR 0009, in this build) removed the one-commit-at-a-time limit, so"
                    + " the fsync no longer bounds intake; what would close the gap is CPU per request (profile the"
                    + " submit path: token verification, validation, legal-clock due dates, idempotency and outbox"
                    + " writes), the load generator on another machine, and more cores for the services."),
            Map.entry(Catalogue.INTAKE_P99, "at half the max rate the 2 cores are still half busy with the services,"
                    + " the broker and the load generator; JIT and GC pauses of three JVMs land in the tail. A dedicated"
                    + " core per service, a smaller young generation or ZGC, and group commit (fewer fsyncs) would"
                    + " close it."),
            Map.entry(Catalogue.INTAKE_P999, "as for p99: GC pauses and scheduling on 2 shared cores dominate the"
                    + " far tail; ZGC/Shenandoah and fewer processes per core would close it."),
            Map.entry(Catalogue.LAG_P99, "the burst saturates intake, so the relay, the broker and the reporting"
                    + " consumers compete for the same 2 cores with intake's own work; the relay polls the outbox, and"
                    + " each projection applies a poll per transaction (ADR 0011) on whatever CPU is left. A core of"
                    + " its own for reporting would close it."),
            Map.entry(Catalogue.FORUM_P99, "the live feed polls the events table every 150 ms per subscriber"
                    + " (langnghe.forum.live.poll-interval): 50 hall displays mean over 300 polling queries a second on"
                    + " 2 shared cores, and delivery waits up to one interval plus the recording request. A tail of many"
                    + " seconds comes from opinions a display did not get within the run (see the notes). One"
                    + " LISTEN/NOTIFY (or one shared poller per instance fanning out to all subscribers) instead of"
                    + " a poll per subscriber would close it."),
            Map.entry(Catalogue.REBUILD, "the rebuild consumer applies a poll of up to 2,000 events per"
                    + " transaction with its checkpoints (ADR 0011), and writes the facts and the cell deltas with one"
                    + " COPY each and the daily cell sums with one upsert of arrays (ADR 0012), so what remains is CPU"
                    + " per event on the 2 shared cores: about 43 µs of Java per event on the consumer thread (JFR: the"
                    + " largest part is decoding the CloudEvent and checking its contract against the JSON schema, then"
                    + " the cells) and PostgreSQL's work on the rows (a fact, a state upsert with a folded summary and a"
                    + " trigram index, about three deltas and their daily sums), beside the flow projection reading the"
                    + " same topic and the broker. The raw upsert writes a fixed row 100 at a time with nothing to"
                    + " decode. Parsing each event once instead of twice, trusting the contract check intake made"
                    + " instead of repeating it on every replay, cores of their own for reporting and its database, and"
                    + " rebuild consumers on several partitions at once would close more of it. While the live"
                    + " consumers are still applying the synthetic events (see the notes), the rebuild also shares the"
                    + " cores with them."),
            Map.entry(Catalogue.QUERY_HALF_YEAR, "the intake report sums the cells the projection keeps (ADR 0012),"
                    + " so its cost grows not with the events but with the cells: units x days x kinds x channels x"
                    + " recording days, and for the backlog their clocks. The synthetic history fills them early"
                    + " (108,001 cells at 1 million events, 120,285 at 10 million). On 10 million, EXPLAIN ANALYZE of the"
                    + " ministry half-year on an idle database: the period statement reads 30,770 cells in 32 ms with"
                    + " two parallel workers, the backlog 28,960 in 37 ms; the service runs both at once, which on 2"
                    + " cores means four processes for two cores, and the HTTP answer and the rest of the tail come on"
                    + " top. While the live projections are still applying the synthetic events (see the notes), the"
                    + " queries also share the cores with them. Monthly cells for the whole months of a period, and a"
                    + " per-month opening balance for the backlog, would cut the cells read by about 30 times."),
            Map.entry(Catalogue.QUERY_AS_RECORDED, "as for the half-year query, plus what a past instant adds: the"
                    + " instant's own day is read from the deltas up to the instant, and those grow with the events"
                    + " recorded a day. On 10 million events over one year, the 7 hours before 2022-04-01T00:00Z hold"
                    + " 23,538 deltas on 8,009 heap pages (the synthetic events are produced in random order of"
                    + " recording, so a day's deltas are spread over the table); with them the period statement takes"
                    + " 66 ms and the backlog 60 ms (EXPLAIN ANALYZE, idle database). Hourly sums of the deltas would"
                    + " bound what that day costs."));

    private Explanations() {
    }

    static String of(String figure) {
        if (figure.startsWith("startup.")) {
            return "a JVM-mode Quarkus start on 2 shared cores runs five Flyway migration sets one after the other"
                    + " on the main thread (about 0.5 s each while the JVM is cold), then opens the Kafka clients;"
                    + " AppCDS did not shorten it here (benchmarks/method.md). Running the migration sets together"
                    + " (or in one Flyway) or a native image would close it.";
        }
        if (figure.startsWith("rss_at_rest.")) {
            return "a 384 MB max heap lets the JVM keep garbage it has not needed to collect, plus metaspace and the"
                    + " Kafka clients' buffers; a smaller -Xmx, -XX:+UseSerialGC and a native image would close it.";
        }
        return WHY.getOrDefault(figure, "not analysed yet.");
    }
}
