package vn.langnghe.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FigureTest {

    @Test
    void aRatioTargetIsJudgedOnValueOverRaw() {
        Figure intake = new Figure("intake", "req/s", Direction.HIGHER_IS_BETTER, 1700, 3, "raw.pg_append", 2000.0,
                0.8, true, "");
        assertThat(intake.ratio()).isEqualTo(0.85);
        assertThat(intake.met()).isTrue();
        Figure slow = new Figure("intake", "req/s", Direction.HIGHER_IS_BETTER, 1500, 3, "raw.pg_append", 2000.0,
                0.8, true, "");
        assertThat(slow.met()).isFalse();
    }

    @Test
    void aLimitTargetIsJudgedOnTheValue_andNoTargetIsNeitherMetNorMissed() {
        assertThat(new Figure("p99", "ms", Direction.LOWER_IS_BETTER, 50, 3, null, null, 50.0, false, "").met())
                .isTrue();
        assertThat(new Figure("p99", "ms", Direction.LOWER_IS_BETTER, 50.1, 3, null, null, 50.0, false, "").met())
                .isFalse();
        assertThat(new Figure("p50", "ms", Direction.LOWER_IS_BETTER, 5, 3, null, null, null, false, "").met())
                .isNull();
    }

    @Test
    void measurementsTakeTheMedianOfRounds_andTheSmallestOfSeveralRawLimits() {
        Measurements m = new Measurements(Catalogue.all(java.util.List.of("intake-service")));
        m.add(Catalogue.PG_BATCH_UPSERT, 90_000);
        m.add(Catalogue.KAFKA_CONSUME, 400_000);
        for (double rate : new double[] {40_000, 10_000, 50_000}) {
            m.add(Catalogue.REBUILD, rate);
        }
        Figure rebuild = m.figures().stream().filter(f -> f.name().equals(Catalogue.REBUILD)).findFirst().orElseThrow();
        assertThat(rebuild.value()).isEqualTo(40_000);
        assertThat(rebuild.rawName()).isEqualTo(Catalogue.PG_BATCH_UPSERT);
        assertThat(rebuild.ratio()).isCloseTo(0.444, org.assertj.core.data.Offset.offset(0.001));
        assertThat(rebuild.met()).isFalse();
        assertThat(m.missing()).contains(Catalogue.INTAKE_MAX).doesNotContain(Catalogue.REBUILD);
    }
}
