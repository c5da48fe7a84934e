package vn.langnghe.bench.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuAccountingTest {

    @Test
    void postgresSessionsAreGroupedByDatabaseAndTheRestIsBackground() {
        assertThat(CpuAccounting.groupOfTitle("postgres: langnghe intake 127.0.0.1(45678) idle"))
                .isEqualTo(CpuAccounting.postgresSessions("intake"));
        assertThat(CpuAccounting.groupOfTitle("postgres: langnghe reporting 127.0.0.1(1) INSERT"))
                .isEqualTo(CpuAccounting.postgresSessions("reporting"));
        assertThat(CpuAccounting.groupOfTitle("postgres: walwriter ")).isEqualTo(CpuAccounting.PG_BACKGROUND);
        assertThat(CpuAccounting.groupOfTitle("postgres: autovacuum worker reporting"))
                .isEqualTo(CpuAccounting.PG_BACKGROUND);
        assertThat(CpuAccounting.groupOfTitle("/usr/lib/postgresql/15/bin/postgres -D /tmp/data "))
                .isEqualTo(CpuAccounting.PG_BACKGROUND);
        assertThat(CpuAccounting.groupOfTitle("/usr/bin/java -jar quarkus-run.jar")).isEqualTo(CpuAccounting.OTHER);
    }

    @Test
    void differencesAreTakenPerProcessAndSummedPerGroupLargestFirst() {
        CpuAccounting.Snapshot before = new CpuAccounting.Snapshot(Map.of(
                1L, new CpuAccounting.Sample("a", 10), 2L, new CpuAccounting.Sample("b", 5)), 0);
        CpuAccounting.Snapshot after = new CpuAccounting.Snapshot(Map.of(
                1L, new CpuAccounting.Sample("a", 11), 2L, new CpuAccounting.Sample("b", 8),
                3L, new CpuAccounting.Sample("a", 0.5)), 2_000_000_000L);

        CpuAccounting.Use use = CpuAccounting.between(before, after);

        assertThat(use.cpuSeconds()).containsExactly(Map.entry("b", 3.0), Map.entry("a", 1.5));
        assertThat(use.wallSeconds()).isEqualTo(2.0);
    }

    @Test
    void aBusyThreadOfThisJvmIsCountedAsTheLoadGenerator() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "Linux /proc");
        CpuAccounting accounting = new CpuAccounting();
        CpuAccounting.Snapshot before = accounting.take();
        long end = System.nanoTime() + 300_000_000L;
        long spins = 0;
        while (System.nanoTime() < end) {
            spins++;
        }

        CpuAccounting.Use use = accounting.since(before);

        assertThat(spins).isPositive();
        assertThat(use.cpuSeconds().get(CpuAccounting.LOAD_GENERATOR)).isGreaterThanOrEqualTo(0.1);
        assertThat(use.wallSeconds()).isGreaterThanOrEqualTo(0.3);
    }
}
