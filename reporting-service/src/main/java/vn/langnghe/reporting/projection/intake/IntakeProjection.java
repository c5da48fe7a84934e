package vn.langnghe.reporting.projection.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.langnghe.contracts.ContractJson;
import vn.langnghe.contracts.Topics;
import vn.langnghe.contracts.events.ContractEvent;
import vn.langnghe.contracts.events.DeadlineExtended;
import vn.langnghe.contracts.events.ReporterIdentityErased;
import vn.langnghe.contracts.events.SubmissionAccepted;
import vn.langnghe.contracts.events.SubmissionAnswered;
import vn.langnghe.contracts.events.SubmissionClassified;
import vn.langnghe.contracts.events.SubmissionConcluded;
import vn.langnghe.contracts.events.SubmissionKind;
import vn.langnghe.contracts.events.SubmissionLifecycleEvent;
import vn.langnghe.contracts.events.SubmissionMerged;
import vn.langnghe.contracts.events.SubmissionNotAccepted;
import vn.langnghe.contracts.events.SubmissionOutcome;
import vn.langnghe.contracts.events.SubmissionReceived;
import vn.langnghe.contracts.events.SubmissionTransferred;
import vn.langnghe.contracts.events.SubmissionWithdrawn;
import vn.langnghe.contracts.events.TipRatedValuable;
import vn.langnghe.contracts.events.VerificationStarted;
import vn.langnghe.eventsourcing.consumer.ConsumedEvent;
import vn.langnghe.eventsourcing.consumer.UndecodableEvent;
import vn.langnghe.intake.domain.clock.ClockFacts;
import vn.langnghe.intake.domain.clock.DueDates;
import vn.langnghe.intake.domain.clock.GrantedExtension;
import vn.langnghe.intake.domain.clock.LegalClock;
import vn.langnghe.intake.domain.clock.Timeliness;
import vn.langnghe.reporting.projection.CopyRows;
import vn.langnghe.reporting.projection.Decoding;
import vn.langnghe.reporting.projection.Projection;
import vn.langnghe.reporting.projection.Sql;

/**
 * The intake read model: {@code intake_facts}, an append-only timeline with one row per submission event
 * (its effective date, its recorded time, what it says, and the submission as it stands after it: kind,
 * unit, status, running clock), and {@code intake_submissions}, the current state the handler builds on
 * and search reads, and the report's counts as cells ({@link ReportCells}, written by {@link CellWriter}). No
 * personal data: reporter references and partner ids are dropped on arrival; public
 * summaries of anything ever a denunciation or crime report are never stored.
 */
@ApplicationScoped
public class IntakeProjection implements Projection {

    public static final String NAME = "intake";
    /** Kinds resolved by their verification conclusion; the others by their answer (docs/metrics.md). */
    public static final Set<SubmissionKind> VERIFIED_KINDS =
            EnumSet.of(SubmissionKind.COMPLAINT, SubmissionKind.DENUNCIATION, SubmissionKind.CRIME_REPORT);
    /** Kinds whose content is never searchable. */
    public static final Set<SubmissionKind> SENSITIVE_KINDS =
            EnumSet.of(SubmissionKind.DENUNCIATION, SubmissionKind.CRIME_REPORT);

    private static final Logger LOG = Logger.getLogger(IntakeProjection.class);
    private static final ObjectMapper JSON = ContractJson.mapper();
    private static final TypeReference<List<GrantedExtension>> EXTENSIONS = new TypeReference<>() {};

    private final LegalClock clock;

    IntakeProjection(LegalClock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.INTAKE_SUBMISSION_EVENTS);
    }

    @Override
    public List<String> tables() {
        return List.of("intake_facts", "intake_submissions", "intake_cells", "intake_cell_deltas", "intake_month_cells",
                "intake_open_folded");
    }

    @Override
    public List<String> ddl(String s) {
        return List.of("""
                CREATE TABLE %1$s.intake_facts (
                    submission_id   UUID        NOT NULL,
                    version         BIGINT      NOT NULL,
                    event_type      TEXT        NOT NULL,
                    effective_on    DATE        NOT NULL,
                    recorded_at     TIMESTAMPTZ NOT NULL,
                    kind            TEXT        NOT NULL,
                    channel         TEXT        NOT NULL,
                    unit_id         TEXT        NOT NULL,
                    topic           TEXT,
                    received_on     DATE        NOT NULL,
                    status          TEXT        NOT NULL,
                    clock_start     DATE,
                    next_due        DATE,
                    conclusion      TEXT,
                    outcome         TEXT,
                    merged_into     UUID,
                    reason_code     TEXT,
                    complex         BOOLEAN,
                    resolves        BOOLEAN     NOT NULL,
                    resolution_due  DATE,
                    timeliness      TEXT,
                    PRIMARY KEY (submission_id, version)
                )""".formatted(s),
                "CREATE INDEX ON %s.intake_facts (effective_on, event_type)".formatted(s),
                """
                CREATE TABLE %1$s.intake_submissions (
                    submission_id   UUID        PRIMARY KEY,
                    version         BIGINT      NOT NULL,
                    received_on     DATE        NOT NULL,
                    kind            TEXT        NOT NULL,
                    channel         TEXT        NOT NULL,
                    unit_id         TEXT        NOT NULL,
                    topic           TEXT,
                    accepted_on     DATE,
                    complex         BOOLEAN     NOT NULL,
                    remote_area     BOOLEAN     NOT NULL,
                    sensitive       BOOLEAN     NOT NULL,
                    status          TEXT        NOT NULL,
                    resolved        BOOLEAN     NOT NULL,
                    extensions      JSONB       NOT NULL,
                    public_summary  TEXT,
                    summary_fold    TEXT
                )""".formatted(s),
                "CREATE INDEX ON %s.intake_submissions USING gin (summary_fold gin_trgm_ops)".formatted(s),
                // report cells (ADR 0012): sums by the Vietnamese day the deltas were recorded, and each delta itself;
                // byte-order collation, as the reports group by these columns and sort faster without locale rules
                """
                CREATE TABLE %1$s.intake_cells (
                    day             DATE        NOT NULL,
                    figure          TEXT        COLLATE "C" NOT NULL,
                    unit_id         TEXT        COLLATE "C" NOT NULL,
                    kind            TEXT        COLLATE "C" NOT NULL,
                    channel         TEXT        COLLATE "C" NOT NULL,
                    recorded_on     DATE        NOT NULL,
                    clock_start     DATE,
                    next_due        DATE,
                    n               BIGINT      NOT NULL,
                    UNIQUE NULLS NOT DISTINCT (figure, day, unit_id, kind, channel, recorded_on, clock_start,
                        next_due)
                )""".formatted(s),
                """
                CREATE TABLE %1$s.intake_cell_deltas (
                    recorded_at     TIMESTAMPTZ NOT NULL,
                    day             DATE        NOT NULL,
                    figure          TEXT        COLLATE "C" NOT NULL,
                    unit_id         TEXT        COLLATE "C" NOT NULL,
                    kind            TEXT        COLLATE "C" NOT NULL,
                    channel         TEXT        COLLATE "C" NOT NULL,
                    clock_start     DATE,
                    next_due        DATE,
                    n               BIGINT      NOT NULL
                )""".formatted(s),
                // covering, so an instant's own day reads its deltas from the index's pages in recording order
                // rather than one heap page per delta when events arrive out of order (a replay, a backfill);
                // one for the period figures and one for the open cells, as each report query reads only its own
                """
                CREATE INDEX ON %s.intake_cell_deltas (recorded_at)
                    INCLUDE (day, figure, unit_id, kind, channel, n) WHERE figure <> 'open'""".formatted(s),
                """
                CREATE INDEX ON %s.intake_cell_deltas (recorded_at)
                    INCLUDE (day, unit_id, kind, channel, clock_start, next_due, n)
                    WHERE figure = 'open'""".formatted(s),
                // the open cells dated before a month and not folded by then: due in it or later; with the day of
                // recording, so that a past instant skips in the index the cells recorded after it
                "CREATE INDEX ON %s.intake_cells (next_due, day, recorded_on) WHERE figure = 'open'".formatted(s),
                // what the instant's month recorded before the instant's day
                "CREATE INDEX ON %s.intake_cells (recorded_on)".formatted(s),
                // the period figures by month, the open cells folded by month; both by month of recording
                """
                CREATE TABLE %1$s.intake_month_cells (
                    month           DATE        NOT NULL,
                    figure          TEXT        COLLATE "C" NOT NULL,
                    unit_id         TEXT        COLLATE "C" NOT NULL,
                    kind            TEXT        COLLATE "C" NOT NULL,
                    channel         TEXT        COLLATE "C" NOT NULL,
                    recorded_month  DATE        NOT NULL,
                    n               BIGINT      NOT NULL,
                    UNIQUE (figure, month, unit_id, kind, channel, recorded_month)
                )""".formatted(s),
                """
                CREATE TABLE %1$s.intake_open_folded (
                    from_month      DATE        NOT NULL,
                    unit_id         TEXT        COLLATE "C" NOT NULL,
                    kind            TEXT        COLLATE "C" NOT NULL,
                    channel         TEXT        COLLATE "C" NOT NULL,
                    recorded_month  DATE        NOT NULL,
                    n               BIGINT      NOT NULL,
                    overdue_n       BIGINT      NOT NULL,
                    UNIQUE (from_month, unit_id, kind, channel, recorded_month)
                )""".formatted(s));
    }

    /** The submission as the handler knows it, before the event. */
    static final class State {
        UUID id;
        LocalDate receivedOn;
        SubmissionKind kind;
        String channel;
        String unitId;
        String topic;
        LocalDate acceptedOn;
        boolean complex;
        boolean remoteArea;
        boolean sensitive;
        String status;
        boolean resolved;
        List<GrantedExtension> extensions = new ArrayList<>();
        String publicSummary;
    }

    /** What one event says, beyond the state. */
    static final class Fact {
        String conclusion;
        String outcome;
        UUID mergedInto;
        String reasonCode;
        Boolean complex;
        boolean resolves;
        LocalDate resolutionDue;
        String timeliness;
    }

    @Override
    public void apply(Connection tx, String schema, ConsumedEvent event) throws SQLException {
        applyAll(tx, schema, List.of(event));
    }

    /**
     * The batch's submissions are loaded with one query and the events applied to them in memory, in order (a
     * submission may have several events in a batch); then every fact row goes in one COPY, the report cells
     * ({@link CellWriter}) follow, and each submission's final state goes in one JDBC batch. One event alone takes
     * the same path, so both give the same rows.
     */
    @Override
    public void applyAll(Connection tx, String schema, List<ConsumedEvent> events) throws SQLException {
        List<ContractEvent> decoded = new ArrayList<>(events.size());
        List<UUID> ids = new ArrayList<>(events.size());
        for (ConsumedEvent event : events) {
            ContractEvent contract = Decoding.decode(event);
            decoded.add(contract);
            ids.add(submissionId(event, contract));
        }
        Map<UUID, State> states = load(tx, schema, ids);
        CellWriter cells = CellWriter.loading(tx, schema, states.keySet());
        Map<UUID, Long> changed = new LinkedHashMap<>(); // submission → version of its last event in the batch
        CopyRows facts = new CopyRows();
        for (int i = 0; i < events.size(); i++) {
            UUID id = ids.get(i);
            Evolved evolved = evolve(states.get(id), events.get(i), decoded.get(i), id, facts);
            states.put(id, evolved.state());
            cells.add(id, evolved.fact(), Decoding.recordedAt(events.get(i)));
            changed.put(id, events.get(i).streamVersion());
        }
        facts.copyInto(tx, schema + FACT_COLUMNS);
        cells.write(tx, schema);
        try (PreparedStatement save = tx.prepareStatement(UPSERT_SUBMISSION.formatted(schema))) {
            for (Map.Entry<UUID, Long> submission : changed.entrySet()) {
                bindSubmission(save, states.get(submission.getKey()), submission.getValue());
                save.addBatch();
            }
            save.executeBatch();
        }
    }

    private static UUID submissionId(ConsumedEvent event, ContractEvent decoded) {
        return switch (decoded) {
            case SubmissionLifecycleEvent e -> e.submissionId();
            case SubmissionOutcome e -> e.submissionId();
            default -> throw new UndecodableEvent(event.type() + " does not belong on "
                    + Topics.INTAKE_SUBMISSION_EVENTS);
        };
    }

    /** The submission after an event, and the event's fact as the report cells read it. */
    private record Evolved(State state, ReportCells.Fact fact) {}

    /**
     * The submission after the event ({@code state} is null before its first event, and is changed in place),
     * with the event's fact row added to {@code facts}.
     */
    private Evolved evolve(State state, ConsumedEvent event, ContractEvent decoded, UUID submissionId,
            CopyRows facts) {
        LocalDate on = Decoding.day(effectiveAt(decoded));
        if (state == null && !(decoded instanceof SubmissionReceived)) {
            throw new UndecodableEvent("submission " + submissionId + " starts with " + event.type()
                    + ", not with " + SubmissionReceived.TYPE);
        }
        Fact fact = new Fact();
        String factUnit;
        switch (decoded) {
            case SubmissionReceived r -> {
                if (state != null) {
                    throw new UndecodableEvent("submission " + submissionId + " was already received");
                }
                state = new State();
                state.id = submissionId;
                state.receivedOn = on;
                state.kind = r.kind();
                state.channel = r.channel().name();
                state.unitId = r.unitId();
                state.topic = r.declaredTopic();
                state.sensitive = SENSITIVE_KINDS.contains(r.kind());
                state.status = Status.OPEN;
                factUnit = r.unitId();
            }
            case SubmissionClassified c -> {
                state.kind = c.kind();
                state.topic = c.topic();
                state.unitId = c.unitId();
                state.remoteArea = c.remoteArea();
                state.sensitive |= SENSITIVE_KINDS.contains(c.kind());
                state.publicSummary = Decoding.nfc(c.publicSummary());
                factUnit = c.unitId();
            }
            case SubmissionAccepted a -> {
                state.acceptedOn = on;
                state.complex = a.complex();
                fact.complex = a.complex();
                factUnit = state.unitId;
            }
            case VerificationStarted v -> factUnit = state.unitId;
            case SubmissionConcluded c -> {
                fact.conclusion = c.conclusion().name();
                if (VERIFIED_KINDS.contains(state.kind) && !state.resolved) {
                    resolve(state, fact, on);
                    state.status = Status.RESOLVED;
                }
                factUnit = state.unitId;
            }
            case DeadlineExtended d -> {
                state.extensions.add(new GrantedExtension(d.reasonCode(), on));
                fact.reasonCode = d.reasonCode();
                factUnit = state.unitId;
            }
            case TipRatedValuable t -> factUnit = state.unitId;
            case ReporterIdentityErased erased -> factUnit = state.unitId; // the reference is never kept
            case SubmissionOutcome o -> {
                state.kind = o.kind();
                state.sensitive |= SENSITIVE_KINDS.contains(o.kind());
                state.unitId = o.unitId();
                fact.outcome = outcomeName(o);
                if (o instanceof SubmissionAnswered answered) {
                    fact.conclusion = answered.conclusion() == null ? null : answered.conclusion().name();
                    if (!state.resolved) {
                        resolve(state, fact, on);
                    }
                }
                if (o instanceof SubmissionMerged merged) {
                    fact.mergedInto = merged.mergedIntoSubmissionId();
                }
                state.status = Status.CLOSED;
                factUnit = o.unitId();
            }
            default -> throw new UndecodableEvent(event.type() + " is not an intake submission event");
        }
        if (state.sensitive) {
            state.publicSummary = null;
        }
        // The row is bound now: the state may change again with the submission's next event in this batch.
        LocalDate[] running = runningClock(state);
        facts.row(state.id, event.streamVersion(), event.type(), on, Decoding.recordedAt(event), state.kind.name(),
                state.channel, factUnit, state.topic, state.receivedOn, state.status, running[0], running[1],
                fact.conclusion, fact.outcome, fact.mergedInto, fact.reasonCode, fact.complex, fact.resolves,
                fact.resolutionDue, fact.timeliness);
        return new Evolved(state, new ReportCells.Fact(event.streamVersion(), event.type(), on, factUnit,
                state.kind.name(), state.channel, state.status, running[0], running[1], fact.resolves,
                fact.timeliness, fact.outcome));
    }

    /** The resolution fact: due date from the facts known before it, and how the resolution day compares. */
    private void resolve(State state, Fact fact, LocalDate on) {
        state.resolved = true;
        fact.resolves = true;
        fact.resolutionDue = dueDates(state).flatMap(DueDates::resolutionDue).orElse(null);
        fact.timeliness = fact.resolutionDue == null ? null : Timeliness.of(fact.resolutionDue, on).name();
    }

    /** [clock start, due] of the running clock while open, as intake's inbox shows it; nulls otherwise. */
    private LocalDate[] runningClock(State state) {
        if (!Status.OPEN.equals(state.status)) {
            return new LocalDate[] {null, null};
        }
        return dueDates(state).map(due -> {
            if (due.resolutionDue().isPresent()) {
                return new LocalDate[] {state.acceptedOn != null ? state.acceptedOn : state.receivedOn,
                    due.resolutionDue().get()};
            }
            return due.acceptanceDue().map(d -> new LocalDate[] {state.receivedOn, d})
                    .orElse(new LocalDate[] {null, null});
        }).orElse(new LocalDate[] {null, null});
    }

    private java.util.Optional<DueDates> dueDates(State state) {
        try {
            return java.util.Optional.of(clock.dueDates(state.kind, new ClockFacts(state.receivedOn, state.acceptedOn,
                    state.unitId, state.remoteArea, state.complex, state.extensions)));
        } catch (IllegalArgumentException e) {
            // a date outside the loaded calendars, or facts the rules cannot place: no deadline to measure by
            LOG.debugf("no due dates for submission %s: %s", state.id, e.getMessage());
            return java.util.Optional.empty();
        }
    }

    private static java.time.Instant effectiveAt(ContractEvent e) {
        return switch (e) {
            case SubmissionLifecycleEvent l -> l.effectiveAt();
            case SubmissionOutcome o -> o.effectiveAt();
            default -> throw new IllegalStateException();
        };
    }

    static String outcomeName(SubmissionOutcome o) {
        return switch (o) {
            case SubmissionAnswered a -> "ANSWERED";
            case SubmissionTransferred t -> "TRANSFERRED";
            case SubmissionNotAccepted n -> "NOT_ACCEPTED";
            case SubmissionWithdrawn w -> "WITHDRAWN";
            case SubmissionMerged m -> "MERGED";
        };
    }

    private static final String FACT_COLUMNS = ".intake_facts (submission_id, version, event_type, effective_on,"
            + " recorded_at, kind, channel, unit_id, topic, received_on, status, clock_start, next_due, conclusion,"
            + " outcome, merged_into, reason_code, complex, resolves, resolution_due, timeliness)";

    /** The stored submissions among {@code ids}, by id (those not received yet are absent). */
    private static Map<UUID, State> load(Connection tx, String schema, List<UUID> ids) throws SQLException {
        Map<UUID, State> states = new HashMap<>();
        try (PreparedStatement s = tx.prepareStatement("SELECT * FROM " + schema + ".intake_submissions"
                + " WHERE submission_id = ANY(?)")) {
            s.setArray(1, tx.createArrayOf("uuid", new LinkedHashSet<>(ids).toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    State state = read(rs);
                    states.put(state.id, state);
                }
            }
        }
        return states;
    }

    private static State read(ResultSet rs) throws SQLException {
        State state = new State();
        state.id = Sql.uuid(rs, "submission_id");
        state.receivedOn = Sql.date(rs, "received_on");
        state.kind = SubmissionKind.valueOf(rs.getString("kind"));
        state.channel = rs.getString("channel");
        state.unitId = rs.getString("unit_id");
        state.topic = rs.getString("topic");
        state.acceptedOn = Sql.date(rs, "accepted_on");
        state.complex = rs.getBoolean("complex");
        state.remoteArea = rs.getBoolean("remote_area");
        state.sensitive = rs.getBoolean("sensitive");
        state.status = rs.getString("status");
        state.resolved = rs.getBoolean("resolved");
        try {
            state.extensions = new ArrayList<>(JSON.readValue(rs.getString("extensions"), EXTENSIONS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored extensions of " + state.id + " are unreadable", e);
        }
        state.publicSummary = rs.getString("public_summary");
        return state;
    }

    private static final String UPSERT_SUBMISSION = "INSERT INTO %s.intake_submissions (submission_id, version,"
            + " received_on, kind, channel, unit_id, topic, accepted_on, complex, remote_area, sensitive, status,"
            + " resolved, extensions, public_summary, summary_fold)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, public.fold_vi(?))"
            + " ON CONFLICT (submission_id) DO UPDATE SET version = excluded.version,"
            + " received_on = excluded.received_on, kind = excluded.kind, channel = excluded.channel,"
            + " unit_id = excluded.unit_id, topic = excluded.topic, accepted_on = excluded.accepted_on,"
            + " complex = excluded.complex, remote_area = excluded.remote_area, sensitive = excluded.sensitive,"
            + " status = excluded.status, resolved = excluded.resolved, extensions = excluded.extensions,"
            + " public_summary = excluded.public_summary, summary_fold = excluded.summary_fold";

    private static void bindSubmission(PreparedStatement s, State state, long version) throws SQLException {
        int i = 0;
        s.setObject(++i, state.id);
        s.setLong(++i, version);
        Sql.date(s, ++i, state.receivedOn);
        s.setString(++i, state.kind.name());
        s.setString(++i, state.channel);
        s.setString(++i, state.unitId);
        Sql.text(s, ++i, state.topic);
        Sql.date(s, ++i, state.acceptedOn);
        s.setBoolean(++i, state.complex);
        s.setBoolean(++i, state.remoteArea);
        s.setBoolean(++i, state.sensitive);
        s.setString(++i, state.status);
        s.setBoolean(++i, state.resolved);
        try {
            s.setString(++i, JSON.writeValueAsString(state.extensions));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Sql.text(s, ++i, state.publicSummary);
        Sql.text(s, ++i, state.publicSummary);
    }

    /** A submission's status in the read model. */
    public static final class Status {
        /** Neither resolved nor closed: in the backlog. */
        public static final String OPEN = "OPEN";
        /** Resolved (concluded), the outcome (answer) still to come. */
        public static final String RESOLVED = "RESOLVED";
        /** An outcome ended it. */
        public static final String CLOSED = "CLOSED";

        private Status() {}
    }
}
