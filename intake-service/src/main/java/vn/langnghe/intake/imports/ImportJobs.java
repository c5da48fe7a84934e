package vn.langnghe.intake.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.langnghe.contracts.reference.TopicTaxonomy;
import vn.langnghe.contracts.reference.UnitTree;
import vn.langnghe.eventsourcing.store.SqlErrors;
import vn.langnghe.eventsourcing.store.Transactions;
import vn.langnghe.intake.application.RequestFingerprint;
import vn.langnghe.intake.application.SubmissionService;
import vn.langnghe.intake.domain.submission.SubmissionClocks;
import vn.langnghe.intake.domain.submission.SubmissionRefused;

/**
 * Import jobs: validate a whole file, then write every new line in one transaction, or nothing. Jobs run one
 * at a time per instance on a thread of their own; their progress is written to {@code import_jobs} (from a
 * connection of its own, so it is visible while the import's transaction is still open) and read back from
 * there, so any instance can answer for any job. The file itself is only ever in memory.
 */
@ApplicationScoped
public class ImportJobs {

    private static final Logger LOG = Logger.getLogger(ImportJobs.class);
    /** A job whose instance stopped touching it for this long was interrupted (its transaction rolled back). */
    static final Duration STALE_AFTER = Duration.ofSeconds(60);
    private static final long PERSIST_EVERY_MILLIS = 250;
    /** Files an instance holds at once (one running, the others waiting). */
    static final int MAX_QUEUED = 3;

    public enum State { QUEUED, VALIDATING, IMPORTING, SUCCEEDED, FAILED }

    /** A job as GET /api/v1/imports/{id} shows it. */
    public record JobView(UUID id, String state, String unitId, int linesTotal, int linesValidated, int linesInvalid,
            int linesSkipped, int linesImported, int eventsWritten, Double eventsPerSecond, String failure,
            OffsetDateTime createdAt, OffsetDateTime startedAt, OffsetDateTime finishedAt,
            List<ImportReport.Entry> report, boolean reportTruncated) {}

    /** The live counters of a running job. */
    private static final class Job {
        final UUID id;
        final String unitId;
        final String actor;
        volatile State state = State.QUEUED;
        final int total;
        volatile int validated;
        volatile int invalid;
        volatile int skipped;
        volatile int imported;
        volatile int events;
        volatile Double eventsPerSecond;
        volatile String failure;
        volatile List<ImportReport.Entry> report = List.of();
        volatile boolean truncated;
        volatile Instant startedAt;
        volatile Instant finishedAt;
        long persistedAt;

        Job(UUID id, String unitId, String actor, int total) {
            this.id = id;
            this.unitId = unitId;
            this.actor = actor;
            this.total = total;
        }
    }

    /** A line failing while being written (cannot happen after validation, but is reported like one). */
    private static final class LineFailure extends RuntimeException {
        final ImportReport.Entry entry;

        LineFailure(ImportReport.Entry entry) {
            super(entry.message());
            this.entry = entry;
        }
    }

    private final DataSource dataSource;
    private final SubmissionService service;
    private final TopicTaxonomy topics;
    private final UnitTree units;
    private final SubmissionClocks clocks;
    private final RequestFingerprint fingerprint;
    private final ObjectMapper json;
    private final int maxLines;
    private final Map<UUID, Job> live = new ConcurrentHashMap<>();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "intake-import");
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "intake-import-heartbeat");
        t.setDaemon(true);
        return t;
    });

    ImportJobs(DataSource dataSource, SubmissionService service, TopicTaxonomy topics, UnitTree units,
            SubmissionClocks clocks, RequestFingerprint fingerprint, ObjectMapper json,
            @ConfigProperty(name = "langnghe.intake.imports.max-lines", defaultValue = "50000") int maxLines) {
        this.dataSource = dataSource;
        this.service = service;
        this.topics = topics;
        this.units = units;
        this.clocks = clocks;
        this.fingerprint = fingerprint;
        this.json = json;
        this.maxLines = maxLines;
        heartbeat.scheduleWithFixedDelay(this::touch, 10, 10, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        heartbeat.shutdownNow();
        runner.shutdownNow();
    }

    int maxLines() {
        return maxLines;
    }

    /** Queues a file for import by an officer of {@code unitId}; answers at once with the job's id. */
    public UUID start(byte[] file, String unitId, String actor) {
        if (live.size() >= MAX_QUEUED) { // each queued file is held in memory
            throw new jakarta.ws.rs.ServiceUnavailableException("already " + live.size()
                    + " imports queued or running on this instance; retry in a minute");
        }
        List<int[]> lines = ImportValidator.lineBounds(file);
        Job job = new Job(UUID.randomUUID(), unitId, actor, lines.size());
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO import_jobs (id, unit_id, actor, state, lines_total, created_at, heartbeat_at)"
                        + " VALUES (?, ?, ?, ?, ?, now(), now())")) {
            s.setObject(1, job.id);
            s.setString(2, unitId);
            s.setString(3, actor);
            s.setString(4, State.QUEUED.name());
            s.setInt(5, job.total);
            s.executeUpdate();
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
        live.put(job.id, job);
        runner.submit(() -> run(job, file, lines));
        return job.id;
    }

    /** The job as stored (any instance's); a job its instance stopped touching is reported interrupted. */
    public Optional<JobView> find(UUID id) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement stale = c.prepareStatement("UPDATE import_jobs SET state = 'FAILED',"
                    + " failure = 'interrupted: the service stopped during the import; nothing of it was stored,"
                    + " run the file again', lines_imported = 0, events_written = 0, finished_at = now()"
                    + " WHERE id = ? AND state NOT IN ('SUCCEEDED', 'FAILED') AND heartbeat_at < ?")) {
                stale.setObject(1, id);
                stale.setTimestamp(2, Timestamp.from(Instant.now().minus(STALE_AFTER)));
                stale.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("SELECT id, state, unit_id, lines_total, lines_validated,"
                    + " lines_invalid, lines_skipped, lines_imported, events_written, events_per_second, failure,"
                    + " created_at, started_at, finished_at, report::text, report_truncated FROM import_jobs"
                    + " WHERE id = ?")) {
                s.setObject(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    java.math.BigDecimal eps = rs.getBigDecimal(10);
                    return Optional.of(new JobView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9),
                            eps == null ? null : eps.doubleValue(), rs.getString(11),
                            rs.getObject(12, OffsetDateTime.class), rs.getObject(13, OffsetDateTime.class),
                            rs.getObject(14, OffsetDateTime.class), json.readValue(rs.getString(15),
                                    new TypeReference<List<ImportReport.Entry>>() {}), rs.getBoolean(16)));
                }
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ the job

    private void run(Job job, byte[] file, List<int[]> lines) {
        job.startedAt = Instant.now();
        try {
            job.state = State.VALIDATING;
            persist(job, true);
            if (job.total == 0) {
                fail(job, "the file has no lines", List.of());
                return;
            }
            if (job.total > maxLines) {
                fail(job, "the file has " + job.total + " lines; at most " + maxLines + " per file: split it",
                        List.of());
                return;
            }
            ImportValidator validator = new ImportValidator(json, topics, units, clocks, service.today(), job.unitId,
                    fingerprint::of);
            ImportValidator.Result result = validator.validate(file, lines, n -> {
                job.validated = n;
                persist(job, false);
            });
            List<ImportReport.Entry> report = new ArrayList<>(result.invalid());
            Map<String, String[]> existing = imported(null, result.valid());
            List<ImportValidator.Valid> toWrite = new ArrayList<>();
            int skipped = 0;
            for (ImportValidator.Valid line : result.valid()) {
                String[] earlier = existing.get(key(line));
                if (earlier == null) {
                    toWrite.add(line);
                } else if (earlier[0].equals(line.lineHash())) {
                    report.add(ImportReport.skipped(line.line(), line.externalRef(), earlier[1]));
                    skipped++;
                } else {
                    report.add(ImportReport.invalid(line.line(), line.externalRef(), "externalRef",
                            "already imported (as " + earlier[1] + ") from a different line: correct that case"
                                    + " through its lifecycle, not by importing it again"));
                }
            }
            job.skipped = skipped;
            job.invalid = (int) report.stream().filter(e -> "INVALID".equals(e.outcome())).count();
            if (job.invalid > 0) {
                fail(job, job.invalid + " line(s) are invalid: nothing was imported", report);
                return;
            }
            job.state = State.IMPORTING;
            setReport(job, report);
            persist(job, true);
            write(job, toWrite, report);
            job.state = State.SUCCEEDED;
            job.finishedAt = Instant.now();
            persist(job, true);
        } catch (LineFailure f) {
            List<ImportReport.Entry> report = new ArrayList<>(job.report);
            report.add(f.entry);
            job.invalid = 1;
            fail(job, "line " + f.entry.line() + " was refused while writing: nothing was imported", report);
        } catch (RuntimeException | Error e) {
            LOG.errorf(e, "import job %s failed", job.id);
            fail(job, "the import failed while writing (" + e.getClass().getSimpleName()
                    + "): nothing was imported; run the file again", job.report);
        } finally {
            live.remove(job.id);
        }
    }

    /** Every new line in one transaction: the personal data first, then the events (holding the append lock). */
    private void write(Job job, List<ImportValidator.Valid> lines, List<ImportReport.Entry> report) {
        Instant begin = Instant.now();
        int[] events = {0};
        int[] skippedMeanwhile = {0};
        Transactions.inTransaction(dataSource, tx -> {
            // imports queue here (any instance), so a file sent twice at once is written once
            try (PreparedStatement lock = tx.prepareStatement("SELECT pg_advisory_xact_lock(2, hashtext(?))")) {
                lock.setString(1, "intake.imports");
                lock.execute();
            }
            Map<String, String[]> existing = imported(tx, lines);
            List<ImportValidator.Valid> fresh = new ArrayList<>();
            for (ImportValidator.Valid line : lines) {
                String[] earlier = existing.get(key(line));
                if (earlier == null) {
                    fresh.add(line);
                } else {
                    report.add(ImportReport.skipped(line.line(), line.externalRef(), earlier[1]));
                    skippedMeanwhile[0]++;
                }
            }
            String[] reporterRefs = new String[fresh.size()];
            for (int i = 0; i < fresh.size(); i++) {
                reporterRefs[i] = service.storePaperCaseTexts(tx, fresh.get(i).paper());
            }
            try (PreparedStatement record = tx.prepareStatement("INSERT INTO import_records (unit_id, external_ref,"
                    + " line_hash, submission_id, job_id, imported_at) VALUES (?, ?, ?, ?, ?, now())")) {
                for (int i = 0; i < fresh.size(); i++) {
                    ImportValidator.Valid line = fresh.get(i);
                    try {
                        events[0] += service.appendPaperCase(tx, line.paper(), reporterRefs[i], job.actor);
                    } catch (SubmissionRefused refused) {
                        throw new LineFailure(ImportReport.invalid(line.line(), line.externalRef(),
                                refused.field() == null ? "" : refused.field(), refused.getMessage()));
                    }
                    record.setString(1, line.unitId());
                    record.setString(2, line.externalRef());
                    record.setString(3, line.lineHash());
                    record.setObject(4, line.paper().id());
                    record.setObject(5, job.id);
                    record.executeUpdate();
                    job.imported = i + 1;
                    job.events = events[0];
                    job.eventsPerSecond = rate(events[0], begin);
                    persist(job, false);
                }
            }
            return null;
        });
        job.skipped += skippedMeanwhile[0];
        job.imported = lines.size() - skippedMeanwhile[0];
        job.events = events[0];
        job.eventsPerSecond = rate(events[0], begin);
        setReport(job, report);
    }

    private static Double rate(int events, Instant since) {
        double seconds = Math.max(0.001, Duration.between(since, Instant.now()).toNanos() / 1e9);
        return Math.round(events / seconds * 10) / 10.0;
    }

    private static String key(ImportValidator.Valid line) {
        return line.unitId() + "\u0000" + line.externalRef();
    }

    /** (unit, ref) → {line hash, submission id} of lines imported before, on {@code tx} or a connection of its own. */
    private Map<String, String[]> imported(Connection tx, List<ImportValidator.Valid> lines) {
        Map<String, String[]> found = new HashMap<>();
        if (lines.isEmpty()) {
            return found;
        }
        String sql = "SELECT r.unit_id, r.external_ref, r.line_hash, r.submission_id::text FROM import_records r"
                + " JOIN unnest(?::text[], ?::text[]) AS k(unit_id, external_ref)"
                + " ON r.unit_id = k.unit_id AND r.external_ref = k.external_ref";
        try {
            Connection c = tx != null ? tx : dataSource.getConnection();
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setArray(1, c.createArrayOf("text", lines.stream().map(ImportValidator.Valid::unitId).toArray()));
                s.setArray(2, c.createArrayOf("text", lines.stream().map(ImportValidator.Valid::externalRef).toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getString(1) + "\u0000" + rs.getString(2),
                                new String[] {rs.getString(3), rs.getString(4)});
                    }
                }
            } finally {
                if (tx == null) {
                    c.close();
                }
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
        return found;
    }

    private void fail(Job job, String failure, List<ImportReport.Entry> report) {
        job.state = State.FAILED;
        job.failure = failure;
        job.imported = 0;
        job.events = 0;
        job.finishedAt = Instant.now();
        setReport(job, report);
        try {
            persist(job, true);
        } catch (RuntimeException e) {
            LOG.errorf(e, "could not record the failure of import job %s", job.id);
        }
    }

    private static void setReport(Job job, List<ImportReport.Entry> report) {
        List<ImportReport.Entry> sorted = new ArrayList<>(report);
        sorted.sort(Comparator.comparingInt(ImportReport.Entry::line));
        job.truncated = sorted.size() > ImportReport.MAX_ENTRIES;
        job.report = List.copyOf(job.truncated ? sorted.subList(0, ImportReport.MAX_ENTRIES) : sorted);
    }

    /** Writes the counters (at most every 250 ms unless forced), from a connection of its own. */
    private void persist(Job job, boolean force) {
        long now = System.currentTimeMillis();
        if (!force && now - job.persistedAt < PERSIST_EVERY_MILLIS) {
            return;
        }
        job.persistedAt = now;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE import_jobs SET state = ?, lines_validated = ?, lines_invalid = ?, lines_skipped = ?,"
                        + " lines_imported = ?, events_written = ?, events_per_second = ?, failure = ?,"
                        + " report = ?::jsonb, report_truncated = ?, started_at = ?, finished_at = ?,"
                        + " heartbeat_at = now() WHERE id = ?")) {
            s.setString(1, job.state.name());
            s.setInt(2, job.validated);
            s.setInt(3, job.invalid);
            s.setInt(4, job.skipped);
            s.setInt(5, job.imported);
            s.setInt(6, job.events);
            s.setObject(7, job.eventsPerSecond == null ? null : java.math.BigDecimal.valueOf(job.eventsPerSecond));
            s.setString(8, job.failure);
            s.setString(9, json.writeValueAsString(job.report));
            s.setBoolean(10, job.truncated);
            s.setTimestamp(11, job.startedAt == null ? null : Timestamp.from(job.startedAt));
            s.setTimestamp(12, job.finishedAt == null ? null : Timestamp.from(job.finishedAt));
            s.setObject(13, job.id);
            s.executeUpdate();
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Tells other instances this instance's queued and running jobs are alive. */
    private void touch() {
        if (live.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE import_jobs SET heartbeat_at = now() WHERE id = ANY (?)")) {
            s.setArray(1, c.createArrayOf("uuid", live.keySet().toArray()));
            s.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("import heartbeat failed: %s", e.getMessage());
        }
    }
}
