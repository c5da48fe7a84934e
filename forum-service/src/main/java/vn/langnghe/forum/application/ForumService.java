package vn.langnghe.forum.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.UUID;
import vn.langnghe.contracts.events.EscalationOutcome;
import vn.langnghe.contracts.events.SubmissionOutcome;
import vn.langnghe.contracts.reference.TopicTaxonomy;
import vn.langnghe.contracts.reference.UnitTree;
import vn.langnghe.eventsourcing.command.AggregateStore;
import vn.langnghe.eventsourcing.command.CommandOutcome;
import vn.langnghe.eventsourcing.store.ConcurrencyConflict;
import vn.langnghe.eventsourcing.store.EventContext;
import vn.langnghe.eventsourcing.store.EventStore;
import vn.langnghe.eventsourcing.store.ExpectedVersion;
import vn.langnghe.eventsourcing.store.RecordedEvent;
import vn.langnghe.eventsourcing.store.Transactions;
import vn.langnghe.forum.domain.forum.Forum;
import vn.langnghe.forum.domain.forum.ForumCommand;
import vn.langnghe.forum.domain.forum.ForumDecider;
import vn.langnghe.forum.domain.forum.ForumEvent;
import vn.langnghe.forum.domain.forum.ForumRefused;
import vn.langnghe.forum.eventstore.ForumEventCodec;
import vn.langnghe.personal.Access;
import vn.langnghe.personal.EncryptedCaseTexts;
import vn.langnghe.personal.EncryptedIdentityVault;
import vn.langnghe.personal.Readout;

/**
 * Handles forum commands: load the stream, decide with today's date in Vietnam, append, and write the read
 * model (and, for a recorded opinion, the speaker's identity and own words, encrypted) in the same transaction:
 * the store's command transaction, shared with concurrent commands when group commit is on (ADR 0009).
 *
 * <p>The forum's own chain (open, close, publish minutes) runs with the caller's expected version (If-Match).
 * Commands about one opinion are additive: they queue on the forum's stream lock and are decided on the
 * latest state, so one organiser never fails because another recorded first; the decider still refuses
 * real conflicts (answering twice, recording into a closed forum).
 */
@ApplicationScoped
public class ForumService {

    /** The kind under which an opinion's own words are stored, the opinion being the "case". */
    public static final String OPINION_TEXT = "OPINION_TEXT";
    private static final int ADDITIVE_ATTEMPTS = 5;

    private final EventStore store;
    private final Clock clock;
    private final TopicTaxonomy topics;
    private final UnitTree units;
    private final ForumRows rows;
    private final EncryptedIdentityVault vault;
    private final EncryptedCaseTexts texts;
    private final RequestFingerprint fingerprint;
    private final ForumEventCodec codec = new ForumEventCodec();

    ForumService(EventStore store, Clock clock, TopicTaxonomy topics, UnitTree units, ForumRows rows,
            EncryptedIdentityVault vault, EncryptedCaseTexts texts, RequestFingerprint fingerprint) {
        this.store = store;
        this.clock = clock;
        this.topics = topics;
        this.units = units;
        this.rows = rows;
        this.vault = vault;
        this.texts = texts;
        this.fingerprint = fingerprint;
    }

    public LocalDate today() {
        return ForumEventCodec.on(clock.instant());
    }

    /** The outcome of a create-like command: the row, and whether it replayed an earlier identical request. */
    public record Result<T>(T row, boolean replay) {}

    /** Schedules a forum under the client's id; the same schedule again is a replay, another one refused. */
    public Result<ForumRow> schedule(ForumCommand.Schedule command, String actor) {
        CommandOutcome<Forum, ForumEvent> outcome = aggregates().handle(ForumEventCodec.streamId(command.forumId()),
                command, ExpectedVersion.any(), context(command.effectiveOn(), actor), this::writeRows);
        return new Result<>(rows.forum(command.forumId()).orElseThrow(), outcome.events().isEmpty());
    }

    /**
     * Runs a command on an existing forum. With an expected version (If-Match) a stale caller gets a conflict;
     * without one ({@code null}) the command is additive.
     */
    public CommandOutcome<Forum, ForumEvent> execute(UUID forumId, ForumCommand command, ExpectedVersion expected,
            String actor) {
        String stream = ForumEventCodec.streamId(forumId);
        EventContext context = context(command.effectiveOn(), actor);
        return expected == null
                ? aggregates().handleAdditive(stream, command, context, this::writeRows)
                : aggregates().handle(stream, command, expected, context, this::writeRows);
    }

    /**
     * Records an opinion (additive). A retry with the same content (speaker and own words included) returns the
     * recorded opinion; other content under the same id is refused, in this forum or any other.
     */
    public Result<OpinionRow> recordOpinion(UUID forumId, NewOpinion o, String actor) {
        String stream = ForumEventCodec.streamId(forumId);
        String print = fingerprint.of(o);
        ConcurrencyConflict last = null;
        for (int attempt = 0; attempt < ADDITIVE_ATTEMPTS; attempt++) {
            try {
                return store.commandTransactions().inTransaction(tx -> {
                    store.lockStream(tx, stream); // recorders of one forum queue up: a twin retry sees the first
                    Optional<OpinionRow> existing = rows.opinion(tx, o.opinionId());
                    if (existing.isPresent()) {
                        if (existing.get().forumId().equals(forumId) && existing.get().requestFingerprint().equals(print)) {
                            return new Result<>(existing.get(), true);
                        }
                        throw ForumRefused.because("OPINION_ID_CONFLICT", "opinion " + o.opinionId()
                                + " was already recorded with other content");
                    }
                    String speakerRef = o.speaker() == null ? null
                            : vault.store(tx, EncryptedIdentityVault.newPersonId(), o.opinionId().toString(), o.speaker());
                    ForumCommand.RecordOpinion command = new ForumCommand.RecordOpinion(o.opinionId(), o.speakerGroup(),
                            speakerRef, o.topic(), o.tags(), o.nature(), o.publicSummary(), o.effectiveOn());
                    aggregates().handle(tx, stream, command, ExpectedVersion.any(), context(o.effectiveOn(), actor),
                            (t, events, state, appended) -> {
                                if (o.text() != null) {
                                    texts.write(t, o.opinionId(), OPINION_TEXT, o.text());
                                }
                                rows.upsert(t, state, events, appended, Map.of(o.opinionId(), print));
                            });
                    return new Result<>(rows.opinion(tx, o.opinionId()).orElseThrow(), false);
                });
            } catch (ConcurrencyConflict conflict) {
                last = conflict; // an If-Match command slipped in between: decide again on what it wrote
            }
        }
        throw last;
    }

    /**
     * Records how intake's submission for an escalated opinion ended, inside the consumer's transaction.
     * A redelivery decides nothing; an opinion this service does not know is refused.
     */
    public void recordOutcome(Connection tx, SubmissionOutcome outcome, String actor) throws SQLException {
        UUID opinionId = outcome.originatingOpinionId();
        OpinionRow opinion = rows.opinion(tx, opinionId).orElseThrow(() -> ForumRefused.because(
                "OPINION_NOT_FOUND", "no opinion " + opinionId + " was escalated from a forum of this service"));
        ForumCommand.RecordEscalationOutcome command = new ForumCommand.RecordEscalationOutcome(opinionId,
                EscalationOutcome.of(outcome), outcome.submissionId(), ForumEventCodec.on(outcome.effectiveAt()));
        aggregates().handle(tx, ForumEventCodec.streamId(opinion.forumId()), command, ExpectedVersion.any(),
                EventContext.at(outcome.effectiveAt(), actor), this::writeRows);
    }

    /** The forum's state and version, folded from its events; {@link Forum#NONE} at version 0 if unknown. */
    public AggregateStore.Loaded<Forum> load(UUID forumId) {
        return aggregates().load(ForumEventCodec.streamId(forumId));
    }

    /** The stored events of the forum after a version, in version order (the live feed's source). */
    public java.util.List<RecordedEvent> eventsAfter(UUID forumId, long afterVersion, int limit) {
        return Transactions.inTransaction(store.dataSource(), tx -> {
            try (var select = tx.prepareStatement("SELECT version, event_type, data::text, effective_at, recorded_at"
                    + " FROM events WHERE stream_id = ? AND version > ? ORDER BY version LIMIT ?")) {
                select.setString(1, ForumEventCodec.streamId(forumId));
                select.setLong(2, afterVersion);
                select.setInt(3, limit);
                java.util.List<RecordedEvent> events = new java.util.ArrayList<>();
                try (var rs = select.executeQuery()) {
                    while (rs.next()) {
                        events.add(new RecordedEvent(0, ForumEventCodec.streamId(forumId), ForumEventCodec.STREAM_TYPE,
                                rs.getLong(1), null, rs.getString(2), rs.getString(3),
                                rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), null, null, null));
                    }
                }
                return events;
            }
        });
    }

    /** The speaker's own words, decrypted; the read is audited. Empty when none were recorded. */
    public Optional<String> opinionText(UUID opinionId, Access access) {
        Readout<SortedMap<String, String>> read = texts.read(opinionId, access.onCase(opinionId));
        return read instanceof Readout.Found<SortedMap<String, String>> found
                ? Optional.ofNullable(found.value().get(OPINION_TEXT)) : Optional.empty();
    }

    private void writeRows(Connection tx, java.util.List<ForumEvent> events, Forum state,
            vn.langnghe.eventsourcing.store.AppendResult appended) throws SQLException {
        rows.upsert(tx, state, events, appended, Map.of());
    }

    private AggregateStore<ForumCommand, Forum, ForumEvent> aggregates() {
        return new AggregateStore<>(store, ForumEventCodec.STREAM_TYPE, new ForumDecider(today(), topics, units), codec);
    }

    /** Live input takes effect now; minutes keyed in later take effect at the start of their date. */
    private EventContext context(LocalDate effectiveOn, String actor) {
        Instant now = clock.instant();
        Instant effective = effectiveOn == null || effectiveOn.equals(ForumEventCodec.on(now))
                ? now : ForumEventCodec.at(effectiveOn);
        return EventContext.at(effective, actor);
    }
}
