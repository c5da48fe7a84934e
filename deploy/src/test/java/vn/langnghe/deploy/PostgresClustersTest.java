package vn.langnghe.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.langnghe.deploy.Manifests.Doc;

/** CloudNativePG: one cluster per service database, backups everywhere, the keys' backups kept for less time. */
class PostgresClustersTest {

    static final Map<String, String> SERVICE_DATABASES = Map.of(
            "intake-service", "intake", "forum-service", "forum", "reporting-service", "reporting");

    @Test
    void oneClusterPerServiceDatabaseMatchingTheJdbcUrl() {
        SERVICE_DATABASES.forEach((service, database) -> {
            String cluster = service.replace("-service", "-db");
            JsonNode initdb = Manifests.require("Cluster", cluster).spec().path("bootstrap").path("initdb");
            assertThat(initdb.path("database").asText()).isEqualTo(database);
            assertThat(ManifestModelTest.configMapData(service + "-config").get("QUARKUS_DATASOURCE_JDBC_URL").asText())
                    .isEqualTo("jdbc:postgresql://" + cluster + "-rw:5432/" + database);
        });
        assertThat(ManifestModelTest.configMapData("intake-service-config").get("QUARKUS_DATASOURCE_KEYRING_JDBC_URL").asText())
                .isEqualTo("jdbc:postgresql://intake-keyring-db-rw:5432/keyring");
    }

    @Test
    void everyClusterArchivesWalAndTakesScheduledBackups() {
        List<Doc> clusters = Manifests.base("Cluster");
        assertThat(clusters).extracting(Doc::name)
                .containsExactlyInAnyOrder("intake-db", "intake-keyring-db", "forum-db", "reporting-db");
        for (Doc cluster : clusters) {
            JsonNode plugin = cluster.spec().path("plugins").get(0);
            assertThat(plugin.path("name").asText()).isEqualTo("barman-cloud.cloudnative-pg.io");
            assertThat(plugin.path("isWALArchiver").asBoolean()).as(cluster.name() + " archives WAL").isTrue();
            objectStoreOf(cluster);
            assertThat(Manifests.base("ScheduledBackup").stream()
                    .filter(b -> b.spec().path("cluster").path("name").asText().equals(cluster.name()))
                    .filter(b -> b.spec().path("method").asText().equals("plugin"))
                    .filter(b -> b.spec().path("pluginConfiguration").path("name").asText().equals("barman-cloud.cloudnative-pg.io")))
                    .as("a scheduled backup of " + cluster.name()).hasSize(1);
        }
    }

    @Test
    void theKeysAreKeptForLessTimeInAnotherBucket() {
        Doc keys = objectStoreOf(Manifests.require("Cluster", "intake-keyring-db"));
        int keyDays = days(keys.spec().path("retentionPolicy").asText());
        assertThat(keyDays).isLessThanOrEqualTo(35);
        for (String data : List.of("intake-db", "forum-db", "reporting-db")) {
            Doc store = objectStoreOf(Manifests.require("Cluster", data));
            assertThat(days(store.spec().path("retentionPolicy").asText())).as(data).isGreaterThanOrEqualTo(365).isGreaterThan(keyDays);
            assertThat(bucket(store)).isNotEqualTo(bucket(keys));
            assertThat(credentials(store)).isNotEqualTo(credentials(keys));
        }
    }

    static Doc objectStoreOf(Doc cluster) {
        String name = cluster.spec().path("plugins").get(0).path("parameters").path("barmanObjectName").asText();
        return Manifests.require("ObjectStore", name);
    }

    static int days(String retention) {
        int n = Integer.parseInt(retention.substring(0, retention.length() - 1));
        return switch (retention.charAt(retention.length() - 1)) {
            case 'd' -> n;
            case 'w' -> n * 7;
            case 'm' -> n * 30;
            default -> throw new IllegalArgumentException(retention);
        };
    }

    static String bucket(Doc store) {
        return store.spec().path("configuration").path("destinationPath").asText().replaceFirst("^(s3://[^/]+).*", "$1");
    }

    static String credentials(Doc store) {
        return store.spec().path("configuration").path("s3Credentials").path("accessKeyId").path("name").asText();
    }
}
