package vn.langnghe.bench.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import vn.langnghe.testsupport.process.ServiceProcess;

/**
 * One training run of a service for a JDK AOT cache (JEP 483, 514, 515): start it with
 * {@code -XX:AOTCacheOutput}, wait until it is ready and a little longer, then SIGTERM; the JVM writes the cache as
 * it exits. A later start with {@code -XX:AOTCache} finds the classes it loaded already parsed and linked.
 */
final class AotTraining {

    /** After ready, so that what a service does right after (consumers joining, the relay's first polls) is in it. */
    private static final Duration IDLE_AFTER_READY = Duration.ofSeconds(5);
    /** The graceful shutdown, then the JVM assembling the cache: about 10 s here for a 100 MB cache. */
    private static final Duration EXIT_GRACE = Duration.ofMinutes(2);

    /** What a training run left: a cache of so many bytes, or why there is none. */
    record Result(long bytes, String problem) {
        boolean written() {
            return problem == null;
        }

        String describe() {
            return written() ? String.format("%.0f MB", bytes / 1e6) : "no cache: " + problem;
        }
    }

    private AotTraining() {
    }

    static Result train(ServiceProcess.Builder service, Path cache) {
        if (Runtime.version().feature() < 25) {
            return new Result(0, "JDK " + Runtime.version().feature() + " has no -XX:AOTCacheOutput (JDK 25 does)");
        }
        try {
            Files.deleteIfExists(cache);
        } catch (IOException e) {
            return new Result(0, "cannot replace " + cache + ": " + e.getMessage());
        }
        ServiceProcess process = service.addJvmOptions("-XX:AOTCacheOutput=" + cache).start();
        try {
            process.awaitReady(Duration.ofMinutes(2));
            // not a wait for a condition: the classes used just after ready belong in the cache too
            Thread.sleep(IDLE_AFTER_READY);
        } catch (RuntimeException e) {
            process.kill();
            String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            return new Result(0, "the training run did not get ready: " + why);
        } catch (InterruptedException e) {
            process.kill();
            Thread.currentThread().interrupt();
            return new Result(0, "interrupted");
        }
        process.stop(EXIT_GRACE);
        try {
            long bytes = Files.isRegularFile(cache) ? Files.size(cache) : 0;
            return bytes > 0 ? new Result(bytes, null)
                    : new Result(0, "the JVM wrote no cache on exit (see " + process.logFile() + ")");
        } catch (IOException e) {
            return new Result(0, "cannot read " + cache + ": " + e.getMessage());
        }
    }
}
