package vn.langnghe.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegressionCheckTest {

    private static Figure rate(String name, double value) {
        return new Figure(name, "req/s", Direction.HIGHER_IS_BETTER, value, 3, null, null, null, false, "");
    }

    private static Figure latency(String name, double value) {
        return new Figure(name, "ms", Direction.LOWER_IS_BETTER, value, 3, null, null, null, false, "");
    }

    @Test
    void aRateMoreThanTwentyPercentLower_isARegression_twentyExactlyIsNot() {
        Map<String, Double> committed = Map.of("a", 1000.0, "b", 1000.0, "c", 1000.0);
        List<RegressionCheck.Regression> found = RegressionCheck.compare(committed,
                List.of(rate("a", 799), rate("b", 800), rate("c", 5000)), 0.20);
        assertThat(found).extracting(RegressionCheck.Regression::name).containsExactly("a");
        assertThat(found.getFirst().worsening()).isCloseTo(0.201, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aLatencyMoreThanTwentyPercentHigher_isARegression_lowerIsAnImprovement() {
        Map<String, Double> committed = Map.of("p99", 40.0, "p50", 10.0);
        List<RegressionCheck.Regression> found = RegressionCheck.compare(committed,
                List.of(latency("p99", 48.5), latency("p50", 2)), 0.20);
        assertThat(found).extracting(RegressionCheck.Regression::name).containsExactly("p99");
    }

    @Test
    void figuresNotCommittedBefore_areNotCompared() {
        assertThat(RegressionCheck.compare(Map.of(), List.of(rate("new", 1)), 0.20)).isEmpty();
    }
}
