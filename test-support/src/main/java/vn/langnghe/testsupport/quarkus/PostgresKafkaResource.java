package vn.langnghe.testsupport.quarkus;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import vn.langnghe.testsupport.infra.Infrastructure;
import vn.langnghe.testsupport.infra.PostgresServer;
import vn.langnghe.testsupport.tokens.TokenMinter;
import vn.langnghe.testsupport.tokens.Tokens;

/**
 * Real PostgreSQL and Kafka for a {@code @QuarkusTest}, from {@link Infrastructure#shared()} (started once per JVM,
 * reused by every test class), plus the OIDC settings that make the app accept {@link Tokens#shared()} tokens.
 * Init arg {@code database}: the database to create; default: the module directory's name
 * ({@code intake-service} gives {@code intake_service}).
 *
 * <pre>{@code @QuarkusTestResource(value = PostgresKafkaResource.class,
 *         initArgs = @ResourceArg(name = "database", value = "intake"))}</pre>
 */
public class PostgresKafkaResource implements QuarkusTestResourceLifecycleManager {

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
    }

    @Override
    public Map<String, String> start() {
        String db = database != null ? database : defaultDatabaseName();
        Infrastructure infra = Infrastructure.shared();
        PostgresServer postgres = infra.postgres();
        postgres.createDatabase(db);
        TokenMinter tokens = Tokens.shared();

        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(db));
        config.put("quarkus.datasource.reactive.url", postgres.reactiveUrl(db));
        config.put("quarkus.datasource.username", postgres.username());
        config.put("quarkus.datasource.password", postgres.password());
        config.put("kafka.bootstrap.servers", infra.kafka().bootstrapServers());
        config.put("quarkus.oidc.public-key", tokens.publicKeyPem());
        config.put("quarkus.oidc.token.issuer", tokens.issuer());
        config.put("mp.jwt.verify.publickey", tokens.publicKeyPem());
        config.put("mp.jwt.verify.issuer", tokens.issuer());
        config.put("quarkus.devservices.enabled", "false");
        config.put("quarkus.datasource.devservices.enabled", "false");
        return config;
    }

    /** The servers are shared by the JVM's test classes and stop when it exits. */
    @Override
    public void stop() {
    }

    static String defaultDatabaseName() {
        Path dir = Path.of("").toAbsolutePath().getFileName();
        String name = dir == null ? "app" : dir.toString();
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    }
}
