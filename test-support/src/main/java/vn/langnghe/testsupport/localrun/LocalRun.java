package vn.langnghe.testsupport.localrun;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import vn.langnghe.testsupport.infra.Infrastructure;
import vn.langnghe.testsupport.infra.PostgresServer;
import vn.langnghe.testsupport.ports.FreePorts;
import vn.langnghe.testsupport.process.ServiceProcess;
import vn.langnghe.testsupport.tokens.TokenMinter;
import vn.langnghe.testsupport.tokens.TokenSpec;

/**
 * The whole suite on one machine: real PostgreSQL and Kafka, the three services as their packaged
 * jars, a token per role. Runs until interrupted (Ctrl-C), then stops everything it started.
 */
public final class LocalRun {

    /** Printed last, once everything answers and every token is printed; scripts (CI's smoke run) wait for it. */
    static final String READY_LINE = "Lắng Nghe is ready";

    private record Service(String module, String database, int port) {}

    /** The console is started after the services (it needs their URLs) and has no database. */
    static final String CONSOLE = "console";

    private final LocalRunOptions options;
    private final PrintStream out;
    private final List<ServiceProcess> running = new ArrayList<>();
    private Infrastructure infrastructure;

    LocalRun(LocalRunOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        LocalRunOptions options;
        try {
            options = LocalRunOptions.parse(List.of(args));
        } catch (LocalRunOptions.UsageException e) {
            if (e.getMessage() != null) {
                System.err.println(e.getMessage());
            }
            System.err.print(LocalRunOptions.USAGE);
            System.exit(e.getMessage() == null ? 0 : 2);
            return;
        }
        LocalRun run = new LocalRun(options, out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            run.stopAll();
            stopped.countDown();
        }, "langnghe-local-run-stop"));
        try {
            run.start();
        } catch (PortTakenException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        } catch (RuntimeException e) {
            System.err.println("Could not start the suite: " + e.getMessage());
            System.exit(1);
        }
        try {
            stopped.await(); // until Ctrl-C / SIGTERM runs the shutdown hook
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void start() {
        List<Service> services = plan();
        out.println("Starting PostgreSQL and Kafka ...");
        infrastructure = Infrastructure.start();
        out.println("  " + infrastructure.description());
        PostgresServer postgres = infrastructure.postgres();
        TokenMinter tokens = TokenMinter.loadOrCreate(options.stateDir().resolve("keys"), TokenMinter.DEFAULT_ISSUER);
        Path logs = createDirectories(options.stateDir().resolve("logs"));
        for (Service service : services.subList(0, services.size() - 1)) {
            postgres.createDatabase(service.database());
            out.println("Starting " + service.module() + " on port " + service.port() + " ...");
            running.add(ServiceProcess.quarkusApp(Path.of(service.module()))
                    .port(service.port())
                    .logFile(logs.resolve(service.module() + ".log"))
                    .config(serviceConfig(service, postgres, tokens))
                    .start());
        }
        for (ServiceProcess process : running) {
            process.awaitReady(Duration.ofSeconds(120));
        }
        if (options.demoData()) {
            new DemoData(running.get(0).baseUrl(), running.get(1).baseUrl(), tokens, out).load();
        }
        Path tokenDir = createDirectories(options.stateDir().resolve("tokens"));
        Map<String, String> roleTokens = mintRoleTokens(tokens, tokenDir);
        Service console = services.getLast();
        out.println("Starting " + CONSOLE + " on port " + console.port() + " ...");
        ServiceProcess consoleProcess = ServiceProcess.quarkusApp(Path.of(CONSOLE))
                .port(console.port())
                .logFile(logs.resolve(CONSOLE + ".log"))
                .config(consoleConfig(tokens, tokenDir))
                .start();
        running.add(consoleProcess);
        consoleProcess.awaitReady(Duration.ofSeconds(120));
        printWelcome(services, roleTokens, tokenDir);
    }

    /** Ports are checked before anything starts, so a taken port costs nothing but a message. */
    private List<Service> plan() {
        String[][] modules = {{"intake-service", "intake"}, {"forum-service", "forum"}, {"reporting-service", "reporting"},
                {CONSOLE, null}};
        List<Service> services = new ArrayList<>();
        for (int i = 0; i < modules.length; i++) {
            Path jar = Path.of(modules[i][0], "target", "quarkus-app", "quarkus-run.jar");
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: build first (./langnghe run builds it for you)");
            }
            int port = options.autoPorts() ? FreePorts.next() : options.basePort() + i;
            if (!FreePorts.isFree(port)) {
                throw new PortTakenException("Port " + port + " (for " + modules[i][0] + ") is already in use by"
                        + " another program. Stop it, or choose other ports: ./langnghe run --base-port=9081"
                        + " (or --auto-ports).");
            }
            services.add(new Service(modules[i][0], modules[i][1], port));
        }
        return services;
    }

    private Map<String, String> serviceConfig(Service service, PostgresServer postgres, TokenMinter tokens) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(service.database()));
        config.put("quarkus.datasource.username", postgres.username());
        config.put("quarkus.datasource.password", postgres.password());
        config.put("kafka.bootstrap.servers", infrastructure.kafka().bootstrapServers());
        config.put("quarkus.oidc.public-key", tokens.publicKeyPem());
        config.put("quarkus.oidc.token.issuer", tokens.issuer());
        // Each service keeps the master key of its personal data under the state dir, created on first run.
        config.put("langnghe.personal.master-key-file",
                options.stateDir().resolve("keys").resolve(service.module() + "-master.key").toAbsolutePath().toString());
        return config;
    }

    /** The console: the services' URLs, no identity provider, sign-in with the tokens saved under the state dir. */
    private Map<String, String> consoleConfig(TokenMinter tokens, Path tokenDir) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("langnghe.console.intake-url", running.get(0).baseUrl());
        config.put("langnghe.console.forum-url", running.get(1).baseUrl());
        config.put("langnghe.console.reporting-url", running.get(2).baseUrl());
        config.put("quarkus.oidc.tenant-enabled", "false");
        config.put("langnghe.console.local-sign-in.enabled", "true");
        config.put("langnghe.console.local-sign-in.tokens-dir", tokenDir.toAbsolutePath().toString());
        config.put("langnghe.console.local-sign-in.public-key", tokens.publicKeyPem());
        config.put("langnghe.console.local-sign-in.issuer", tokens.issuer());
        // plain http on 127.0.0.1: a Secure cookie would never come back
        config.put("langnghe.console.session.secure-cookie", "false");
        return config;
    }

    /**
     * A token per role, valid 12 h, saved as {@code <role>.jwt} (the console offers them as one-click sign-ins). The
     * units exist today (district police were dissolved on 2025-03-01): the city for the officer and the analyst,
     * a ward for the organiser, so every page of the console has something to show.
     */
    private static Map<String, String> mintRoleTokens(TokenMinter tokens, Path tokenDir) {
        Map<String, TokenSpec> roles = new LinkedHashMap<>();
        roles.put("officer", TokenSpec.officer("HP").withLifetime(Duration.ofHours(12)));
        roles.put("organiser", TokenSpec.organiser("HP-LECHAN-ANDUONG").withLifetime(Duration.ofHours(12)));
        roles.put("analyst", TokenSpec.analyst("HP").withLifetime(Duration.ofHours(12)));
        roles.put("partner", TokenSpec.partner("cong-dich-vu-cong-hp").withLifetime(Duration.ofHours(12)));
        roles.put("admin", TokenSpec.admin().withLifetime(Duration.ofHours(12)));
        Map<String, String> minted = new LinkedHashMap<>();
        for (Map.Entry<String, TokenSpec> role : roles.entrySet()) {
            String token = tokens.mint(role.getValue());
            write(tokenDir.resolve(role.getKey() + ".jwt"), token);
            minted.put(role.getKey(), token);
        }
        return minted;
    }

    private void printWelcome(List<Service> services, Map<String, String> roleTokens, Path tokenDir) {
        out.println();
        out.println("=".repeat(78));
        ServiceProcess console = running.getLast();
        out.printf("  %-18s %s   (web front end: sign in with a role below; log %s)%n", CONSOLE, console.baseUrl(),
                console.logFile());
        for (int i = 0; i < services.size() - 1; i++) {
            ServiceProcess process = running.get(i);
            out.printf("  %-18s %s   (OpenAPI %s/q/openapi, log %s)%n", services.get(i).module(), process.baseUrl(),
                    process.baseUrl(), process.logFile());
        }
        out.println("Tokens (valid 12 h; also saved in " + tokenDir + "/<role>.jwt):");
        for (Map.Entry<String, String> role : roleTokens.entrySet()) {
            out.println("  TOKEN_" + role.getKey().toUpperCase() + "=" + role.getValue());
        }
        out.println("Try:");
        out.println("  open " + console.baseUrl() + " in a browser");
        out.println("  curl -H \"Authorization: Bearer $(cat " + tokenDir.resolve("officer.jwt") + ")\" "
                + running.getFirst().baseUrl() + "/api/v1/reference/topics");
        out.println(READY_LINE + ". Press Ctrl-C to stop everything.");
        out.println("=".repeat(78));
    }

    /** Stops services first (they flush to Kafka and PostgreSQL), then the servers. */
    synchronized void stopAll() {
        if (running.isEmpty() && infrastructure == null) {
            return;
        }
        out.println("Stopping ...");
        for (ServiceProcess process : running.reversed()) {
            process.stop();
        }
        running.clear();
        if (infrastructure != null) {
            infrastructure.close();
            infrastructure = null;
        }
        out.println("Stopped: no process or port of this run is left.");
    }

    private static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final class PortTakenException extends RuntimeException {
        PortTakenException(String message) {
            super(message);
        }
    }
}
