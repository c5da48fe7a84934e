package vn.langnghe.testsupport.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import vn.langnghe.testsupport.infra.Infrastructure.Kind;

class InfrastructureChoiceTest {

    private static final DockerDetection ENGINE = () -> new DockerDetection.Result(true, "a Docker engine answered (test)");
    private static final DockerDetection NO_ENGINE = () -> new DockerDetection.Result(false, "no Docker engine answered (test)");
    private static final DockerDetection MUST_NOT_ASK = () -> {
        throw new AssertionError("a forced choice must not probe Docker");
    };

    private static Function<String, Optional<String>> settings(Map<String, String> values) {
        return name -> Optional.ofNullable(values.get(name));
    }

    @Test
    void followsTheDockerEngine() {
        assertThat(Infrastructure.choose(settings(Map.of()), ENGINE))
                .isEqualTo(new Infrastructure.Choice(Kind.TESTCONTAINERS, "A Docker engine answered (test)"));
        assertThat(Infrastructure.choose(settings(Map.of()), NO_ENGINE).kind()).isEqualTo(Kind.EMBEDDED);
    }

    @Test
    void theSettingForcesTheChoice() {
        assertThat(Infrastructure.choose(settings(Map.of("LANGNGHE_INFRA", "embedded")), MUST_NOT_ASK))
                .isEqualTo(new Infrastructure.Choice(Kind.EMBEDDED, "LANGNGHE_INFRA=embedded"));
        assertThat(Infrastructure.choose(settings(Map.of("LANGNGHE_INFRA", "Testcontainers")), MUST_NOT_ASK).kind())
                .isEqualTo(Kind.TESTCONTAINERS);
        assertThatThrownBy(() -> Infrastructure.choose(settings(Map.of("LANGNGHE_INFRA", "docker")), MUST_NOT_ASK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("embedded");
    }

    @Test
    void theSystemPropertyIsReadAsASetting() {
        System.setProperty("LANGNGHE_INFRA", "testcontainers");
        try {
            assertThat(Infrastructure.choose(Settings::get, MUST_NOT_ASK).kind()).isEqualTo(Kind.TESTCONTAINERS);
        } finally {
            System.clearProperty("LANGNGHE_INFRA");
        }
    }

    @Test
    void withoutAnEngineTheRealDetectionIsQuickAndChoosesEmbedded() {
        long t0 = System.nanoTime();
        DockerDetection.Result result = DockerDetection.testcontainers().detect();
        long millis = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("Docker detection: %s in %d ms%n", result, millis);
        boolean engineLikely = System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"));
        if (!engineLikely) { // this machine: a docker client, no engine
            assertThat(result.available()).isFalse();
            assertThat(millis).isLessThan(2_000);
            assertThat(Infrastructure.choose(name -> Optional.empty(), DockerDetection.testcontainers()).kind())
                    .isEqualTo(Kind.EMBEDDED);
        }
    }
}
