package vn.langnghe.bench;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a run leaves beside the figures in {@code docs/benchmarks/raw/<profile>/}: the harness's own console
 * output ({@code run.log}), and the warnings and errors of each service's log, so an odd figure (a display
 * that missed opinions, a slow round) can be explained after the run's temporary directory is gone.
 */
final class RunLog {

    /** Enough lines to diagnose a run, few enough to commit. */
    static final int MAX_WARNING_LINES = 2_000;

    private RunLog() {
    }

    /** From now on, everything printed to standard output and error also goes to {@code file}. */
    static void teeInto(Path file) throws IOException {
        OutputStream copy = new FileOutputStream(file.toFile());
        System.setOut(new PrintStream(new Tee(System.out, copy), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(System.err, copy), true, StandardCharsets.UTF_8));
    }

    /** Copies the WARN and ERROR lines of a service log (the first {@value #MAX_WARNING_LINES}), if it exists. */
    static void keepWarnings(Path serviceLog, Path kept) {
        if (!Files.isRegularFile(serviceLog)) {
            return;
        }
        try (Stream<String> lines = Files.lines(serviceLog, StandardCharsets.UTF_8)) {
            List<String> warnings = lines.filter(RunLog::isWarning).limit(MAX_WARNING_LINES).toList();
            Files.write(kept, warnings, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            System.err.println("bench: could not keep the warnings of " + serviceLog + ": " + e);
        }
    }

    static boolean isWarning(String line) {
        return line.contains(" WARN ") || line.contains(" ERROR "); // the services' console log format
    }

    /** Writes to two streams; output to the console must not stop when the file fails, and vice versa. */
    private static final class Tee extends OutputStream {
        private final OutputStream console;
        private final OutputStream file;

        Tee(OutputStream console, OutputStream file) {
            this.console = console;
            this.file = file;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            console.write(b);
            file.write(b);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
            console.write(bytes, offset, length);
            file.write(bytes, offset, length);
        }

        @Override
        public synchronized void flush() throws IOException {
            console.flush();
            file.flush();
        }
    }
}
