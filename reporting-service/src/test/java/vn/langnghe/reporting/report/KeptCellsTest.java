package vn.langnghe.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.langnghe.contracts.ContractJson;
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
import vn.langnghe.contracts.reference.UnitTree;
import vn.langnghe.eventsourcing.consumer.ConsumedEvent;
import vn.langnghe.eventsourcing.consumer.EventHandler;
import vn.langnghe.eventsourcing.store.Transactions;
import vn.langnghe.intake.domain.clock.LegalClock;
import vn.langnghe.intake.domain.clock.LegalDates;
import vn.langnghe.reporting.projection.Projections;
import vn.langnghe.reporting.projection.intake.IntakeProjection;
import vn.langnghe.reporting.report.IntakeReports.Counts;
import vn.langnghe.testsupport.quarkus.PostgresKafkaResource;
import vn.langnghe.testsupport.quarkus.PrismContractResource;

/**
 * The report cells the intake projection keeps (ADR 0012) give exactly the counts the old queries over
 * {@code intake_facts} give ({@link FactTableOracle}), for random submission lives (reclassified, moved between
 * units, extended, merged, recorded days late, effective dates out of version order) applied in random batches,
 * and random questions: report unit, period across the 2025 reorganisation of the unit tree, backlog day, and
 * "as recorded at" instants that fall on an event's recorded time, on a midnight in Vietnam or anywhere.
 */
@QuarkusTest
@QuarkusTestResource(PostgresKafkaResource.class)
@QuarkusTestResource(PrismContractResource.class)
class KeptCellsTest {

    private static final int GENERATION = 900_021;
    private static final LocalDate FIRST_DAY = LocalDate.parse("2024-11-01");
    private static final List<String> WARDS = List.of("HP-LECHAN-VINHNIEM", "HP-LECHAN-ANDUONG", "HP-KIENAN-VANDAU",
            "HN-THANHTRI-THANHLIET", "CM-NGOCHIEN-DATMUI", "BL-BACLIEU-NHAMAT");
    private static final List<String> REPORT_UNITS = List.of("BCA", "HP", "HP-LECHAN", "HP-LECHAN-VINHNIEM", "CM",
            "BL");

    @Inject
    DataSource dataSource;

    @Inject
    Projections projections;

    @Inject
    IntakeReports reports;

    @Inject
    UnitTree units;

    @Inject
    LegalClock clock;

    @Test
    void theKeptCells_countWhatTheFactTableCounts_forRandomLivesAndQuestions() throws SQLException {
        Random random = new Random(20261207);
        List<ConsumedEvent> events = new ArrayList<>();
        List<Instant> recordedTimes = new ArrayList<>();
        List<List<ConsumedEvent>> lives = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            lives.add(life(random));
        }
        interleave(lives, events);
        events.forEach(e -> recordedTimes.add(e.time()));
        String schema = createSchema();
        EventHandler handler = projections.handler(IntakeProjection.NAME, GENERATION);
        for (int from = 0; from < events.size(); ) {
            int to = Math.min(events.size(), from + 1 + random.nextInt(60));
            List<ConsumedEvent> batch = events.subList(from, to);
            Transactions.inTransaction(dataSource, tx -> {
                handler.applyAll(tx, batch);
                return null;
            });
            from = to;
        }

        int compared = 0;
        try (Connection c = dataSource.getConnection()) {
            for (int q = 0; q < 250; q++) {
                String unit = REPORT_UNITS.get(random.nextInt(REPORT_UNITS.size()));
                LocalDate from = FIRST_DAY.minusDays(20).plusDays(random.nextInt(240));
                ReportPeriod period = new ReportPeriod(from, from.plusDays(random.nextInt(240)));
                LocalDate backlogAsOf = FIRST_DAY.plusDays(random.nextInt(300) - 10);
                Instant asRecordedAt = switch (q % 5) {
                    case 0, 4 -> null; // everything recorded: monthly cells and folded open cells
                    case 1 -> recordedTimes.get(random.nextInt(recordedTimes.size()));
                    case 2 -> FIRST_DAY.plusDays(random.nextInt(300)).atStartOfDay(LegalDates.VIETNAM).toInstant();
                    default -> FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant()
                            .plusSeconds(random.nextLong(300L * 86_400));
                };
                UnitScope scope = UnitScope.of(units, unit, period.from(), period.to());
                UnitScope backlogScope = UnitScope.of(units, unit, backlogAsOf, backlogAsOf);

                Counts expected = FactTableOracle.counts(c, schema, scope, backlogScope, period, backlogAsOf,
                        asRecordedAt, clock.rules().atRiskFraction());
                Counts kept = reports.counts(c, schema, scope, backlogScope, period, backlogAsOf, asRecordedAt);

                String question = unit + " " + period + " backlog " + backlogAsOf + " as recorded at " + asRecordedAt;
                assertThat(kept.cube().cells).as(question).isEqualTo(expected.cube().cells);
                assertThat(kept.recordedAfter()).as(question).isEqualTo(expected.recordedAfter());
                if (!expected.cube().cells.isEmpty()) {
                    compared++;
                }
            }
        }
        assertThat(compared).as("questions with something to count").isGreaterThan(100);
    }

    /** One submission's events, with recorded times that never go back and effective days that sometimes do. */
    private static List<ConsumedEvent> life(Random random) {
        UUID id = UUID.randomUUID();
        String code = String.format("KEPT-%04d-%04d", random.nextInt(10_000), random.nextInt(10_000));
        SubmissionKind kind = SubmissionKind.values()[random.nextInt(SubmissionKind.values().length)];
        String ward = WARDS.get(random.nextInt(WARDS.size()));
        Channel channel = Channel.values()[random.nextInt(Channel.values().length)];
        Instant[] day = {FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant()
                .plusSeconds(random.nextLong(200L * 86_400))};
        List<ContractEvent> life = new ArrayList<>();
        life.add(new SubmissionReceived(id, code, kind, channel, ward, false, null, null, null, "THEFT", day[0]));
        int steps = random.nextInt(7);
        boolean concluded = false;
        for (int s = 0; s < steps; s++) {
            day[0] = day[0].plusSeconds(random.nextInt(3) == 0 ? -random.nextLong(10L * 86_400)
                    : random.nextLong(30L * 86_400));
            switch (random.nextInt(8)) {
                case 0, 1 -> {
                    kind = SubmissionKind.values()[random.nextInt(SubmissionKind.values().length)];
                    ward = random.nextInt(3) == 0 ? WARDS.get(random.nextInt(WARDS.size())) : ward;
                    life.add(new SubmissionClassified(id, kind, "THEFT", List.of(), ward, "Tóm tắt",
                            random.nextBoolean(), Track.STANDARD, day[0]));
                }
                case 2 -> life.add(new SubmissionAccepted(id, random.nextBoolean(), day[0]));
                case 3 -> life.add(new DeadlineExtended(id, "COMPLEX", "Vụ việc phức tạp", day[0]));
                case 4 -> life.add(new VerificationStarted(id, day[0]));
                case 5 -> life.add(new TipRatedValuable(id, day[0]));
                case 6 -> life.add(new ReporterIdentityErased(id, "vault-ref", day[0]));
                default -> {
                    if (!concluded) {
                        life.add(new SubmissionConcluded(id, Conclusion.FOUNDED, day[0]));
                        concluded = true;
                    }
                }
            }
        }
        Instant end = day[0].plusSeconds(random.nextLong(40L * 86_400));
        switch (random.nextInt(7)) {
            case 0 -> life.add(new SubmissionAnswered(id, code, kind, ward, null, end, Conclusion.FOUNDED, "Đã trả lời"));
            case 1 -> life.add(new SubmissionTransferred(id, code, kind, ward, null, end, "Viện kiểm sát", "Chuyển"));
            case 2 -> life.add(new SubmissionNotAccepted(id, code, kind, ward, null, end,
                    NotAcceptedReason.OUT_OF_COMPETENCE, null));
            case 3 -> life.add(new SubmissionMerged(id, code, kind, ward, null, end, UUID.randomUUID()));
            case 4 -> life.add(new SubmissionWithdrawn(id, code, kind, ward, null, end));
            default -> { } // still open
        }
        List<ConsumedEvent> stream = new ArrayList<>();
        Instant recorded = Instant.MIN;
        for (ContractEvent event : life) {
            Instant effective = effectiveAt(event);
            Instant earliest = effective.plusSeconds(60 + random.nextInt(3_600))
                    .plus(random.nextInt(5) == 0 ? Duration.ofDays(random.nextInt(20)) : Duration.ZERO);
            recorded = earliest.isAfter(recorded) ? earliest : recorded.plusSeconds(1 + random.nextInt(600));
            stream.add(new ConsumedEvent(UUID.randomUUID().toString(), event.contractType(), "/intake-service",
                    "submission-" + id, stream.size() + 1, recorded, effective, json(event)));
        }
        return stream;
    }

    /** Streams taken in turn, as a poll of several partitions mixes them; each stream stays in version order. */
    private static void interleave(List<List<ConsumedEvent>> streams, List<ConsumedEvent> into) {
        int total = streams.stream().mapToInt(List::size).sum();
        for (int i = 0; into.size() < total; i++) {
            for (List<ConsumedEvent> stream : streams) {
                if (i < stream.size()) {
                    into.add(stream.get(i));
                }
            }
        }
    }

    private String createSchema() {
        String schema = Projections.schema(IntakeProjection.NAME, GENERATION);
        Transactions.inTransaction(dataSource, tx -> {
            Projections.createSchema(tx, projections.get(IntakeProjection.NAME), schema);
            return null;
        });
        return schema;
    }

    @AfterEach
    void dropSchema() {
        Transactions.inTransaction(dataSource, tx -> {
            try (Statement ddl = tx.createStatement()) {
                ddl.execute("DROP SCHEMA IF EXISTS " + Projections.schema(IntakeProjection.NAME, GENERATION)
                        + " CASCADE");
            }
            return null;
        });
    }

    private static Instant effectiveAt(ContractEvent event) {
        try {
            return Instant.parse(ContractJson.mapper().readTree(json(event)).get("effectiveAt").asText());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(ContractEvent event) {
        try {
            return ContractJson.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
