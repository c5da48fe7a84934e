package vn.langnghe.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import vn.langnghe.testsupport.infra.Infrastructure;
import vn.langnghe.testsupport.process.ServiceProcess;
import vn.langnghe.testsupport.tokens.TokenMinter;
import vn.langnghe.testsupport.tokens.TokenSpec;
import vn.langnghe.testsupport.tokens.Tokens;

/**
 * The whole suite as the local run starts it: real PostgreSQL and Kafka, the three services' packaged jars and the
 * console's, each a child process; role tokens saved where the console's local sign-in finds them.
 */
final class Suite implements AutoCloseable {

    final Path root = Path.of(System.getProperty("langnghe.root.dir", "..")).toAbsolutePath().normalize();
    final TokenMinter tokens = Tokens.shared();
    final Path state;
    final Map<String, String> roleTokens = new LinkedHashMap<>();
    ServiceProcess intake;
    ServiceProcess forum;
    ServiceProcess reporting;
    ServiceProcess console;

    Suite() {
        try {
            state = Files.createTempDirectory("langnghe-console-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Suite start() {
        for (String module : List.of("intake-service", "forum-service", "reporting-service", "console")) {
            Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: package the services first (./mvnw package,"
                        + " or ./langnghe test which builds everything in order)");
            }
        }
        Infrastructure infra = Infrastructure.shared();
        String suffix = Long.toString(System.nanoTime() % 100000);
        List<CompletableFuture<ServiceProcess>> starting = new ArrayList<>();
        for (String module : List.of("intake-service", "forum-service", "reporting-service")) {
            String database = module.replace("-service", "") + "_console_" + suffix;
            infra.postgres().createDatabase(database);
            Map<String, String> config = new LinkedHashMap<>();
            config.put("quarkus.datasource.jdbc.url", infra.postgres().jdbcUrl(database));
            config.put("quarkus.datasource.username", infra.postgres().username());
            config.put("quarkus.datasource.password", infra.postgres().password());
            config.put("kafka.bootstrap.servers", infra.kafka().bootstrapServers());
            config.put("quarkus.oidc.public-key", tokens.publicKeyPem());
            config.put("quarkus.oidc.token.issuer", tokens.issuer());
            config.put("langnghe.personal.master-key-file", state.resolve(module + "-master.key").toString());
            ServiceProcess.Builder builder = ServiceProcess.quarkusApp(root.resolve(module)).config(config)
                    .logFile(state.resolve(module + ".log"));
            starting.add(CompletableFuture.supplyAsync(() -> builder.start().awaitReady(Duration.ofMinutes(3))));
        }
        intake = starting.get(0).join();
        forum = starting.get(1).join();
        reporting = starting.get(2).join();

        Path tokenDir = state.resolve("tokens");
        roleTokens.put("organiser", tokens.mint(TokenSpec.organiser("HP").withPreferredUsername("Tổ chức HP")
                .withLifetime(Duration.ofHours(2))));
        roleTokens.put("officer", tokens.mint(TokenSpec.officer("HP").withPreferredUsername("Cán bộ HP")
                .withLifetime(Duration.ofHours(2))));
        roleTokens.put("analyst", tokens.mint(TokenSpec.analyst("HP").withPreferredUsername("Phân tích HP")
                .withLifetime(Duration.ofHours(2))));
        try {
            Files.createDirectories(tokenDir);
            for (Map.Entry<String, String> t : roleTokens.entrySet()) {
                Files.writeString(tokenDir.resolve(t.getKey() + ".jwt"), t.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> consoleConfig = new LinkedHashMap<>();
        consoleConfig.put("langnghe.console.intake-url", intake.baseUrl());
        consoleConfig.put("langnghe.console.forum-url", forum.baseUrl());
        consoleConfig.put("langnghe.console.reporting-url", reporting.baseUrl());
        consoleConfig.put("quarkus.oidc.tenant-enabled", "false");
        consoleConfig.put("langnghe.console.local-sign-in.enabled", "true");
        consoleConfig.put("langnghe.console.local-sign-in.tokens-dir", tokenDir.toString());
        consoleConfig.put("langnghe.console.local-sign-in.public-key", tokens.publicKeyPem());
        consoleConfig.put("langnghe.console.local-sign-in.issuer", tokens.issuer());
        consoleConfig.put("langnghe.console.session.secure-cookie", "false");
        console = ServiceProcess.quarkusApp(root.resolve("console")).config(consoleConfig)
                .logFile(state.resolve("console.log")).start().awaitReady(Duration.ofMinutes(2));
        return this;
    }

    String logs() {
        StringBuilder all = new StringBuilder();
        for (ServiceProcess p : new ServiceProcess[] {console, forum, intake, reporting}) {
            if (p != null) {
                all.append(p.logTail());
            }
        }
        return all.toString();
    }

    @Override
    public void close() {
        List<CompletableFuture<Void>> stopping = new ArrayList<>();
        for (ServiceProcess p : new ServiceProcess[] {console, intake, forum, reporting}) {
            if (p != null) {
                stopping.add(CompletableFuture.runAsync(p::close));
            }
        }
        stopping.forEach(CompletableFuture::join);
    }
}
