package vn.langnghe.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRank_ofOneToHundred_isTheValueAtThatRank() {
        long[] samples = LongStream.rangeClosed(1, 100).map(i -> 101 - i).toArray(); // unsorted on purpose
        assertThat(Percentiles.of(samples, 50)).isEqualTo(50);
        assertThat(Percentiles.of(samples, 99)).isEqualTo(99);
        assertThat(Percentiles.of(samples, 99.9)).isEqualTo(100);
        assertThat(Percentiles.of(samples, 100)).isEqualTo(100);
        assertThat(Percentiles.of(samples, 1)).isEqualTo(1);
    }

    @Test
    void p99_ofAThousand_isTheTenthLargest_soOneSlowRequestInAHundredShows() {
        long[] samples = new long[1000];
        for (int i = 0; i < 1000; i++) {
            samples[i] = i < 989 ? 5 : 500; // 11 slow ones
        }
        assertThat(Percentiles.of(samples, 99)).isEqualTo(500);
        samples[989] = 5; // 10 slow ones: rank 990 is now fast
        assertThat(Percentiles.of(samples, 99)).isEqualTo(5);
    }

    @Test
    void doesNotReorderTheCallersSamples() {
        long[] samples = {3, 1, 2};
        Percentiles.of(samples, 50);
        assertThat(samples).containsExactly(3, 1, 2);
    }

    @Test
    void median_ofOddAndEvenCounts() {
        assertThat(Percentiles.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(Percentiles.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
        assertThat(Percentiles.median(List.of(7.0))).isEqualTo(7.0);
    }

    @Test
    void refusesNoSamplesAndPercentilesOutOfRange() {
        assertThatThrownBy(() -> Percentiles.of(new long[0], 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.of(new long[] {1}, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.of(new long[] {1}, 100.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.median(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
