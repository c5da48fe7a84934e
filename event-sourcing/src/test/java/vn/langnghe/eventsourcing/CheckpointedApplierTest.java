package vn.langnghe.eventsourcing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.langnghe.eventsourcing.consumer.ApplyOutcome;
import vn.langnghe.eventsourcing.consumer.CheckpointedApplier;
import vn.langnghe.eventsourcing.consumer.ConsumedEvent;

class CheckpointedApplierTest {

    private static AgroalDataSource dataSource;
    private static CheckpointedApplier applier;

    @BeforeAll
    static void database() {
        dataSource = TestInfra.freshDatabase();
        Effects.createTable(dataSource);
        applier = new CheckpointedApplier(dataSource, "test-consumer", Effects.COUNTING);
    }

    @AfterAll
    static void close() {
        dataSource.close();
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

    @Test
    void givenAnAppliedEvent_whenItIsDeliveredAgain_thenNothingChanges() {
        assertThat(applier.apply(event("dup", 1))).isEqualTo(ApplyOutcome.APPLIED);
        assertThat(applier.apply(event("dup", 1))).isEqualTo(ApplyOutcome.DUPLICATE);

        assertThat(times("dup", 1)).isEqualTo(1);
    }

    @Test
    void givenAGap_whenALaterVersionArrivesFirst_thenItWaitsAndIsAppliedInOrderOnceTheGapFills() {
        assertThat(applier.apply(event("gap", 1))).isEqualTo(ApplyOutcome.APPLIED);
        assertThat(applier.apply(event("gap", 3))).isEqualTo(ApplyOutcome.PARKED);
        assertThat(applier.apply(event("gap", 4))).isEqualTo(ApplyOutcome.PARKED);
        assertThat(times("gap", 3)).isZero();

        assertThat(applier.apply(event("gap", 2))).isEqualTo(ApplyOutcome.APPLIED);

        assertThat(Effects.query(dataSource, "SELECT count(*) FROM effects WHERE stream_id = 'gap'")).isEqualTo(4);
        assertThat(Effects.query(dataSource, "SELECT count(*) FROM effects e1 JOIN effects e2 ON e1.stream_id ="
                + " e2.stream_id AND e1.version < e2.version AND e1.applied_order > e2.applied_order"
                + " WHERE e1.stream_id = 'gap'")).as("pairs applied out of version order").isZero();
        assertThat(applier.apply(event("gap", 3))).isEqualTo(ApplyOutcome.DUPLICATE);
        assertThat(applier.parkedCount()).isZero();
    }

    @Test
    void givenAHandlerThatFails_whenApplying_thenNeitherTheEffectNorTheCheckpointIsKept() {
        CheckpointedApplier failing = new CheckpointedApplier(dataSource, "test-consumer", (tx, e) -> {
            Effects.COUNTING.apply(tx, e);
            throw new IllegalStateException("disk full");
        });

        assertThatThrownBy(() -> failing.apply(event("fail", 1))).hasMessageContaining("disk full");

        assertThat(times("fail", 1)).isZero();
        assertThat(applier.apply(event("fail", 1))).isEqualTo(ApplyOutcome.APPLIED);
    }

    @Test
    void checkpointsBelongToOneConsumer_soAnotherConsumerAppliesTheSameEventToo() {
        CheckpointedApplier other = new CheckpointedApplier(dataSource, "other-consumer", Effects.COUNTING);

        assertThat(applier.apply(event("shared", 1))).isEqualTo(ApplyOutcome.APPLIED);
        assertThat(other.apply(event("shared", 1))).isEqualTo(ApplyOutcome.APPLIED);
        assertThat(times("shared", 1)).isEqualTo(2);
    }
}
