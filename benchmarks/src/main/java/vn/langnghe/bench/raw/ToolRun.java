package vn.langnghe.bench.raw;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a raw tool as a child process and keeps its whole output in a file under docs/benchmarks/raw/. */
final class ToolRun {

    private ToolRun() {
    }

    static String run(List<String> command, Map<String, String> environment, Path rawOutput, long timeoutSeconds) {
        try {
            Files.createDirectories(rawOutput.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(rawOutput.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new IllegalStateException(command.getFirst() + " did not finish within " + timeoutSeconds
                        + " s; output in " + rawOutput);
            }
            String output = Files.readString(rawOutput, StandardCharsets.UTF_8);
            String header = "$ " + String.join(" ", command) + "\n";
            Files.writeString(rawOutput, header + output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(command.getFirst() + " exited with " + process.exitValue()
                        + ":\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command, e);
        }
    }
}
