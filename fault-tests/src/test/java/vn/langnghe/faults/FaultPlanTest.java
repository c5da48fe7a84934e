package vn.langnghe.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FaultPlanTest {

    @Test
    void theSameSeed_givesTheSameOrderAndDurations() {
        assertThat(FaultPlan.generate(42, 60, FaultPlan.Timing.FULL))
                .isEqualTo(FaultPlan.generate(42, 60, FaultPlan.Timing.FULL));
    }

    @Test
    void anotherSeed_givesAnotherOrder() {
        assertThat(FaultPlan.generate(42, 60, FaultPlan.Timing.FULL).faults())
                .isNotEqualTo(FaultPlan.generate(43, 60, FaultPlan.Timing.FULL).faults());
    }

    @Test
    void everyKindOccurs_whenThereAreAtLeastAsManyFaultsAsKinds() {
        for (long seed = 0; seed < 200; seed++) {
            FaultPlan plan = FaultPlan.generate(seed, FaultKind.values().length, FaultPlan.Timing.SHORT);
            assertThat(plan.countsByKind().values()).as("seed %d", seed).allMatch(n -> n == 1);
        }
        assertThat(FaultPlan.generate(7, 60, FaultPlan.Timing.FULL).countsByKind().values()).allMatch(n -> n >= 1);
    }

    @Test
    void durationsStayWithinTheirRanges_andFaultsAreNumberedInOrder() {
        FaultPlan plan = FaultPlan.generate(5, 100, FaultPlan.Timing.SHORT);
        assertThat(plan.faults()).hasSize(100);
        for (int i = 0; i < plan.faults().size(); i++) {
            FaultPlan.Fault fault = plan.faults().get(i);
            assertThat(fault.number()).isEqualTo(i + 1);
            assertThat(fault.outage().toMillis()).isBetween(1_000L, 3_000L);
            assertThat(fault.calmAfter().toMillis()).isBetween(1_000L, 3_000L);
        }
    }

    @Test
    void noFaults_isRefused() {
        assertThatThrownBy(() -> FaultPlan.generate(1, 0, FaultPlan.Timing.SHORT))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
