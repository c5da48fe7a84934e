package vn.langnghe.intake.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import vn.langnghe.contracts.events.Channel;
import vn.langnghe.contracts.events.OpinionEscalated;
import vn.langnghe.contracts.reference.TopicTaxonomy;
import vn.langnghe.contracts.reference.UnitTree;
import vn.langnghe.eventsourcing.command.AggregateStore;
import vn.langnghe.eventsourcing.command.CommandOutcome;
import vn.langnghe.eventsourcing.store.EventContext;
import vn.langnghe.eventsourcing.store.EventStore;
import vn.langnghe.eventsourcing.store.ExpectedVersion;
import vn.langnghe.eventsourcing.store.RecordedEvent;
import vn.langnghe.eventsourcing.store.SqlErrors;
import vn.langnghe.intake.domain.clock.LegalDates;
import vn.langnghe.intake.domain.submission.Submission;
import vn.langnghe.intake.domain.submission.SubmissionClocks;
import vn.langnghe.intake.domain.submission.SubmissionCommand;
import vn.langnghe.intake.domain.submission.SubmissionDecider;
import vn.langnghe.intake.domain.submission.SubmissionEvent;
import vn.langnghe.intake.eventstore.SubmissionEventCodec;
import vn.langnghe.personal.EncryptedCaseTexts;
import vn.langnghe.personal.EncryptedIdentityVault;

/**
 * Handles submission commands: load the stream, decide with today's legal date, append, and write the
 * read model, the case text and the idempotency key in the same transaction: the store's command
 * transaction, shared with concurrent commands when group commit is on (ADR 0009).
 */
@ApplicationScoped
public class SubmissionService {

    private final EventStore store;
    private final Clock clock;
    private final TopicTaxonomy topics;
    private final UnitTree units;
    private final SubmissionClocks clocks;
    private final SubmissionRows rows;
    private final EncryptedIdentityVault vault;
    private final EncryptedCaseTexts texts;
    private final RequestFingerprint fingerprint;
    private final SubmissionEventCodec codec = new SubmissionEventCodec();

    SubmissionService(EventStore store, Clock clock, TopicTaxonomy topics, UnitTree units, SubmissionClocks clocks,
            SubmissionRows rows, EncryptedIdentityVault vault, EncryptedCaseTexts texts,
            RequestFingerprint fingerprint) {
        this.store = store;
        this.clock = clock;
        this.topics = topics;
        this.units = units;
        this.clocks = clocks;
        this.rows = rows;
        this.vault = vault;
        this.texts = texts;
        this.fingerprint = fingerprint;
    }

    public LocalDate today() {
        return LegalDates.vietnamDate(clock.instant());
    }

    /** The outcome of a submit: the row, and whether it is the replay of an earlier identical request. */
    public record Submitted(SubmissionRow row, boolean replay) {}

    /**
     * Records a new submission. With a client id and an Idempotency-Key, a retry of the same request
     * returns the original submission and another request under the same key is refused.
     */
    public Submitted submit(NewSubmission request, String clientId, String actor, String idempotencyKey,
            String canonicalRequest) {
        String hash = fingerprint.of(canonicalRequest);
        // A partner's keys are scoped to its client, an officer's to the officer.
        String keyScope = clientId != null ? clientId : "user:" + actor;
        UUID id = UUID.randomUUID();
        AtomicReference<SubmissionRow> stored = new AtomicReference<>();
        try {
            store.commandTransactions().inTransaction(tx -> {
                if (idempotencyKey != null) {
                    // A retry, or a concurrent twin, fails here on the key's uniqueness and is answered below
                    // with what was stored under the key: no read before every new submission for the rare retry.
                    rememberKey(tx, keyScope, idempotencyKey, hash, id);
                }
                // One key per person: a reporter is a new person (nothing de-duplicates people by name).
                String reporterRef = request.reporter() == null ? null
                        : vault.store(tx, EncryptedIdentityVault.newPersonId(), id.toString(), request.reporter());
                SubmissionCommand.Receive receive = new SubmissionCommand.Receive(id, TrackingCodes.next(),
                        request.kind(), request.channel(), request.unitId(), reporterRef, clientId,
                        request.originatingOpinionId(), request.topic(),
                        request.receivedOn() == null ? today() : request.receivedOn());
                aggregates().handle(tx, SubmissionEventCodec.streamId(id), receive, ExpectedVersion.noStream(),
                        context(receive.effectiveOn(), actor), (t, events, state, appended) -> {
                            if (request.description() != null) {
                                texts.write(t, id, CaseTextKind.DESCRIPTION.name(), request.description());
                            }
                            stored.set(rows.upsert(t, state, appended, clocks));
                        });
                return null;
            });
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof SQLException sql && "23505".equals(sql.getSQLState()) && idempotencyKey != null) {
                return replay(keyScope, idempotencyKey, hash).orElseThrow(() -> e);
            }
            throw e;
        }
        return new Submitted(stored.get(), false);
    }

    /**
     * Runs a lifecycle command with the caller's expected version (If-Match). {@code caseText}, when
     * given, is the findings or the answer letter, stored encrypted-to-be beside the events.
     */
    public CommandOutcome<Submission, SubmissionEvent> execute(UUID id, SubmissionCommand command,
            ExpectedVersion expected, String actor, CaseTextKind caseTextKind, String caseText) {
        return store.commandTransactions().inTransaction(tx -> execute(tx, id, command, expected, actor,
                caseTextKind, caseText));
    }

    CommandOutcome<Submission, SubmissionEvent> execute(Connection tx, UUID id, SubmissionCommand command,
            ExpectedVersion expected, String actor, CaseTextKind caseTextKind, String caseText) throws SQLException {
        return aggregates().handle(tx, SubmissionEventCodec.streamId(id), command, expected,
                context(command.effectiveOn(), actor), (t, events, state, appended) -> {
                    if (caseText != null) {
                        texts.write(t, id, caseTextKind.name(), caseText);
                    }
                    rows.upsert(t, state, appended, clocks);
                });
    }

    /**
     * Opens a submission for an opinion escalated at a forum, inside the consumer's transaction:
     * received (channel FORUM, identified when the speaker left an identity reference) and classified
     * with the organiser's topic and public summary. Idempotent on the opinion id.
     */
    public void openFromEscalation(Connection tx, OpinionEscalated escalation, String actor) throws SQLException {
        if (rows.byOpinion(tx, escalation.opinionId()).isPresent()) {
            return; // already opened: a replay of the same escalation
        }
        UUID id = UUID.nameUUIDFromBytes(("opinion:" + escalation.opinionId()).getBytes(StandardCharsets.UTF_8));
        LocalDate on = LegalDates.vietnamDate(escalation.effectiveAt());
        SubmissionCommand.Receive receive = new SubmissionCommand.Receive(id, TrackingCodes.next(),
                escalation.kindRequested(), Channel.FORUM, escalation.unitId(), escalation.speakerIdentityRef(), null,
                escalation.opinionId(), escalation.topic(), on);
        String stream = SubmissionEventCodec.streamId(id);
        AggregateStore<SubmissionCommand, Submission, SubmissionEvent> aggregates = aggregates();
        aggregates.handle(tx, stream, receive, ExpectedVersion.noStream(), context(on, actor),
                (t, events, state, appended) -> rows.upsert(t, state, appended, clocks));
        SubmissionCommand.Classify classify = new SubmissionCommand.Classify(escalation.kindRequested(),
                escalation.topic(), escalation.tags(), escalation.unitId(), escalation.publicSummary(), on);
        aggregates.handle(tx, stream, classify, ExpectedVersion.exactly(1), context(on, actor),
                (t, events, state, appended) -> rows.upsert(t, state, appended, clocks));
    }

    /**
     * A case keyed in from a paper or spreadsheet register: its receipt ({@code received}, whose
     * {@code receivedOn} is the paper date) and every later step it reached, each with its own date.
     */
    public record PaperCase(UUID id, NewSubmission received, List<PaperStep> steps) {}

    /** One later step of a paper case; {@code text} (findings, answer letter) is case text, may be null. */
    public record PaperStep(SubmissionCommand command, CaseTextKind textKind, String text) {}

    /**
     * First half of recording a paper case, inside the caller's transaction: the reporter's identity
     * into the vault and the case texts under the case key. Appends nothing (so it takes no append lock);
     * returns the reporter's vault reference, null for an anonymous case.
     */
    public String storePaperCaseTexts(Connection tx, PaperCase paper) throws SQLException {
        NewSubmission request = paper.received();
        String reporterRef = request.reporter() == null ? null
                : vault.store(tx, EncryptedIdentityVault.newPersonId(), paper.id().toString(), request.reporter());
        if (request.description() != null) {
            texts.write(tx, paper.id(), CaseTextKind.DESCRIPTION.name(), request.description());
        }
        for (PaperStep step : paper.steps()) {
            if (step.text() != null) {
                texts.write(tx, paper.id(), step.textKind().name(), step.text());
            }
        }
        return reporterRef;
    }

    /**
     * Second half, in the same transaction: the receipt and each step through the same decider, events
     * and read model as live input. Each event takes effect on its paper date and is recorded now.
     *
     * @return the number of events appended
     */
    public int appendPaperCase(Connection tx, PaperCase paper, String reporterRef, String actor)
            throws SQLException {
        NewSubmission request = paper.received();
        SubmissionCommand.Receive receive = new SubmissionCommand.Receive(paper.id(), TrackingCodes.next(),
                request.kind(), request.channel(), request.unitId(), reporterRef, null, null, request.topic(),
                request.receivedOn());
        AggregateStore<SubmissionCommand, Submission, SubmissionEvent> aggregates = aggregates();
        String stream = SubmissionEventCodec.streamId(paper.id());
        CommandOutcome<Submission, SubmissionEvent> outcome = aggregates.handle(tx, stream, receive,
                ExpectedVersion.noStream(), context(receive.effectiveOn(), actor),
                (t, events, state, appended) -> rows.upsert(t, state, appended, clocks));
        int events = outcome.events().size();
        for (PaperStep step : paper.steps()) {
            outcome = aggregates.handle(tx, stream, step.command(), ExpectedVersion.exactly(outcome.version()),
                    context(step.command().effectiveOn(), actor),
                    (t, appendedEvents, state, appended) -> rows.upsert(t, state, appended, clocks));
            events += outcome.events().size();
        }
        return events;
    }

    /** What an erasure does besides its event, in the same transaction: destroy the person's key. */
    @FunctionalInterface
    public interface Shredder {
        void shred(Connection tx, String reporterRef) throws SQLException;
    }

    void eraseReporter(UUID id, SubmissionCommand.EraseReporter command, String actor, Shredder shredder) {
        store.commandTransactions().inTransaction(tx -> aggregates().handle(tx, SubmissionEventCodec.streamId(id),
                command, ExpectedVersion.any(), context(command.effectiveOn(), actor), (t, events, state, appended) -> {
                    shredder.shred(t, state.reporterRef());
                    rows.upsert(t, state, appended, clocks);
                }));
    }

    /** The full history: every event with when it took effect and when and by whom it was recorded. */
    public List<RecordedEvent> history(UUID id) {
        return store.readStream(SubmissionEventCodec.streamId(id));
    }

    public Submission load(UUID id) {
        return aggregates().load(SubmissionEventCodec.streamId(id)).state();
    }

    private AggregateStore<SubmissionCommand, Submission, SubmissionEvent> aggregates() {
        SubmissionDecider decider = new SubmissionDecider(today(), topics, units, clocks.extensionPolicy());
        return new AggregateStore<>(store, SubmissionEventCodec.STREAM_TYPE, decider, codec);
    }

    /** Live input takes effect now; a paper record keyed in later takes effect at the start of its date. */
    private EventContext context(LocalDate effectiveOn, String actor) {
        Instant now = clock.instant();
        Instant effective = effectiveOn == null || effectiveOn.equals(LegalDates.vietnamDate(now))
                ? now : effectiveOn.atStartOfDay(LegalDates.VIETNAM).toInstant();
        return EventContext.at(effective, actor);
    }

    private Optional<Submitted> replay(String clientId, String key, String hash) {
        if (key == null) {
            return Optional.empty();
        }
        try (Connection c = store.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("SELECT request_hash, submission_id FROM idempotency_keys"
                        + " WHERE client_id = ? AND idempotency_key = ?")) {
            s.setString(1, clientId);
            s.setString(2, key);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                if (!rs.getString(1).equals(hash)) {
                    throw new IdempotencyConflict();
                }
                return Optional.of(new Submitted(rows.byId(rs.getObject(2, UUID.class)).orElseThrow(), true));
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }

    private static void rememberKey(Connection tx, String clientId, String key, String hash, UUID id)
            throws SQLException {
        try (PreparedStatement insert = tx.prepareStatement("INSERT INTO idempotency_keys (client_id, idempotency_key,"
                + " request_hash, submission_id, created_at) VALUES (?, ?, ?, ?, now())")) {
            insert.setString(1, clientId);
            insert.setString(2, key);
            insert.setString(3, hash);
            insert.setObject(4, id);
            insert.executeUpdate();
        }
    }

}
