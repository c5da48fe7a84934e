package vn.langnghe.bench.infra;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DurabilityCheckTest {

    @Test
    void fsyncOff_refusesToRun() {
        assertThatThrownBy(() -> BenchServers.refuseWithoutDurability(Map.of("fsync", "off",
                "synchronous_commit", "on"))).isInstanceOf(BenchServers.RefusedToRun.class)
                .hasMessageContaining("fsync = off");
    }

    @Test
    void synchronousCommitOff_refusesToRun() {
        assertThatThrownBy(() -> BenchServers.refuseWithoutDurability(Map.of("fsync", "on",
                "synchronous_commit", "off"))).isInstanceOf(BenchServers.RefusedToRun.class)
                .hasMessageContaining("synchronous_commit = off");
    }

    @Test
    void bothOn_runs_andSoDoesAnotherDurableSynchronousCommitLevel() {
        assertThatCode(() -> BenchServers.refuseWithoutDurability(Map.of("fsync", "on", "synchronous_commit", "on")))
                .doesNotThrowAnyException();
        assertThatCode(() -> BenchServers.refuseWithoutDurability(Map.of("fsync", "on",
                "synchronous_commit", "remote_apply"))).doesNotThrowAnyException();
    }
}
