package vn.langnghe.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.langnghe.contracts.events.Channel;
import vn.langnghe.contracts.events.Conclusion;
import vn.langnghe.contracts.events.ContractEvent;
import vn.langnghe.contracts.events.DeadlineExtended;
import vn.langnghe.contracts.events.NotAcceptedReason;
import vn.langnghe.contracts.events.ReporterIdentityErased;
import vn.langnghe.contracts.events.SubmissionAccepted;
import vn.langnghe.contracts.events.SubmissionAnswered;
import vn.langnghe.contracts.events.SubmissionClassified;
import vn.langnghe.contracts.events.SubmissionConcluded;
import vn.langnghe.contracts.events.SubmissionKind;
import vn.langnghe.contracts.events.SubmissionMerged;
import vn.langnghe.contracts.events.SubmissionNotAccepted;
import vn.langnghe.contracts.events.SubmissionReceived;
import vn.langnghe.contracts.events.SubmissionTransferred;
import vn.langnghe.contracts.events.SubmissionWithdrawn;
import vn.langnghe.contracts.events.TipRatedValuable;
import vn.langnghe.contracts.events.Track;
import vn.langnghe.contracts.events.VerificationStarted;
import vn.langnghe.eventsourcing.consumer.ConsumedEvent;
import vn.langnghe.eventsourcing.consumer.EventHandler;
import vn.langnghe.eventsourcing.store.Transactions;
import vn.langnghe.reporting.projection.Projections;
import vn.langnghe.reporting.projection.flow.EventFlowProjection;
import vn.langnghe.reporting.projection.intake.IntakeProjection;
import vn.langnghe.testsupport.quarkus.PostgresKafkaResource;
import vn.langnghe.testsupport.quarkus.PrismContractResource;

/**
 * A projection's batch path gives the rows of its per-event path: the same submission lives (several events of
 * one submission in one batch, streams interleaved) applied one event per transaction, in batches of seven and
 * in one batch, into three generations of their own, have equal digests.
 */
@QuarkusTest
@QuarkusTestResource(PostgresKafkaResource.class)
@QuarkusTestResource(PrismContractResource.class)
class BatchApplyTest {

    /** Generations of their own, far above any a rebuild makes, dropped after each test. */
    private static final int ONE_BY_ONE = 900_001;
    private static final int BY_SEVEN = 900_002;
    private static final int ALL_AT_ONCE = 900_003;

    @Inject
    DataSource dataSource;

    @Inject
    Projections projections;

    @Test
    void intake_batchesAndSingleEvents_giveTheSameRows() {
        List<ConsumedEvent> events = interleaved(submissionLives(24));

        assertSameRows(IntakeProjection.NAME, events);
        assertThat(Feed.count(dataSource, "SELECT count(*) FROM " + Projections.schema("intake", ALL_AT_ONCE)
                + ".intake_facts")).isEqualTo(events.size());
        assertThat(Feed.count(dataSource, "SELECT count(*) FROM " + Projections.schema("intake", ALL_AT_ONCE)
                + ".intake_submissions WHERE status <> 'OPEN'")).as("lives that ended").isPositive();
    }

    @Test
    void eventFlow_batchesAndSingleEvents_giveTheSameRows() {
        List<ConsumedEvent> events = interleaved(submissionLives(24));

        assertSameRows(EventFlowProjection.NAME, events);
        assertThat(Feed.count(dataSource, "SELECT sum(events) FROM " + Projections.schema("flow", ALL_AT_ONCE)
                + ".event_flow_daily")).isEqualTo(events.size());
    }

    private void assertSameRows(String name, List<ConsumedEvent> events) {
        for (int generation : List.of(ONE_BY_ONE, BY_SEVEN, ALL_AT_ONCE)) {
            createSchema(name, generation);
        }
        for (ConsumedEvent event : events) {
            apply(name, ONE_BY_ONE, List.of(event));
        }
        for (int from = 0; from < events.size(); from += 7) {
            apply(name, BY_SEVEN, events.subList(from, Math.min(events.size(), from + 7)));
        }
        apply(name, ALL_AT_ONCE, events);

        String oneByOne = projections.digest(name, ONE_BY_ONE);
        assertThat(projections.digest(name, BY_SEVEN)).as("batches of seven").isEqualTo(oneByOne);
        assertThat(projections.digest(name, ALL_AT_ONCE)).as("one batch").isEqualTo(oneByOne);
    }

    private void apply(String name, int generation, List<ConsumedEvent> batch) {
        EventHandler handler = projections.handler(name, generation);
        Transactions.inTransaction(dataSource, tx -> {
            if (batch.size() == 1) {
                handler.apply(tx, batch.getFirst());
            } else {
                handler.applyAll(tx, batch);
            }
            return null;
        });
    }

    private void createSchema(String name, int generation) {
        Transactions.inTransaction(dataSource, tx -> {
            Projections.createSchema(tx, projections.get(name), Projections.schema(name, generation));
            return null;
        });
    }

    @AfterEach
    void dropSchemas() {
        Transactions.inTransaction(dataSource, tx -> {
            try (Statement ddl = tx.createStatement()) {
                for (String name : List.of(IntakeProjection.NAME, EventFlowProjection.NAME)) {
                    for (int generation : List.of(ONE_BY_ONE, BY_SEVEN, ALL_AT_ONCE)) {
                        ddl.execute("DROP SCHEMA IF EXISTS " + Projections.schema(name, generation) + " CASCADE");
                    }
                }
            }
            return null;
        });
    }

    /** Each stream's events in version order, streams taken in turn: as a poll of several partitions mixes them. */
    private static List<ConsumedEvent> interleaved(List<List<ConsumedEvent>> streams) {
        List<ConsumedEvent> all = new ArrayList<>();
        for (int i = 0; all.size() < streams.stream().mapToInt(List::size).sum(); i++) {
            for (List<ConsumedEvent> stream : streams) {
                if (i < stream.size()) {
                    all.add(stream.get(i));
                }
            }
        }
        return all;
    }

    /** Submission lives of every shape the projection knows: reclassified, extended, concluded, each outcome. */
    private static List<List<ConsumedEvent>> submissionLives(int count) {
        SubmissionKind[] kinds = {SubmissionKind.COMPLAINT, SubmissionKind.PETITION, SubmissionKind.TIP,
            SubmissionKind.DENUNCIATION};
        String ward = "HP-LECHAN-VINHNIEM";
        List<List<ConsumedEvent>> lives = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            SubmissionKind kind = kinds[i % kinds.length];
            String code = Feed.trackingCode();
            Instant day = Feed.at("2023-02-01").plusSeconds(86_400L * (i % 11));
            List<ContractEvent> life = new ArrayList<>();
            life.add(new SubmissionReceived(id, code, kind, Channel.RECEPTION_DESK, ward, true, "vault-ref-" + id, null,
                    null, "THEFT", day));
            life.add(new SubmissionClassified(id, i % 5 == 0 ? SubmissionKind.DENUNCIATION : kind, "THEFT", List.of(),
                    ward, "Tóm tắt số " + i, i % 3 == 0, Track.STANDARD, day.plusSeconds(3_600)));
            life.add(new SubmissionAccepted(id, i % 2 == 0, day.plusSeconds(86_400)));
            if (i % 4 == 1) {
                life.add(new DeadlineExtended(id, "COMPLEX", "Vụ việc phức tạp", day.plusSeconds(2 * 86_400)));
            }
            life.add(new VerificationStarted(id, day.plusSeconds(3 * 86_400)));
            if (i % 6 == 2) {
                life.add(new ReporterIdentityErased(id, "vault-ref-" + id, day.plusSeconds(4 * 86_400)));
            }
            if (kind == SubmissionKind.TIP) {
                life.add(new TipRatedValuable(id, day.plusSeconds(5 * 86_400)));
            }
            if (i % 7 != 6) {
                life.add(new SubmissionConcluded(id, Conclusion.values()[i % Conclusion.values().length],
                        day.plusSeconds((20 + i) * 86_400L)));
            }
            Instant end = day.plusSeconds((40 + i) * 86_400L);
            switch (i % 6) {
                case 0, 1 -> life.add(new SubmissionAnswered(id, code, kind, ward, null, end, Conclusion.FOUNDED,
                        "Đã trả lời"));
                case 2 -> life.add(new SubmissionTransferred(id, code, kind, ward, null, end, "Viện kiểm sát",
                        "Không thuộc thẩm quyền"));
                case 3 -> life.add(new SubmissionNotAccepted(id, code, kind, ward, null, end,
                        NotAcceptedReason.OUT_OF_COMPETENCE, null));
                case 4 -> life.add(new SubmissionMerged(id, code, kind, ward, null, end, UUID.randomUUID()));
                default -> { } // still open, or withdrawn below
            }
            if (i % 12 == 11) {
                life.add(new SubmissionWithdrawn(id, code, kind, ward, null, end));
            }
            List<ConsumedEvent> stream = new ArrayList<>();
            for (ContractEvent event : life) {
                Instant effective = effectiveAt(event);
                stream.add(new ConsumedEvent(UUID.randomUUID().toString(), event.contractType(), "/intake-service",
                        "submission-" + id, stream.size() + 1, effective.plusSeconds(300), effective, json(event)));
            }
            lives.add(stream);
        }
        return lives;
    }

    private static Instant effectiveAt(ContractEvent event) {
        return Instant.parse(Feed.JSON.valueToTree(event).get("effectiveAt").asText());
    }

    private static String json(ContractEvent event) {
        try {
            return Feed.JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
