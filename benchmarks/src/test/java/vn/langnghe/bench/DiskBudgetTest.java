package vn.langnghe.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiskBudgetTest {

    private static final long GB = 1024L * 1024 * 1024;

    @Test
    void plentyOfDisk_keepsTheRequestedCount_withoutAMessage() {
        DiskBudget.Decision decision = new DiskBudget(78 * GB).events(10_000_000);
        assertThat(decision.events()).isEqualTo(10_000_000);
        assertThat(decision.scaledDown()).isFalse();
    }

    @Test
    void shortOfDisk_scalesDownToWhatFitsAboveTheReserve_andSaysSo() {
        long free = DiskBudget.RESERVE_BYTES + 3_000_000L * DiskBudget.BYTES_PER_EVENT;
        DiskBudget.Decision decision = new DiskBudget(free).events(10_000_000);
        assertThat(decision.events()).isEqualTo(3_000_000);
        assertThat(decision.message()).contains("3,000,000").contains("10,000,000");
    }

    @Test
    void belowTheReserve_noSyntheticEventsAtAll() {
        DiskBudget.Decision decision = new DiskBudget(DiskBudget.RESERVE_BYTES / 2).events(10_000_000);
        assertThat(decision.events()).isZero();
        assertThat(decision.message()).contains("skipped");
    }

    @Test
    void optionsNeedAtLeastThreeRounds_andKnowTheirProfiles() {
        assertThat(BenchOptions.parse("--quick").profile()).isEqualTo(Profile.QUICK);
        assertThat(BenchOptions.parse().profile()).isEqualTo(Profile.FULL);
        assertThat(BenchOptions.parse("--rounds=5", "--no-compare").rounds()).isEqualTo(5);
        assertThat(BenchOptions.parse("--no-compare").compare()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BenchOptions.parse("--rounds=2"))
                .hasMessageContaining("at least 3");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BenchOptions.parse("--fast"))
                .hasMessageContaining("unknown option");
    }
}
