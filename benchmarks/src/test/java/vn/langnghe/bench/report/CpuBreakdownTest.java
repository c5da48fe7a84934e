package vn.langnghe.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.langnghe.bench.infra.CpuAccounting;

class CpuBreakdownTest {

    private static CpuAccounting.Use use(double intake, double postgres, double wallSeconds) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        seconds.put("intake-service", intake);
        seconds.put("PostgreSQL", postgres);
        return new CpuAccounting.Use(seconds, wallSeconds);
    }

    @Test
    void figuresArePerUnitOfWorkWithATotalAndMediansAcrossRounds() {
        CpuBreakdown cpu = new CpuBreakdown();
        cpu.add("intake", "ms of CPU per request", 1e3, use(1.0, 2.0, 2.0), 1000); // 1 ms + 2 ms
        cpu.add("intake", "ms of CPU per request", 1e3, use(3.0, 1.0, 2.0), 1000); // 3 ms + 1 ms
        cpu.add("intake", "ms of CPU per request", 1e3, use(2.0, 1.5, 2.0), 1000); // 2 ms + 1.5 ms

        ObjectNode json = new ObjectMapper().createObjectNode();
        cpu.writeTo(json);

        ObjectNode groups = (ObjectNode) json.path("intake").path("groups");
        assertThat(groups.path("intake-service").path("median").asDouble()).isEqualTo(2.0);
        assertThat(groups.path("PostgreSQL").path("median").asDouble()).isEqualTo(1.5);
        assertThat(groups.path(CpuBreakdown.TOTAL).path("median").asDouble()).isEqualTo(3.5);
        assertThat(groups.path(CpuBreakdown.TOTAL).path("perRound").toString()).isEqualTo("[3.0,4.0,3.5]");
        assertThat(cpu.markdown())
                .contains("### intake (ms of CPU per request)")
                .contains("| all processes | 3.50 | 3.00, 4.00, 3.50 | 100 % |")
                .contains("| intake-service | 2.00 | 1.00, 3.00, 2.00 | 57 % |")
                .contains("Cores busy over the phase")
                .contains("1.50, 2.00, 1.75");
    }

    @Test
    void aPhaseWithoutWorkOrWithoutProcessesIsLeftOut() {
        CpuBreakdown cpu = new CpuBreakdown();
        cpu.add("rebuild", "µs of CPU per event", 1e6, use(1, 1, 1), 0);
        cpu.add("rebuild", "µs of CPU per event", 1e6, new CpuAccounting.Use(Map.of(), 1), 10);

        assertThat(cpu.isEmpty()).isTrue();
    }
}
