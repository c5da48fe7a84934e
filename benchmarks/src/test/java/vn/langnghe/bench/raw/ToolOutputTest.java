package vn.langnghe.bench.raw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The raw tools' own output formats, as pgbench 15 and Kafka 4.1's perf tools print them. */
class ToolOutputTest {

    @Test
    void pgbenchTps_withoutInitialConnectionTime() {
        String out = """
                number of transactions actually processed: 11021
                latency average = 3.627 ms
                initial connection time = 9.473 ms
                tps = 2205.517394 (without initial connection time)
                """;
        assertThat(PgBench.transactionsPerSecond(out)).isEqualTo(2205.517394);
        assertThatThrownBy(() -> PgBench.transactionsPerSecond("pgbench: error")).hasMessageContaining("tps");
    }

    @Test
    void producerPerformance_theFinalSummaryLine() {
        String out = """
                351826 records sent, 70351.1 records/sec (33.55 MB/sec), 5.1 ms avg latency, 180.0 ms max latency.
                1000000 records sent, 74522.690215 records/sec (35.54 MB/sec), 4.87 ms avg latency, 180.00 ms max latency, 3 ms 50th, 11 ms 95th, 25 ms 99th, 60 ms 99.9th.
                """;
        assertThat(KafkaPerf.producedPerSecond(out)).isEqualTo(74522.690215);
    }

    @Test
    void consumerPerformance_fetchRate() {
        String out = """
                start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec
                2026-11-23 15:30:00:000, 2026-11-23 15:30:04:000, 95.3674, 23.8419, 200000, 50000.0000, 3000, 1000, 95.3674, 200000.0000
                """;
        assertThat(KafkaPerf.fetchedPerSecond(out)).isEqualTo(200000.0);
    }

    @Test
    void thePayloadIsAboutFiveHundredBytes() {
        assertThat(PgBench.PAYLOAD.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isBetween(450, 560);
    }
}
