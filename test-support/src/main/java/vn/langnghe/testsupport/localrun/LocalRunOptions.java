package vn.langnghe.testsupport.localrun;

import java.nio.file.Path;
import java.util.List;

/**
 * Command-line options of the local run.
 *
 * @param basePort intake listens here, forum on the next port, reporting on the one after, the console on the
 *     one after that
 * @param autoPorts pick free ports instead of the fixed ones
 * @param stateDir where tokens and logs are kept between runs
 */
record LocalRunOptions(int basePort, boolean autoPorts, Path stateDir) {

    static final int DEFAULT_BASE_PORT = 8081;

    static LocalRunOptions parse(List<String> args) {
        int basePort = DEFAULT_BASE_PORT;
        boolean autoPorts = false;
        Path stateDir = Path.of(".langnghe");
        for (String arg : args) {
            if (arg.equals("--auto-ports")) {
                autoPorts = true;
            } else if (arg.startsWith("--base-port=")) {
                basePort = parsePort(arg.substring("--base-port=".length()));
            } else if (arg.startsWith("--state-dir=")) {
                stateDir = Path.of(arg.substring("--state-dir=".length()));
            } else if (arg.equals("--help") || arg.equals("-h")) {
                throw new UsageException(null);
            } else {
                throw new UsageException("unknown option: " + arg);
            }
        }
        return new LocalRunOptions(basePort, autoPorts, stateDir);
    }

    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port < 1024 || port > 65_000) {
                throw new UsageException("--base-port must be between 1024 and 65000, was " + port);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new UsageException("--base-port must be a number, was " + text);
        }
    }

    static final String USAGE = """
            Usage: ./langnghe run [--base-port=8081] [--auto-ports] [--state-dir=.langnghe]
              Starts PostgreSQL, Kafka, intake-service (base port), forum-service (base+1),
              reporting-service (base+2) and the console, the web front end (base+3), then prints the
              URLs and a token per role. Ctrl-C stops everything.
              --auto-ports   use any free ports instead
            """;

    /** A mistake on the command line: print the usage, no stack trace. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
