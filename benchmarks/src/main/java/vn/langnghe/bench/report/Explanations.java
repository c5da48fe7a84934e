package vn.langnghe.bench.report;

import java.util.Map;

/** Why a target can be missed on this kind of machine, and what would close it; shown for each missed target. */
final class Explanations {

    private static final Map<String, String> WHY = Map.ofEntries(
            Map.entry(Catalogue.INTAKE_MAX, "the limit is the CPU of the 2 cores, shared by every process of the"
                    + " run, not the commit. The section \"Where the machine's CPU went\" shows what one request costs"
                    + " the whole machine at the maximum rate: intake itself, its PostgreSQL sessions (the command's"
                    + " statements and the outbox relay's), the reporting and forum consumers of intake's topic with"
                    + " their sessions, the broker, and the load generator (this benchmark's JVM). pgbench's raw append"
                    + " is one INSERT per transaction from a C client with nothing else running. Group commit (ADR 0009)"
                    + " removed the one-fsync-per-command limit, and since 2026-12-08 a submission sends three"
                    + " statements fewer. Within intake, a JFR profile (method.md,"
                    + " 2026-12-08) finds verifying the bearer token the largest part: the JWT's RSA signature about 14 %"
                    + " of intake's samples, jose4j's JSON and base64 about 23 %; then HTTP and JSON, encrypting the"
                    + " case text under its new key, and the JDBC calls. A cache of verified tokens (a security"
                    + " decision: a withdrawn signing key would be trusted until its entries expire), the load"
                    + " generator, broker and consumers on machines of their own, and more cores would close part of"
                    + " it; 0.8 × a C client's single-row INSERT rate is out of reach for an authenticated HTTP request"
                    + " that also encrypts, publishes and projects on the same 2 cores."),
            Map.entry(Catalogue.INTAKE_P99, "the load is half the maximum rate this run found, so a higher maximum"
                    + " asks for the tail at a higher load (the tenth run met it at 276 requests/s with p99 28.8 ms). At"
                    + " half rate the 2 cores are still about half busy with the services, the broker, the consumers"
                    + " and the load generator; GC pauses of three JVMs and the consumers' work on each relay round"
                    + " land in the tail. A dedicated core per service, a smaller young generation or ZGC would close"
                    + " it."),
            Map.entry(Catalogue.INTAKE_P999, "as for p99: GC pauses and scheduling on 2 shared cores dominate the"
                    + " far tail; ZGC/Shenandoah and fewer processes per core would close it."),
            Map.entry(Catalogue.LAG_P99, "the burst saturates intake, so the relay, the broker and the reporting"
                    + " consumers compete for the same 2 cores with intake's own work; the relay polls the outbox and"
                    + " starts a round at most every 100 ms while events keep coming (ADR 0010), and each projection"
                    + " applies a poll per transaction (ADR 0011) on whatever CPU is left. A core of its own for"
                    + " reporting would close it."),
            Map.entry(Catalogue.FORUM_P99, "the live feed polls the events table every 150 ms per subscriber"
                    + " (langnghe.forum.live.poll-interval): 50 hall displays mean over 300 polling queries a second on"
                    + " 2 shared cores, and delivery waits up to one interval plus the recording request. A tail of many"
                    + " seconds comes from opinions a display did not get within the run (see the notes). One"
                    + " LISTEN/NOTIFY (or one shared poller per instance fanning out to all subscribers) instead of"
                    + " a poll per subscriber would close it."),
            Map.entry(Catalogue.REBUILD, "the rebuild consumer applies a poll of up to 2,000 events per"
                    + " transaction with its checkpoints (ADR 0011), and writes the facts and the cell deltas with one"
                    + " COPY each and the daily cell sums with one upsert of arrays (ADR 0012); two members of its"
                    + " group read different partitions, so one decodes and evolves its poll while PostgreSQL applies"
                    + " the other's (ADR 0011, 2026-12-08: with one member only about 1.3 of the 2 cores were busy). What"
                    + " remains is CPU per event on the 2 shared cores: Java on the consumer threads (JFR: the largest"
                    + " part is decoding the CloudEvent and checking its contract against the JSON schema, then the"
                    + " cells) and PostgreSQL's work on the rows (a fact, a state upsert with a folded summary and a"
                    + " trigram index, about three deltas and their daily sums), beside the flow projection reading the"
                    + " same topic and the broker; the section \"Where the machine's CPU went\" splits each event's cost"
                    + " between them and shows how busy the cores were. At 0.5 × the raw upsert the whole machine would"
                    + " have about 13 µs of CPU per event. The raw upsert writes a fixed row 100 at a time with nothing to"
                    + " decode. Parsing each event once instead of twice, trusting the contract check intake made"
                    + " instead of repeating it on every replay, fewer rows per event, and cores of their own for"
                    + " reporting and its database would close part of it. While the live consumers are still applying"
                    + " the synthetic events (see the notes), the rebuild also shares the cores with them."),
            Map.entry(Catalogue.QUERY_HALF_YEAR, "the intake report sums monthly cells for the period's whole"
                    + " months, and for the backlog the open cells of its day's month and of the clocks still running"
                    + " at the month's start plus the clocks folded by month, all by month of recording (ADR 0012). On"
                    + " 1 million synthetic events, one statement after the other on an idle database, the ministry"
                    + " half-year took p50 12-13 ms; the cells saturate, so 10 million events hold about as many."
                    + " What is left is the HTTP request (token, unit scope, two connections sharing a snapshot, the"
                    + " JSON of every row and figure) on 2 cores shared with the broker, PostgreSQL and the other"
                    + " services; while the live projections are still applying the synthetic events (see the notes),"
                    + " the queries also share the cores with them. A core of its own for reporting and its database"
                    + " would close it."),
            Map.entry(Catalogue.QUERY_AS_RECORDED, "as for the half-year query, plus what a past instant adds: the"
                    + " daily cells its month recorded before its day, and its own day from the deltas up to the"
                    + " instant, which grow with the events recorded a day (the 7 hours before 2022-04-01T00:00Z hold"
                    + " 23,538 deltas on 10 million events, which arrive in random order of recording). Two covering"
                    + " indexes on the deltas' recorded time, one for the open cells and one for the rest, keep that"
                    + " day's deltas together, except for pages autovacuum has not yet marked all-visible, and the"
                    + " report sums them by cell before it joins them to the units. Hourly sums of the deltas would"
                    + " bound what that day costs."));

    private Explanations() {
    }

    static String of(String figure) {
        if (figure.startsWith("startup.")) {
            return "a JVM-mode Quarkus start on 2 shared cores, measured from launching the process to the first"
                    + " ready answer, with a JDK AOT cache trained in the same run (benchmarks/method.md). Without the"
                    + " cache intake-service started in 4.4-5.4 s (seventh run: 5.44 s), most of it JVM and Quarkus"
                    + " boot and bean start-up rather than its five Flyway migration sets (about 0.6 s together); the"
                    + " cache took 1.2-1.5 s off. What is left would need fewer Kafka clients at start-up or a native"
                    + " image.";
        }
        if (figure.startsWith("rss_at_rest.")) {
            return "a 384 MB max heap lets the JVM keep garbage it has not needed to collect, plus metaspace, the"
                    + " mapped AOT cache and the Kafka clients' buffers; -XX:+UseSerialGC (210 MB at rest for intake,"
                    + " ad hoc) or a native image would lower it.";
        }
        return WHY.getOrDefault(figure, "not analysed yet.");
    }
}
