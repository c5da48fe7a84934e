package vn.langnghe.testsupport.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;

/** Does a Docker engine answer? A function, so the choice in {@link Infrastructure} can be tested without Docker. */
@FunctionalInterface
public interface DockerDetection {

    /** @param available whether an engine answered; @param detail why, for the log line */
    record Result(boolean available, String detail) {
    }

    Result detect();

    /**
     * Asks Testcontainers, but only when there is something to ask: with no DOCKER_HOST, no known socket and no
     * ~/.testcontainers.properties, Testcontainers would only try every strategy and log an error.
     */
    static DockerDetection testcontainers() {
        return () -> {
            Optional<String> hint = engineHint();
            if (hint.isEmpty()) {
                return new Result(false, "no Docker engine answered (no DOCKER_HOST, no Docker socket)");
            }
            try {
                boolean available = DockerClientFactory.instance().isDockerAvailable();
                return new Result(available, available
                        ? "a Docker engine answered (" + hint.get() + ")"
                        : "no Docker engine answered (" + hint.get() + " did not)");
            } catch (Throwable e) { // anything from a half-configured Docker setup means: no engine for us
                return new Result(false, "no Docker engine answered (" + hint.get() + ": " + e + ")");
            }
        };
    }

    private static Optional<String> engineHint() {
        String dockerHost = System.getenv("DOCKER_HOST");
        if (dockerHost != null && !dockerHost.isBlank()) {
            return Optional.of("DOCKER_HOST=" + dockerHost);
        }
        String home = System.getProperty("user.home", "");
        List<Path> candidates = new ArrayList<>(List.of(
                Path.of("/var/run/docker.sock"),
                Path.of(home, ".docker/run/docker.sock"),
                Path.of(home, ".docker/desktop/docker.sock"),
                Path.of(home, ".colima/default/docker.sock"),
                Path.of(home, ".rd/docker.sock"),
                Path.of(home, ".testcontainers.properties")));
        String runtimeDir = System.getenv("XDG_RUNTIME_DIR");
        if (runtimeDir != null) {
            candidates.add(Path.of(runtimeDir, "docker.sock"));
            candidates.add(Path.of(runtimeDir, "podman/podman.sock"));
        }
        return candidates.stream().filter(Files::exists).map(Path::toString).findFirst();
    }
}
