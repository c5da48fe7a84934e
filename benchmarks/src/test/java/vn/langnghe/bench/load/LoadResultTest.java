package vn.langnghe.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoadResultTest {

    @Test
    void achievedRateCountsSuccessesUpToTheLastCompletion_andLatencyIgnoresFailures() {
        long s = 1_000_000_000L;
        LoadResult result = new LoadResult(4, 0, new long[] {10_000_000, -1, 30_000_000, 20_000_000},
                new long[] {s / 2, -1, s, 3 * s / 4}, 1);
        assertThat(result.succeeded()).isEqualTo(3);
        assertThat(result.achievedRate()).isEqualTo(3.0);
        assertThat(result.errorFraction()).isEqualTo(0.25);
        assertThat(result.latencyMillis(100)).isEqualTo(30.0);
        assertThat(result.latencyMillis(50)).isEqualTo(20.0);
        assertThat(result.commitTimesSorted()).containsExactly(s / 2, 3 * s / 4, s);
    }
}
