package vn.langnghe.testsupport.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import vn.langnghe.testsupport.infra.Infrastructure;
import vn.langnghe.testsupport.tokens.Tokens;

class PostgresKafkaResourceTest {

    @Test
    void returnsWorkingConfiguration() throws Exception {
        PostgresKafkaResource resource = new PostgresKafkaResource();
        resource.init(Map.of("database", "resource_test"));
        long t0 = System.nanoTime();
        Map<String, String> config = resource.start();
        System.out.printf("shared infrastructure (%s) ready in %d ms%n", Infrastructure.shared().kind(),
                (System.nanoTime() - t0) / 1_000_000);

        assertThat(config).containsKeys("quarkus.datasource.jdbc.url", "quarkus.datasource.reactive.url",
                "quarkus.datasource.username", "quarkus.datasource.password", "kafka.bootstrap.servers",
                "quarkus.oidc.public-key", "quarkus.oidc.token.issuer", "mp.jwt.verify.issuer");
        assertThat(config).containsEntry("quarkus.devservices.enabled", "false")
                .containsEntry("quarkus.datasource.devservices.enabled", "false")
                .containsEntry("quarkus.oidc.public-key", Tokens.shared().publicKeyPem());
        assertThat(config.get("quarkus.datasource.reactive.url")).matches("postgresql://[^/]+:\\d+/resource_test");

        try (Connection c = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"));
                ResultSet rs = c.createStatement().executeQuery("select current_database()")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("resource_test");
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                config.get("kafka.bootstrap.servers")))) {
            assertThat(admin.describeCluster().nodes().get()).hasSize(1);
        }
        assertThat(PostgresKafkaResource.defaultDatabaseName()).isEqualTo("test_support");
    }

    /** What Quarkus does to statics: the same classes again in another loader must find the same servers and key. */
    @Test
    void anotherClassLoaderSeesTheSameServersAndKey() throws Exception {
        Infrastructure here = Infrastructure.shared();
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            urls.add(Path.of(entry).toUri().toURL());
        }
        try (URLClassLoader other = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Class<?> infraClass = other.loadClass(Infrastructure.class.getName());
            assertThat(infraClass).isNotSameAs(Infrastructure.class);
            Object there = infraClass.getMethod("shared").invoke(null);
            Object postgres = infraClass.getMethod("postgres").invoke(there);
            Object kafka = infraClass.getMethod("kafka").invoke(there);
            assertThat(call(postgres, "port")).isEqualTo(here.postgres().port());
            assertThat(call(postgres, "password")).isEqualTo(here.postgres().password());
            assertThat(call(kafka, "bootstrapServers")).isEqualTo(here.kafka().bootstrapServers());
            assertThat(call(there, "description")).isEqualTo(here.description());
            // an operation through the proxy reaches the real server
            postgres.getClass().getMethod("createDatabase", String.class).invoke(postgres, "from_other_loader");

            Object tokens = other.loadClass(Tokens.class.getName()).getMethod("shared").invoke(null);
            assertThat(call(tokens, "publicKeyPem")).isEqualTo(Tokens.shared().publicKeyPem());
        }
        try (Connection c = DriverManager.getConnection(here.postgres().jdbcUrl("from_other_loader"),
                here.postgres().username(), here.postgres().password())) {
            assertThat(c.isValid(5)).isTrue();
        }
    }

    private static Object call(Object target, String method) throws Exception {
        var m = target.getClass().getMethod(method);
        m.setAccessible(true);
        return m.invoke(target);
    }
}
