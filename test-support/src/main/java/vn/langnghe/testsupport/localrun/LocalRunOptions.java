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
 * @param demoData load the demo data drawn from the seed articles (on by default)
 */
record LocalRunOptions(int basePort, boolean autoPorts, Path stateDir, boolean demoData) {

    static final int DEFAULT_BASE_PORT = 8081;

    static LocalRunOptions parse(List<String> args) {
        int basePort = DEFAULT_BASE_PORT;
        boolean autoPorts = false;
        Path stateDir = Path.of(".langnghe");
        boolean demoData = true;
        for (String arg : args) {
            if (arg.equals("--auto-ports")) {
                autoPorts = true;
            } else if (arg.equals("--no-demo-data")) {
                demoData = false;
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
        return new LocalRunOptions(basePort, autoPorts, stateDir, demoData);
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
            Usage: ./langnghe run [--base-port=8081] [--auto-ports] [--state-dir=.langnghe] [--no-demo-data]
              Starts PostgreSQL, Kafka, intake-service (base port), forum-service (base+1),
              reporting-service (base+2) and the console, the web front end (base+3), then prints the
              URLs and a token per role. Ctrl-C stops everything.
              --auto-ports    use any free ports instead
              --no-demo-data  start empty (by default the demo data drawn from the seed articles is
                              loaded through the APIs: Hải Phòng forums, submissions in 5 provinces)
            """;

    /** A mistake on the command line: print the usage, no stack trace. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
