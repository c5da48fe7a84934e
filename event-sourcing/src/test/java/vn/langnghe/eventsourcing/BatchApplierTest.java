package vn.langnghe.eventsourcing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.langnghe.eventsourcing.consumer.ApplyOutcome.APPLIED;
import static vn.langnghe.eventsourcing.consumer.ApplyOutcome.DUPLICATE;
import static vn.langnghe.eventsourcing.consumer.ApplyOutcome.PARKED;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.langnghe.eventsourcing.consumer.ApplyOutcome;
import vn.langnghe.eventsourcing.consumer.CheckpointedApplier;
import vn.langnghe.eventsourcing.consumer.ConsumedEvent;
import vn.langnghe.eventsourcing.consumer.EventHandler;

/** A poll's events applied in one transaction: the same outcomes and effects as one transaction per event. */
class BatchApplierTest {

    private static AgroalDataSource dataSource;

    @BeforeAll
    static void database() {
        dataSource = TestInfra.freshDatabase();
        Effects.createTable(dataSource);
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    /** Counts like {@link Effects#COUNTING} and keeps the batches the handler was given. */
    private static final class Recording implements EventHandler {
        final List<List<String>> batches = new ArrayList<>();

        @Override
        public void apply(Connection tx, ConsumedEvent event) throws SQLException {
            Effects.COUNTING.apply(tx, event);
        }

        @Override
        public void applyAll(Connection tx, List<ConsumedEvent> events) throws SQLException {
            batches.add(events.stream().map(e -> e.streamId() + "@" + e.streamVersion()).toList());
            EventHandler.super.applyAll(tx, events);
        }
    }

    private static String stream(String name) {
        return name + "-" + UUID.randomUUID();
    }

    private static ConsumedEvent event(String stream, long version) {
        Instant now = Instant.parse("2026-11-23T00:00:00Z");
        return new ConsumedEvent("id-" + stream + "-" + version, "test.ThingHappened.v1", "/test", stream, version, now,
                now, "{}");
    }

    private static long times(String stream, long version) {
        return Effects.query(dataSource, "SELECT coalesce(sum(times), 0) FROM effects WHERE stream_id = '" + stream
                + "' AND version = " + version);
    }

    private static long outOfOrderPairs(String stream) {
        return Effects.query(dataSource, "SELECT count(*) FROM effects e1 JOIN effects e2 ON e1.stream_id ="
                + " e2.stream_id AND e1.version < e2.version AND e1.applied_order > e2.applied_order"
                + " WHERE e1.stream_id = '" + stream + "'");
    }

    @Test
    void givenDuplicatesInOneBatchAndAcrossBatches_whenApplied_thenEachVersionTakesEffectOnce() {
        CheckpointedApplier applier = new CheckpointedApplier(dataSource, "batch-dup", Effects.COUNTING);
        String s = stream("dup");

        assertThat(applier.applyAll(List.of(event(s, 1), event(s, 1), event(s, 2), event(s, 1))))
                .containsExactly(APPLIED, DUPLICATE, APPLIED, DUPLICATE);
        assertThat(applier.applyAll(List.of(event(s, 2), event(s, 3), event(s, 3))))
                .containsExactly(DUPLICATE, APPLIED, DUPLICATE);

        assertThat(List.of(times(s, 1), times(s, 2), times(s, 3))).containsExactly(1L, 1L, 1L);
        assertThat(applier.apply(event(s, 3))).isEqualTo(DUPLICATE);
    }

    @Test
    void givenAGapInsideOneBatch_whenItsFillerComesLaterInTheBatch_thenAllApplyInVersionOrderAndNothingStaysParked() {
        CheckpointedApplier applier = new CheckpointedApplier(dataSource, "batch-gap", Effects.COUNTING);
        String s = stream("gap");

        assertThat(applier.applyAll(List.of(event(s, 1), event(s, 4), event(s, 3), event(s, 3), event(s, 2))))
                .containsExactly(APPLIED, PARKED, PARKED, PARKED, APPLIED);

        assertThat(Effects.query(dataSource, "SELECT sum(times) FROM effects WHERE stream_id = '" + s + "'"))
                .isEqualTo(4);
        assertThat(outOfOrderPairs(s)).as("pairs applied out of version order").isZero();
        assertThat(applier.parkedCount()).isZero();
        assertThat(applier.apply(event(s, 4))).isEqualTo(DUPLICATE);
    }

    @Test
    void givenEventsParkedByEarlierBatches_whenALaterBatchFillsTheGap_thenTheyApplyThenAndLeaveTheParkingEmpty() {
        CheckpointedApplier applier = new CheckpointedApplier(dataSource, "batch-parked", Effects.COUNTING);
        String s = stream("parked");

        assertThat(applier.applyAll(List.of(event(s, 3), event(s, 5)))).containsExactly(PARKED, PARKED);
        assertThat(applier.applyAll(List.of(event(s, 3)))).as("redelivered while parked").containsExactly(PARKED);
        assertThat(applier.parkedCount()).isEqualTo(2);
        assertThat(times(s, 3)).isZero();

        assertThat(applier.applyAll(List.of(event(s, 1), event(s, 2), event(s, 3))))
                .containsExactly(APPLIED, APPLIED, DUPLICATE);
        assertThat(applier.parkedCount()).as("5 still waits for 4").isEqualTo(1);
        assertThat(applier.applyAll(List.of(event(s, 4)))).containsExactly(APPLIED);

        assertThat(List.of(times(s, 1), times(s, 2), times(s, 3), times(s, 4), times(s, 5)))
                .containsExactly(1L, 1L, 1L, 1L, 1L);
        assertThat(outOfOrderPairs(s)).isZero();
        assertThat(applier.parkedCount()).isZero();
    }

    @Test
    void givenSeveralStreamsInterleaved_whenApplied_thenTheHandlerGetsOneBatchInApplyOrder() {
        Recording handler = new Recording();
        CheckpointedApplier applier = new CheckpointedApplier(dataSource, "batch-mixed", handler);
        String a = stream("a");
        String b = stream("b");
        String c = stream("c");

        assertThat(applier.applyAll(List.of(event(a, 1), event(b, 1), event(c, 2), event(a, 2), event(b, 1),
                event(c, 1), event(a, 3)))).containsExactly(APPLIED, APPLIED, PARKED, APPLIED, DUPLICATE, APPLIED,
                APPLIED);

        assertThat(handler.batches)
                .containsExactly(List.of(a + "@1", b + "@1", a + "@2", c + "@1", c + "@2", a + "@3"));
        for (String s : List.of(a, b, c)) {
            assertThat(outOfOrderPairs(s)).isZero();
        }
        assertThat(applier.applyAll(List.of(event(a, 3), event(b, 2), event(c, 2))))
                .containsExactly(DUPLICATE, APPLIED, DUPLICATE);
        assertThat(applier.parkedCount()).isZero();
    }

    @Test
    void givenAHandlerThatFailsMidBatch_whenApplying_thenNoEffectNoCheckpointAndNoParkingIsKept_andARetryAppliesOnce() {
        String s = stream("fail");
        String other = stream("fail-other");
        List<ConsumedEvent> batch = List.of(event(s, 1), event(other, 1), event(s, 3), event(s, 2));
        CheckpointedApplier failing = new CheckpointedApplier(dataSource, "batch-fail", (tx, e) -> {
            Effects.COUNTING.apply(tx, e);
            if (e.streamId().equals(other)) {
                throw new IllegalStateException("disk full");
            }
        });

        assertThatThrownBy(() -> failing.applyAll(batch)).hasMessageContaining("disk full");

        assertThat(Effects.query(dataSource, "SELECT count(*) FROM effects WHERE stream_id IN ('" + s + "', '"
                + other + "')")).isZero();
        CheckpointedApplier applier = new CheckpointedApplier(dataSource, "batch-fail", Effects.COUNTING);
        assertThat(applier.parkedCount()).isZero();
        assertThat(applier.applyAll(batch)).containsExactly(APPLIED, APPLIED, PARKED, APPLIED);
        assertThat(List.of(times(s, 1), times(s, 2), times(s, 3), times(other, 1))).containsExactly(1L, 1L, 1L, 1L);
    }

    @Test
    void givenTwoDeliveriesOfAStreamAtOnce_whenBothApply_thenOneTakesEffect_forANewStreamAndAKnownOne()
            throws Exception {
        String fresh = stream("race-new");
        racingDeliveries(event(fresh, 1));
        assertThat(times(fresh, 1)).isEqualTo(1);

        String known = stream("race-known");
        new CheckpointedApplier(dataSource, "batch-race", Effects.COUNTING).applyAll(List.of(event(known, 1)));
        racingDeliveries(event(known, 2));
        assertThat(times(known, 2)).isEqualTo(1);
    }

    /**
     * Applies the event in two transactions at once (two replicas during a rebalance): the first holds its
     * transaction open until the second has started. The second either fails (and would be retried) or sees a
     * duplicate; a retry is a duplicate.
     */
    private static void racingDeliveries(ConsumedEvent event) throws Exception {
        CountDownLatch inFirst = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CheckpointedApplier slow = new CheckpointedApplier(dataSource, "batch-race", (tx, e) -> {
            Effects.COUNTING.apply(tx, e);
            inFirst.countDown();
            try {
                release.await();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        });
        CheckpointedApplier fast = new CheckpointedApplier(dataSource, "batch-race", Effects.COUNTING);
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            Future<List<ApplyOutcome>> first = threads.submit(() -> slow.applyAll(List.of(event)));
            inFirst.await();
            Future<List<ApplyOutcome>> second = threads.submit(() -> fast.applyAll(List.of(event)));
            Thread.sleep(300); // the second reaches the row the first holds
            release.countDown();

            assertThat(first.get()).containsExactly(APPLIED);
            try {
                assertThat(second.get()).containsExactly(DUPLICATE);
            } catch (ExecutionException refused) {
                assertThat(refused.getCause()).hasMessageContaining("consumer_checkpoints");
            }
        }
        assertThat(fast.applyAll(List.of(event))).containsExactly(DUPLICATE);
    }
}
