package vn.langnghe.forum;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.langnghe.personal.MasterKey;
import vn.langnghe.testsupport.infra.Infrastructure;
import vn.langnghe.testsupport.process.ServiceProcess;
import vn.langnghe.testsupport.tokens.TokenMinter;
import vn.langnghe.testsupport.tokens.Tokens;

/**
 * The live feed across two running instances of the packaged service (target/quarkus-app), sharing one
 * database and Kafka: two organisers record through the first, one through the second, while a subscriber
 * follows the first. The feed is read from the event store, so what the second instance records reaches the
 * first one's subscriber, exactly once and in order. Runs in {@code verify}, after {@code package}.
 */
class LiveFeedIT {

    static final String DATABASE = "forum_it";
    static ServiceProcess first;
    static ServiceProcess second;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        Infrastructure infra = Infrastructure.shared();
        infra.postgres().createDatabase(DATABASE);
        TokenMinter tokens = Tokens.shared();
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.jdbc.url", infra.postgres().jdbcUrl(DATABASE));
        config.put("quarkus.datasource.username", infra.postgres().username());
        config.put("quarkus.datasource.password", infra.postgres().password());
        config.put("kafka.bootstrap.servers", infra.kafka().bootstrapServers());
        config.put("quarkus.oidc.public-key", tokens.publicKeyPem());
        config.put("quarkus.oidc.token.issuer", tokens.issuer());
        config.put("quarkus.http.host", "127.0.0.1");
        // replicas share the master key (each reads what the other encrypted) and the ticket secret
        config.put("langnghe.personal.master-key", MasterKey.generate().toBase64());
        config.put("langnghe.forum.live-ticket-secret", "it-" + java.util.UUID.randomUUID());
        Path module = Path.of(System.getProperty("langnghe.forum.module.dir", ".")).toAbsolutePath();
        // the first creates the schema alone; then the second joins
        first = ServiceProcess.quarkusApp(module).config(config).start().awaitReady(Duration.ofMinutes(2));
        second = ServiceProcess.quarkusApp(module).config(config).start().awaitReady(Duration.ofMinutes(2));
    }

    @AfterAll
    static void stop() {
        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> {
            if (first != null) {
                first.close();
            }
        });
        if (second != null) {
            second.close();
        }
        a.join();
    }

    @Test
    void threeRecordersOneThroughASecondInstance_aSubscriberSeesAll300Once_inStoredOrder_acrossADisconnect()
            throws Exception {
        try {
            new LiveFeedScenario(first.baseUrl(), second.baseUrl(), Forums.organiser()).run();
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(e.getMessage() + first.logTail() + second.logTail(), e);
        }
    }
}
