package vn.langnghe.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.langnghe.personal.MasterKey;
import vn.langnghe.testsupport.infra.Infrastructure;
import vn.langnghe.testsupport.kafka.TestCloudEvents;
import vn.langnghe.testsupport.process.ServiceProcess;
import vn.langnghe.testsupport.tokens.TokenMinter;
import vn.langnghe.testsupport.tokens.Tokens;

/**
 * Seed 000, end to end: the registers of the Hà Nội police for the first half of 2022 go into intake-service
 * (bulk import as HN's and HP's officers, merges and corrections over REST), out through its outbox relay and
 * Kafka, into reporting-service's consumer; the intake report is read over REST as an analyst of HN and shows
 * the figures the article publishes (hanoimoi.com.vn, 5/10/2024): 12.600 tin; 15.259 đơn, thư received at
 * citizen reception; verification concluded for 8.885; resolved 25 denunciations, 132 complaints, 445 crime
 * reports, 5.772 petitions. Noise that must not count is generated alongside (see {@link HanoiRegister}), and
 * copies of real events are delivered a second time on the topic.
 *
 * <p>Late corrections: by docs/metrics.md a fact counts in its period whenever it is keyed in, so corrections
 * keyed in after the report was published (at instant T) but dated in the period change the report as recorded
 * now. The published figures are the report {@code asRecordedAt=T}; the test asserts those against the seed,
 * the corrections in {@code recordedAfter}, and the report as recorded now against the seed plus the corrections.
 *
 * <p>Both services run as their packaged jars: package intake-service and reporting-service first.
 */
class SeedFiguresIT {

    static final String TOPIC = "intake.submission.events";
    /** Lines per import file: well under the 50,000-line limit and, at ~300 bytes a line, the 10 MiB body. */
    static final int LINES_PER_FILE = 5_000;
    static final int REDELIVERED = 300;
    /** The random seed of the generator: seed 000's file name, 000_feeb76ad67a0af1f.txt. */
    static final long RANDOM_SEED = 0xfeeb76ad67a0af1fL;

    static Infrastructure infra;
    static ServiceProcess intake;
    static ServiceProcess reporting;
    static final Map<String, Long> timings = new LinkedHashMap<>();

    @BeforeAll
    static void startServices() {
        long started = System.nanoTime();
        Path root = Path.of(System.getProperty("langnghe.e2e.root.dir", "..")).toAbsolutePath().normalize();
        for (String module : List.of("intake-service", "reporting-service")) {
            Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: package it first (./mvnw -pl intake-service,"
                        + "reporting-service package -DskipTests)");
            }
        }
        infra = Infrastructure.shared();
        Map<String, String> intakeConfig = config("e2e_intake");
        intakeConfig.put("langnghe.personal.master-key", MasterKey.generate().toBase64());
        intake = ServiceProcess.quarkusApp(root.resolve("intake-service")).jvmOptions("-Xmx512m")
                .config(intakeConfig).start();
        reporting = ServiceProcess.quarkusApp(root.resolve("reporting-service")).jvmOptions("-Xmx384m")
                .config(config("e2e_reporting")).start();
        intake.awaitReady(Duration.ofMinutes(2));
        reporting.awaitReady(Duration.ofMinutes(2));
        timings.put("start PostgreSQL, Kafka and both services", millisSince(started));
    }

    private static Map<String, String> config(String database) {
        infra.postgres().createDatabase(database);
        TokenMinter tokens = Tokens.shared();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", infra.postgres().jdbcUrl(database));
        config.put("quarkus.datasource.username", infra.postgres().username());
        config.put("quarkus.datasource.password", infra.postgres().password());
        config.put("kafka.bootstrap.servers", infra.kafka().bootstrapServers());
        config.put("quarkus.oidc.public-key", tokens.publicKeyPem());
        config.put("quarkus.oidc.token.issuer", tokens.issuer());
        return config;
    }

    @AfterAll
    static void stop() {
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> {
            if (intake != null) {
                intake.close();
            }
        });
        if (reporting != null) {
            reporting.close();
        }
        stopping.join();
        StringBuilder summary = new StringBuilder("SeedFiguresIT timings (ms unless said otherwise):");
        timings.forEach((phase, value) -> summary.append("\n  ").append(phase).append(": ").append(value));
        System.out.println(summary);
    }

    @Test
    void theHanoiFirstHalfOf2022_reproducesTheSeedFigures_throughTheWholePipeline() throws Exception {
        try {
            run();
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(e.getMessage() + "\n--- intake ---" + intake.logTail() + "\n--- reporting ---"
                    + reporting.logTail(), e);
        }
    }

    private void run() throws Exception {
        String hnOfficer = Tokens.shared().officer("HN");
        String hpOfficer = Tokens.shared().officer("HP");

        // ---- the registers: generated, not read from anywhere ----
        long phase = System.nanoTime();
        HanoiRegister register = new HanoiRegister(new HanoiRegister.Seed(12_600, 15_259, 8_885, 25, 132, 445, 5_772),
                RANDOM_SEED);
        timings.put("generate", millisSince(phase));
        int cases = register.main.size() + register.addressable.size() + register.haiPhong.size();

        // ---- before T: import everything (HN's main register, HN's addressable file, HP's register) ----
        long pipeline = System.nanoTime();
        phase = pipeline;
        List<Upload> uploads = new ArrayList<>();
        for (byte[] file : HanoiRegister.files(register.main, LINES_PER_FILE)) {
            uploads.add(new Upload(hnOfficer, file));
        }
        byte[] addressable = HanoiRegister.body(register.addressable);
        uploads.add(new Upload(hnOfficer, addressable));
        uploads.add(new Upload(hpOfficer, HanoiRegister.body(register.haiPhong)));
        List<JsonPath> jobs = importAll(uploads);
        long events = 0;
        for (int i = 0; i < jobs.size(); i++) {
            JsonPath job = jobs.get(i);
            assertThat(job.getString("state")).as("job %s: %s", i, job.prettify()).isEqualTo("SUCCEEDED");
            assertThat(job.getInt("linesImported")).isEqualTo(job.getInt("linesTotal"));
            events += job.getLong("eventsWritten");
        }
        long importMillis = millisSince(phase);
        timings.put("import " + cases + " cases, " + events + " events, " + jobs.size() + " files", importMillis);
        timings.put("import throughput, events/s", events * 1000 / Math.max(1, importMillis));

        // a re-run of a file writes nothing, and tells the submission id of every line
        JsonPath rerun = importAll(List.of(new Upload(hnOfficer, addressable))).getFirst();
        assertThat(rerun.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(rerun.getInt("linesSkipped")).isEqualTo(register.addressable.size());
        assertThat(rerun.getInt("linesImported")).isZero();
        assertThat(rerun.getInt("eventsWritten")).isZero();
        Map<String, String> ids = new HashMap<>();
        for (Map<String, Object> entry : rerun.<Map<String, Object>>getList("report")) {
            ids.put((String) entry.get("externalRef"), (String) entry.get("submissionId"));
        }
        assertThat(ids).hasSize(register.addressable.size());

        // merged duplicates: imports cannot merge, officers do it over REST
        phase = System.nanoTime();
        List<Runnable> merges = new ArrayList<>();
        for (HanoiRegister.Merge merge : register.merges) {
            merges.add(() -> act(intake, hnOfficer, ids.get(merge.duplicateRef()), "merge", merge.duplicateVersion(),
                    Map.of("mergedInto", ids.get(merge.originalRef()), "effectiveOn", merge.on().toString())));
        }
        inParallel(merges);
        events += register.merges.size();
        timings.put("merge " + register.merges.size() + " duplicates over REST", millisSince(phase));

        phase = System.nanoTime();
        awaitApplied(events, Duration.ofMinutes(4));
        timings.put("reporting catches up after the imports", millisSince(phase));
        timings.put("pipeline throughput (first import to last event applied), events/s",
                events * 1000 / Math.max(1, millisSince(pipeline)));

        // redelivered events: copies of real ones, read back from the topic, sent again
        phase = System.nanoTime();
        long duplicatesBefore = count(intakeConsumer(), "duplicates");
        redeliver();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            Map<String, Object> consumer = intakeConsumer();
            assertThat(count(consumer, "duplicates") - duplicatesBefore).isEqualTo(REDELIVERED);
            assertThat(count(consumer, "lag")).isZero();
        });
        assertThat(count(intakeConsumer(), "applied")).isEqualTo(events);
        timings.put("redeliver " + REDELIVERED + " events", millisSince(phase));

        // ---- T: the report is published ----
        Thread.sleep(50);
        Instant published = Instant.now();
        Thread.sleep(1_100);

        // ---- after T: late corrections ----
        phase = System.nanoTime();
        JsonPath late = importAll(List.of(new Upload(hnOfficer, HanoiRegister.body(register.late)))).getFirst();
        assertThat(late.getString("state")).as(late.prettify()).isEqualTo("SUCCEEDED");
        events += late.getLong("eventsWritten");
        List<Runnable> corrections = new ArrayList<>();
        for (HanoiRegister.Correction c : register.reclassifications) {
            corrections.add(() -> act(intake, hnOfficer, ids.get(c.ref()), "classify", c.version(), Map.of(
                    "kind", "PETITION", "topic", "SIDEWALK_ORDER", "unitId", "HN",
                    "publicSummary", "Phản ánh về trật tự đường hè (phân loại lại)", "effectiveOn", c.on().toString())));
        }
        for (HanoiRegister.Correction c : register.lateConclusions) {
            corrections.add(() -> act(intake, hnOfficer, ids.get(c.ref()), "conclude", c.version(),
                    Map.of("conclusion", "FOUNDED", "effectiveOn", c.on().toString())));
        }
        inParallel(corrections);
        events += corrections.size();
        awaitApplied(events, Duration.ofMinutes(2));
        timings.put("late corrections, applied", millisSince(phase));

        // ---- the report as published (as recorded at T): the seed's figures ----
        String analyst = Tokens.shared().analyst("HN");
        JsonPath asPublished = report(analyst, "HN", "2022-H1", published);
        assertThat(figures(asPublished)).as("HN 2022-H1 as recorded at %s", published).isEqualTo(Map.of(
                "tips received", 12_600L,
                "letters received at reception", 15_259L,
                "verification concluded", 8_885L,
                "resolved denunciations", 25L,
                "resolved complaints", 132L,
                "resolved crime reports", 445L,
                "resolved petitions", 5_772L));
        // the corrections keyed in after T, dated in the period, shown apart by event type
        assertThat(asPublished.getMap("recordedAfter")).isEqualTo(Map.of(
                "intake.SubmissionReceived.v1", 100,
                "intake.SubmissionClassified.v1", 100 + 10,
                "intake.VerificationStarted.v1", 40,
                "intake.SubmissionConcluded.v1", 40 + 15,
                "intake.SubmissionAnswered.v1", 60));

        // ---- the report as recorded now: the seed plus the corrections dated in the period ----
        JsonPath now = report(analyst, "HN", "2022-H1", null);
        assertThat(figures(now)).as("HN 2022-H1 as recorded now").isEqualTo(Map.of(
                "tips received", 12_600L + 40 - 10,
                "letters received at reception", 15_259L + 60,
                "verification concluded", 8_885L + 40 + 15,
                "resolved denunciations", 25L,
                "resolved complaints", 132L,
                "resolved crime reports", 445L + 15,
                "resolved petitions", 5_772L + 60));
        assertThat(now.getMap("recordedAfter")).isNull();
        // the merged duplicates are in "received" (the letters did arrive), and told apart
        assertThat(total(now).getLong("figures.receivedMergedAway.total")).isEqualTo(180);
        assertThat(total(now).getLong("figures.merged.total")).isEqualTo(180);
        // the rows add up: HN's own facts and Thanh Trì's subtree
        assertThat(now.getList("rows.unit")).containsExactly("HN", "HN", "HN-THANHTRI");
        assertThat(now.getLong("rows[1].figures.received.total") + now.getLong("rows[2].figures.received.total"))
                .isEqualTo(now.getLong("rows[0].figures.received.total"));

        // ---- the noise is there, in the places it belongs ----
        JsonPath haiPhong = report(Tokens.shared().analyst("HP"), "HP", "2022-H1", null);
        assertThat(total(haiPhong).getLong("figures.received.byKind.TIP")).isEqualTo(300);
        assertThat(total(haiPhong).getLong("figures.resolved.byKind.PETITION")).isEqualTo(300);
        assertThat(total(report(analyst, "HN", "2022-07", published)).getLong("figures.received.byKind.TIP"))
                .isEqualTo(100);
        assertThat(total(report(analyst, "HN", "2022-07", null)).getLong("figures.received.byKind.TIP"))
                .isEqualTo(100 + 20);
        assertThat(total(report(analyst, "HN", "2021-12", null)).getLong("figures.received.byKind.TIP"))
                .isEqualTo(100 + 100);
        timings.put("total (excluding start)", timings.entrySet().stream()
                .filter(e -> !e.getKey().startsWith("start") && !e.getKey().contains("throughput"))
                .mapToLong(Map.Entry::getValue).sum());
    }

    // ------------------------------------------------------------------ the report

    private static JsonPath report(String token, String unit, String period, Instant asRecordedAt) {
        RequestSpecification request = given().baseUri(reporting.baseUrl()).auth().oauth2(token)
                .accept(ContentType.JSON).queryParam("unit", unit).queryParam("period", period);
        if (asRecordedAt != null) {
            request.queryParam("asRecordedAt", asRecordedAt.toString());
        }
        Response response = request.get("/api/v1/reports/intake");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        return response.jsonPath();
    }

    /** The total row. */
    private static JsonPath total(JsonPath report) {
        List<Map<String, Object>> rows = report.getList("rows");
        for (int i = 0; i < rows.size(); i++) {
            if ("TOTAL".equals(rows.get(i).get("role"))) {
                return JsonPath.from(report.prettify()).setRootPath("rows[" + i + "]");
            }
        }
        throw new AssertionError("no TOTAL row in " + report.prettify());
    }

    /** The seed's figures, read where docs/metrics.md says they are. */
    private static Map<String, Long> figures(JsonPath report) {
        JsonPath t = total(report);
        Map<String, Long> figures = new LinkedHashMap<>();
        figures.put("tips received", t.getLong("figures.received.byKind.TIP"));
        figures.put("letters received at reception", t.getLong("figures.received.byChannel.RECEPTION_DESK"));
        figures.put("verification concluded", t.getLong("figures.concluded.total"));
        figures.put("resolved denunciations", t.getLong("figures.resolved.byKind.DENUNCIATION"));
        figures.put("resolved complaints", t.getLong("figures.resolved.byKind.COMPLAINT"));
        figures.put("resolved crime reports", t.getLong("figures.resolved.byKind.CRIME_REPORT"));
        figures.put("resolved petitions", t.getLong("figures.resolved.byKind.PETITION"));
        return figures;
    }

    // ------------------------------------------------------------------ the consumer

    /** The intake projection's consumer in GET /api/v1/status/consumers: lag, applied, duplicates, ... */
    private static Map<String, Object> intakeConsumer() {
        List<Map<String, Object>> consumers = given().baseUri(reporting.baseUrl())
                .auth().oauth2(Tokens.shared().analyst("HN")).get("/api/v1/status/consumers")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return consumers.stream().filter(c -> String.valueOf(c.get("consumer")).contains(".intake."))
                .findFirst().orElseThrow(() -> new AssertionError("no intake consumer in " + consumers));
    }

    private static long count(Map<String, Object> consumer, String name) {
        return ((Number) consumer.get(name)).longValue();
    }

    /** Until the intake projection's consumer has applied exactly {@code events} events and has no lag. */
    private static void awaitApplied(long events, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Map<String, Object> consumer = intakeConsumer();
            assertThat(count(consumer, "parked")).as("%s", consumer).isZero();
            assertThat(count(consumer, "deadLettered")).as("%s", consumer).isZero();
            assertThat(count(consumer, "applied")).isEqualTo(events);
            assertThat(count(consumer, "lag")).isZero();
        });
    }

    /** Copies of real events, read back from the topic, sent again as they were (key, headers, data). */
    private static void redeliver() throws Exception {
        String kafka = infra.kafka().bootstrapServers();
        List<TestCloudEvents.Received> read = TestCloudEvents.readUntil(kafka, TOPIC,
                records -> records.size() >= REDELIVERED * 10, Duration.ofSeconds(60));
        assertThat(read).hasSizeGreaterThanOrEqualTo(REDELIVERED * 10);
        try (KafkaProducer<String, byte[]> producer = TestCloudEvents.producer(kafka)) {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < REDELIVERED; i++) {
                TestCloudEvents.Received original = read.get(i * 10);
                ProducerRecord<String, byte[]> copy = new ProducerRecord<>(TOPIC, original.key(),
                        original.data().getBytes(StandardCharsets.UTF_8));
                original.attributes().forEach((name, value) ->
                        copy.headers().add("ce_" + name, value.getBytes(StandardCharsets.UTF_8)));
                copy.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
                sent.add(producer.send(copy));
            }
            producer.flush();
            for (Future<?> f : sent) {
                f.get();
            }
        }
    }

    // ------------------------------------------------------------------ intake

    record Upload(String token, byte[] file) {}

    /**
     * Posts the files in order and waits for every job to finish. An instance holds at most 3 files at once
     * (503 beyond) and runs them one at a time, so at most two are kept waiting behind the running one.
     */
    private static List<JsonPath> importAll(List<Upload> uploads) {
        List<String> ids = new ArrayList<>();
        Map<String, String> tokens = new HashMap<>();
        Deque<String> pending = new ArrayDeque<>();
        for (Upload upload : uploads) {
            while (pending.size() >= 3) {
                awaitJob(pending.peekFirst(), tokens.get(pending.peekFirst()));
                pending.removeFirst();
            }
            Response response = given().baseUri(intake.baseUrl()).auth().oauth2(upload.token())
                    .contentType("application/x-ndjson").body(upload.file()).post("/api/v1/imports");
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(202);
            String id = response.jsonPath().getString("id");
            ids.add(id);
            tokens.put(id, upload.token());
            pending.addLast(id);
        }
        List<JsonPath> jobs = new ArrayList<>();
        for (String id : ids) {
            jobs.add(awaitJob(id, tokens.get(id)));
        }
        return jobs;
    }

    private static JsonPath awaitJob(String id, String token) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).until(() -> {
            last[0] = given().baseUri(intake.baseUrl()).auth().oauth2(token).get("/api/v1/imports/" + id)
                    .then().statusCode(200).extract().jsonPath();
            String state = last[0].getString("state");
            return state.equals("SUCCEEDED") || state.equals("FAILED");
        });
        return last[0];
    }

    /** A lifecycle command with If-Match: the version the import left the case at. */
    private static void act(ServiceProcess service, String token, String id, String action, long version,
            Map<String, Object> body) {
        Response response = given().baseUri(service.baseUrl()).auth().oauth2(token).contentType(ContentType.JSON)
                .header("If-Match", "\"" + version + "\"").body(body)
                .post("/api/v1/submissions/" + id + "/" + action);
        assertThat(response.statusCode()).as("%s %s: %s", action, id, response.asString()).isEqualTo(200);
    }

    private static void inParallel(List<Runnable> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Runnable call : calls) {
                done.add(pool.submit(call));
            }
            for (Future<?> f : done) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof AssertionError a) {
                        throw a;
                    }
                    throw e;
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
