package vn.langnghe.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, the short version that runs in {@code verify} (every kind of fault once, under three minutes with
 * start-up): steady load on intake-service and forum-service through their public APIs while Kafka is killed,
 * PostgreSQL stopped immediately and each service killed, in a seeded random order; then every check of
 * docs/fault-injection.md must hold. The pom passes {@code langnghe.faults.count}, {@code .seed}, {@code .profile},
 * {@code .root.dir} and {@code .results.dir}; {@code ./langnghe faults} runs the full version outside Maven.
 */
class FaultInjectionIT {

    @Test
    void underSteadyLoad_seededFaults_loseNothing_duplicateNothing_andEveryServiceComesBackByItself()
            throws Exception {
        FaultRun.Options options = new FaultRun.Options(
                Long.getLong("langnghe.faults.seed", FaultRun.Options.DEFAULT_SEED),
                Integer.getInteger("langnghe.faults.count", FaultKind.values().length),
                System.getProperty("langnghe.faults.profile", "short"),
                Path.of(System.getProperty("langnghe.faults.root.dir", "..")).toAbsolutePath().normalize(),
                Path.of(System.getProperty("langnghe.faults.results.dir", "target/fault-results")).toAbsolutePath());
        FaultRunReport report = FaultRun.execute(options, System.out);
        assertThat(report.passed()).as("every check of the fault run holds (service logs in %s):%n%s",
                options.workDir(), report.render()).isTrue();
        assertThat(report.lost()).isZero();
        assertThat(report.duplicatesApplied()).isZero();
    }
}
