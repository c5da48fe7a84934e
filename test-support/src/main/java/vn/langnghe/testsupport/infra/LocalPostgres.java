package vn.langnghe.testsupport.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import vn.langnghe.testsupport.ports.FreePorts;
import vn.langnghe.testsupport.process.ShutdownHooks;

/**
 * PostgreSQL from the machine's own binaries (Debian's {@code postgresql-15}), in a temp dir, on a free port of
 * 127.0.0.1. PostgreSQL refuses to run as root, so as root every server command runs as the {@code postgres} user
 * via {@code runuser}. Host connections need the password (scram-sha-256); the socket in the temp dir is trusted.
 */
public final class LocalPostgres implements PostgresServer {

    public static final String DEFAULT_USERNAME = "langnghe";
    private static final String HOST = "127.0.0.1";

    private final Path binDir;
    private final boolean fsync;
    private final Map<String, String> settings;
    private final int maxConnections;
    private final String username;
    private final String password = randomPassword();
    private final boolean asRoot = runningAsRoot();
    private final int port = FreePorts.next();
    private Path baseDir;
    private Thread shutdownHook;

    private LocalPostgres(Builder builder) {
        this.binDir = builder.binDir != null ? builder.binDir : findBinDir();
        this.fsync = builder.fsync;
        this.settings = Map.copyOf(builder.settings);
        this.maxConnections = builder.maxConnections;
        this.username = builder.username;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private Path binDir;
        private boolean fsync = true;
        private int maxConnections = 200;
        private String username = DEFAULT_USERNAME;
        private final Map<String, String> settings = new LinkedHashMap<>();

        /** Tests may turn fsync off for speed; benchmarks and the local run must not. Default: on. */
        public Builder withFsync(boolean fsync) {
            this.fsync = fsync;
            return this;
        }

        public Builder withMaxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
            return this;
        }

        /** Default: {@link #findBinDir()}. */
        public Builder withBinDir(Path binDir) {
            this.binDir = binDir;
            return this;
        }

        /** A {@code postgresql.conf} setting (e.g. {@code shared_buffers}, {@code 4GB}) written after the defaults. */
        public Builder withSetting(String name, String value) {
            if (!name.matches("[a-z_]+") || !value.matches("[A-Za-z0-9_.]+")) {
                throw new IllegalArgumentException("not a plain setting: " + name + " = " + value);
            }
            settings.put(name, value);
            return this;
        }

        public Builder withUsername(String username) {
            this.username = username;
            return this;
        }

        public LocalPostgres build() {
            return new LocalPostgres(this);
        }
    }

    /**
     * Where the server binaries are: {@code LANGNGHE_PG_BIN} (system property or environment), else the newest
     * {@code /usr/lib/postgresql/<version>/bin}, else {@code pg_config --bindir}, else {@code PATH}.
     */
    public static Path findBinDir() {
        List<String> looked = new ArrayList<>();
        Optional<String> configured = Settings.get("LANGNGHE_PG_BIN");
        if (configured.isPresent()) {
            Path dir = Path.of(configured.get());
            if (hasServerBinaries(dir)) {
                return dir;
            }
            looked.add("LANGNGHE_PG_BIN=" + dir);
        } else {
            looked.add("LANGNGHE_PG_BIN (not set)");
        }
        Path debian = Path.of("/usr/lib/postgresql");
        looked.add(debian + "/<version>/bin");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                Optional<Path> newest = versions.map(v -> v.resolve("bin"))
                        .filter(LocalPostgres::hasServerBinaries)
                        .max(Comparator.comparing(LocalPostgres::majorVersion));
                if (newest.isPresent()) {
                    return newest.get();
                }
            } catch (IOException e) {
                looked.add("(cannot list " + debian + ": " + e.getMessage() + ")");
            }
        }
        looked.add("pg_config --bindir");
        try {
            Process process = new ProcessBuilder("pg_config", "--bindir").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (process.waitFor() == 0 && hasServerBinaries(Path.of(out))) {
                return Path.of(out);
            }
        } catch (IOException e) {
            // no pg_config on the PATH
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        looked.add("PATH");
        for (String entry : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!entry.isBlank() && hasServerBinaries(Path.of(entry))) {
                return Path.of(entry);
            }
        }
        throw new IllegalStateException("No PostgreSQL server binaries (initdb, pg_ctl, postgres) found; looked in "
                + String.join(", ", looked)
                + ". Install them (Debian: apt-get update && apt-get install -y postgresql-15) or set LANGNGHE_PG_BIN.");
    }

    private static boolean hasServerBinaries(Path dir) {
        return Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("pg_ctl"))
                && Files.isExecutable(dir.resolve("postgres"));
    }

    private static int majorVersion(Path binDir) {
        try {
            return Integer.parseInt(binDir.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public Path binDir() {
        return binDir;
    }

    /** {@code postgres --version}, e.g. "15.18"; "unknown" if it cannot be read. */
    public String version() {
        try {
            Process process = new ProcessBuilder(binDir.resolve("postgres").toString(), "--version")
                    .redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            process.waitFor(10, TimeUnit.SECONDS);
            // "postgres (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)"
            String[] words = out.split("\\s+");
            return words.length >= 3 ? words[2] : out;
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    @Override
    public synchronized void start() {
        if (baseDir == null) {
            initialise();
        }
        if (!isRunning()) {
            pgCtl("-w", "-t", "60", "-l", baseDir.resolve("postgres.log").toString(), "start");
        }
    }

    private void initialise() {
        try {
            // Short path: the socket path must stay under 107 bytes.
            baseDir = Files.createTempDirectory(Path.of("/tmp"), "langnghe-pg-");
            Path pwFile = baseDir.resolve("pwfile");
            Files.writeString(pwFile, password + "\n");
            if (asRoot) {
                run(List.of("chown", "-R", "postgres:postgres", baseDir.toString()));
            }
            shutdownHook = ShutdownHooks.add("langnghe-postgres-cleanup", this::stopAndDeleteQuietly);
            runAsServerUser(List.of(binDir.resolve("initdb").toString(), "-D", dataDir().toString(),
                    "-U", username, "--pwfile=" + pwFile, "--auth-host=scram-sha-256", "--auth-local=trust",
                    "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"));
            Files.delete(pwFile);
            // Appended settings win over the defaults above them.
            Files.writeString(dataDir().resolve("postgresql.conf"), String.join("\n",
                    "",
                    "# langnghe test-support",
                    "listen_addresses = '" + HOST + "'",
                    "port = " + port,
                    "unix_socket_directories = '" + baseDir + "'",
                    "max_connections = " + maxConnections,
                    "fsync = " + (fsync ? "on" : "off"),
                    "full_page_writes = " + (fsync ? "on" : "off"),
                    extraSettings()), java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare a PostgreSQL data dir", e);
        }
    }

    /** The builder's own settings, one line each, in a stable order; ends with a line break. */
    private String extraSettings() {
        StringBuilder lines = new StringBuilder();
        settings.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> lines.append(e.getKey()).append(" = '").append(e.getValue()).append("'\n"));
        return lines.toString();
    }

    private Path dataDir() {
        return baseDir.resolve("data");
    }

    private boolean isRunning() {
        return baseDir != null && Files.exists(dataDir()) && runQuietly(pgCtlCommand("status")) == 0;
    }

    @Override
    public synchronized void stop() {
        if (isRunning()) {
            pgCtl("-w", "-t", "60", "-m", "fast", "stop");
        }
    }

    @Override
    public synchronized void crash() {
        if (isRunning()) {
            pgCtl("-w", "-m", "immediate", "stop");
        }
    }

    @Override
    public synchronized void restart() {
        stop();
        start();
    }

    @Override
    public synchronized void close() {
        stopAndDeleteQuietly();
        ShutdownHooks.remove(shutdownHook);
        shutdownHook = null;
    }

    private synchronized void stopAndDeleteQuietly() {
        if (baseDir == null) {
            return;
        }
        try {
            if (isRunning()) {
                pgCtl("-w", "-m", "immediate", "stop");
            }
        } catch (RuntimeException e) {
            System.err.println("langnghe: could not stop PostgreSQL in " + baseDir + ": " + e.getMessage());
        }
        try {
            Dirs.deleteRecursively(baseDir);
        } catch (RuntimeException e) {
            System.err.println("langnghe: could not delete " + baseDir + ": " + e.getMessage());
        }
        baseDir = null;
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + port + "/" + database;
    }

    @Override
    public String host() {
        return HOST;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String username() {
        return username;
    }

    @Override
    public String password() {
        return password;
    }

    @Override
    public void createDatabase(String name) {
        createDatabase(this, name);
    }

    /** Shared with {@link ContainerPostgres}: idempotent CREATE DATABASE through the {@code postgres} database. */
    static void createDatabase(PostgresServer server, String name) {
        Properties props = new Properties();
        props.setProperty("user", server.username());
        props.setProperty("password", server.password());
        // The driver directly, not DriverManager: Quarkus tests load classes in several class loaders.
        try (Connection connection = new org.postgresql.Driver().connect(server.jdbcUrl("postgres"), props)) {
            try (PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
                exists.setString(1, name);
                try (ResultSet rs = exists.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database \"" + name.replace("\"", "\"\"") + "\"");
            }
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // duplicate_database: someone else was faster
                throw new IllegalStateException("cannot create database " + name + " on " + server.jdbcUrl(name), e);
            }
        }
    }

    private void pgCtl(String... args) {
        runAsServerUser(pgCtlCommand(args));
    }

    private List<String> pgCtlCommand(String... args) {
        List<String> command = new ArrayList<>(List.of(binDir.resolve("pg_ctl").toString(), "-D", dataDir().toString()));
        command.addAll(List.of(args));
        return command;
    }

    private void runAsServerUser(List<String> command) {
        run(command);
    }

    private void run(List<String> command) {
        List<String> full = asServerUser(command);
        try {
            Process process = processBuilder(full).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IllegalStateException(String.join(" ", full) + " exited with " + exit + ":\n" + out
                        + logTail());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + full, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + full, e);
        }
    }

    private int runQuietly(List<String> command) {
        try {
            Process process = processBuilder(asServerUser(command)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private ProcessBuilder processBuilder(List<String> command) {
        // The working directory must be readable by the postgres user.
        return new ProcessBuilder(command).directory(baseDir != null ? baseDir.toFile() : new java.io.File("/tmp"));
    }

    private List<String> asServerUser(List<String> command) {
        if (!asRoot || command.get(0).equals("chown")) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private String logTail() {
        if (baseDir == null) {
            return "";
        }
        Path log = baseDir.resolve("postgres.log");
        try {
            List<String> lines = Files.readAllLines(log);
            return "\n--- " + log + " (tail) ---\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    private static boolean runningAsRoot() {
        try {
            // /proc/self belongs to the uid the JVM runs as.
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static String randomPassword() {
        String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }

    @Override
    public String toString() {
        return "LocalPostgres[" + jdbcUrl("") + ", bin " + binDir + ", fsync " + (fsync ? "on" : "off") + "]";
    }
}
