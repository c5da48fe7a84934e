package vn.langnghe.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.langnghe.deploy.Manifests.Doc;

/**
 * Every document under deploy/k8s parses and is of a known kind; core and Strimzi kinds deserialise strictly into
 * their Java models; CloudNativePG kinds (no Java model on Maven Central) are checked field by field here.
 */
class ManifestModelTest {

    static final String BANNER = "# hand-written, not generated";

    @Test
    void everyFileSaysItIsHandWritten() throws Exception {
        assertThat(Manifests.yamlFiles()).isNotEmpty();
        for (Path file : Manifests.yamlFiles()) {
            assertThat(Files.readAllLines(file).getFirst()).as(file.toString()).isEqualTo(BANNER);
        }
    }

    @Test
    void everyDocumentIsOfAKindThisTestChecks() {
        Set<String> handChecked = Set.of("kustomize.config.k8s.io/v1beta1/Kustomization",
                "postgresql.cnpg.io/v1/Cluster", "postgresql.cnpg.io/v1/ScheduledBackup", "barmancloud.cnpg.io/v1/ObjectStore");
        for (Doc doc : Manifests.all()) {
            String key = doc.apiVersion() + "/" + doc.kind();
            assertThat(StrictModel.hasModel(doc.apiVersion(), doc.kind()) || handChecked.contains(key))
                    .as("%s: %s has neither a model nor a hand check", doc.where(), key).isTrue();
            if (!doc.kind().equals("Kustomization")) {
                assertThat(doc.name()).as(doc.where() + " metadata.name").matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
            }
        }
    }

    @Test
    void coreAndStrimziKindsDeserialiseStrictly() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Doc doc : Manifests.all()) {
            if (!StrictModel.hasModel(doc.apiVersion(), doc.kind())) {
                continue;
            }
            try {
                Object model = StrictModel.read(doc.apiVersion(), doc.kind(), doc.tree());
                assertThat(model).isNotNull();
                checked++;
            } catch (Exception e) {
                failures.add(doc.where() + ": " + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        assertThat(failures).as("strict deserialisation failures").isEmpty();
        assertThat(checked).isGreaterThan(30);
    }

    @Test
    void strictnessIsReal_aMisspeltFieldFails() {
        Doc deployment = Manifests.require("Deployment", "intake-service");
        ObjectNode misspelt = deployment.tree().deepCopy();
        ObjectNode container = (ObjectNode) misspelt.path("spec").path("template").path("spec").path("containers").get(0);
        container.set("readinesProbe", container.remove("readinessProbe"));
        assertThatThrownBy(() -> StrictModel.read("apps/v1", "Deployment", misspelt))
                .hasMessageContaining("readinesProbe");

        Doc topic = Manifests.base("KafkaTopic").getFirst();
        ObjectNode badTopic = topic.tree().deepCopy();
        ((ObjectNode) badTopic.path("spec")).put("replicationFactor", 3);
        assertThatThrownBy(() -> StrictModel.read(topic.apiVersion(), "KafkaTopic", badTopic))
                .hasMessageContaining("replicationFactor");

        ObjectNode wrongType = topic.tree().deepCopy();
        ((ObjectNode) wrongType.path("spec")).put("partitions", "twelve");
        assertThatThrownBy(() -> StrictModel.read(topic.apiVersion(), "KafkaTopic", wrongType))
                .hasMessageContaining("partitions");
    }

    // --- CloudNativePG and the Barman Cloud plugin: no Java model on Maven Central, so the fields used are
    // checked against the CRDs' documented fields by hand (cloudnative-pg 1.26+, plugin-barman-cloud 0.5+).

    static final Set<String> CLUSTER_SPEC = Set.of("instances", "imageName", "primaryUpdateStrategy", "bootstrap",
            "postgresql", "storage", "walStorage", "resources", "monitoring", "plugins", "affinity", "backup",
            "description", "enableSuperuserAccess", "superuserSecret", "primaryUpdateMethod", "minSyncReplicas",
            "maxSyncReplicas", "topologySpreadConstraints", "env", "certificates", "managed");
    static final Set<String> INITDB = Set.of("database", "owner", "secret", "dataChecksums", "encoding",
            "localeCollate", "localeCType", "postInitSQL", "postInitApplicationSQL", "postInitTemplateSQL", "walSegmentSize");
    static final Set<String> POSTGRESQL = Set.of("parameters", "synchronous", "pg_hba", "pg_ident", "shared_preload_libraries");
    static final Set<String> SYNCHRONOUS = Set.of("method", "number", "maxStandbyNamesFromCluster", "standbyNamesPre",
            "standbyNamesPost", "dataDurability");
    static final Set<String> STORAGE = Set.of("size", "storageClass", "resizeInUseVolumes", "pvcTemplate");
    static final Set<String> PLUGIN = Set.of("name", "enabled", "isWALArchiver", "parameters");
    static final Set<String> AFFINITY = Set.of("enablePodAntiAffinity", "topologyKey", "podAntiAffinityType",
            "nodeSelector", "tolerations", "nodeAffinity", "additionalPodAntiAffinity", "additionalPodAffinity");
    static final Set<String> SCHEDULED_BACKUP_SPEC = Set.of("schedule", "immediate", "backupOwnerReference", "cluster",
            "method", "pluginConfiguration", "suspend", "target", "online");
    static final Set<String> OBJECT_STORE_SPEC = Set.of("retentionPolicy", "configuration", "instanceSidecarConfiguration");
    static final Set<String> BARMAN_CONFIGURATION = Set.of("destinationPath", "endpointURL", "s3Credentials",
            "azureCredentials", "googleCredentials", "wal", "data", "serverName", "endpointCA", "tags", "historyTags");
    static final Pattern RETENTION = Pattern.compile("[1-9][0-9]*[dwm]");
    static final Pattern SIX_FIELD_CRON = Pattern.compile("\\S+( \\S+){5}");

    @Test
    void cloudNativePgDocumentsUseOnlyKnownFieldsAndHaveTheRequiredOnes() {
        List<String> problems = new ArrayList<>();
        for (Doc doc : Manifests.all()) {
            JsonNode spec = doc.spec();
            switch (doc.apiVersion() + "/" + doc.kind()) {
                case "postgresql.cnpg.io/v1/Cluster" -> {
                    only(problems, doc, "spec", spec, CLUSTER_SPEC);
                    only(problems, doc, "spec.bootstrap.initdb", spec.path("bootstrap").path("initdb"), INITDB);
                    only(problems, doc, "spec.postgresql", spec.path("postgresql"), POSTGRESQL);
                    only(problems, doc, "spec.postgresql.synchronous", spec.path("postgresql").path("synchronous"), SYNCHRONOUS);
                    only(problems, doc, "spec.storage", spec.path("storage"), STORAGE);
                    only(problems, doc, "spec.walStorage", spec.path("walStorage"), STORAGE);
                    only(problems, doc, "spec.affinity", spec.path("affinity"), AFFINITY);
                    spec.path("plugins").forEach(p -> only(problems, doc, "spec.plugins[]", p, PLUGIN));
                    spec.path("postgresql").path("parameters").properties().forEach(e -> {
                        if (!e.getValue().isTextual()) {
                            problems.add(doc.where() + ": parameter " + e.getKey() + " must be a string");
                        }
                    });
                    if (Manifests.inBase(doc)) {
                        require(problems, doc, spec, "instances", "imageName", "storage", "bootstrap");
                        if (!spec.path("storage").path("size").isTextual()) {
                            problems.add(doc.where() + ": spec.storage.size missing");
                        }
                    }
                }
                case "postgresql.cnpg.io/v1/ScheduledBackup" -> {
                    only(problems, doc, "spec", spec, SCHEDULED_BACKUP_SPEC);
                    require(problems, doc, spec, "schedule", "cluster");
                    if (!SIX_FIELD_CRON.matcher(spec.path("schedule").asText()).matches()) {
                        problems.add(doc.where() + ": schedule needs six fields (seconds first)");
                    }
                }
                case "barmancloud.cnpg.io/v1/ObjectStore" -> {
                    only(problems, doc, "spec", spec, OBJECT_STORE_SPEC);
                    only(problems, doc, "spec.configuration", spec.path("configuration"), BARMAN_CONFIGURATION);
                    require(problems, doc, spec.path("configuration"), "destinationPath");
                    if (!RETENTION.matcher(spec.path("retentionPolicy").asText()).matches()) {
                        problems.add(doc.where() + ": retentionPolicy must match " + RETENTION);
                    }
                }
                default -> {
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    static void only(List<String> problems, Doc doc, String path, JsonNode node, Set<String> allowed) {
        if (node.isMissingNode()) {
            return;
        }
        node.fieldNames().forEachRemaining(field -> {
            if (!allowed.contains(field)) {
                problems.add(doc.where() + ": unknown field " + path + "." + field);
            }
        });
    }

    static void require(List<String> problems, Doc doc, JsonNode node, String... fields) {
        for (String field : fields) {
            if (node.path(field).isMissingNode() || node.path(field).isNull()) {
                problems.add(doc.where() + ": missing " + field);
            }
        }
    }

    @Test
    void kustomizationsListExistingFilesAndTheBaseListsEveryFile() throws Exception {
        Set<String> allowed = Set.of("apiVersion", "kind", "namespace", "labels", "resources", "images", "patches");
        for (Doc doc : Manifests.all()) {
            if (!doc.kind().equals("Kustomization")) {
                continue;
            }
            doc.tree().fieldNames().forEachRemaining(f -> assertThat(allowed).as(doc.where() + " field " + f).contains(f));
            Path dir = doc.file().getParent();
            doc.tree().path("resources").forEach(r ->
                    assertThat(dir.resolve(r.asText()).normalize()).as(doc.where() + " resource").exists());
            doc.tree().path("patches").forEach(p -> {
                Path patch = dir.resolve(p.path("path").asText()).normalize();
                assertThat(patch).as(doc.where() + " patch").isRegularFile();
                for (Doc partial : Manifests.read(patch)) {
                    String kind = p.path("target").path("kind").asText(partial.kind());
                    boolean targetInBase = p.has("target")
                            ? !Manifests.base(kind).isEmpty()
                            : Manifests.base(partial.kind(), partial.name()).isPresent();
                    assertThat(targetInBase).as(partial.where() + " patches nothing in the base").isTrue();
                }
            });
        }
        Doc base = Manifests.all().stream()
                .filter(d -> d.file().equals(Manifests.k8sDir().resolve("base/kustomization.yaml"))).findFirst().orElseThrow();
        Set<Path> listed = new java.util.HashSet<>();
        base.tree().path("resources").forEach(r -> listed.add(base.file().getParent().resolve(r.asText()).normalize()));
        for (Path file : Manifests.yamlFiles()) {
            if (file.startsWith(Manifests.k8sDir().resolve("base")) && !file.getFileName().toString().equals("kustomization.yaml")) {
                assertThat(listed).as("base/kustomization.yaml lists " + file).contains(file);
            }
        }
    }

    @Test
    void noSecretValueInTheRepository() {
        Pattern placeholder = Pattern.compile("<[^<>]+>");
        for (Doc doc : Manifests.all()) {
            if (!doc.kind().equals("Secret")) {
                continue;
            }
            assertThat(Manifests.isExample(doc)).as(doc.where() + ": a Secret outside *.example.yaml").isTrue();
            assertThat(doc.tree().has("data")).as(doc.where() + ": example Secrets use stringData placeholders").isFalse();
            doc.tree().path("stringData").properties().forEach(e ->
                    assertThat(e.getValue().asText()).as(doc.where() + " " + e.getKey()).matches(placeholder));
        }
        // The examples are documentation: no kustomization pulls them in.
        for (Doc doc : Manifests.all()) {
            if (doc.kind().equals("Kustomization")) {
                doc.tree().path("resources").forEach(r -> assertThat(r.asText()).doesNotContain("examples"));
            }
        }
        // No literal credentials in env values either.
        for (Doc doc : Manifests.base("Deployment")) {
            for (JsonNode container : doc.spec().path("template").path("spec").path("containers")) {
                for (JsonNode env : container.path("env")) {
                    if (env.path("name").asText().matches(".*(PASSWORD|SECRET|TOKEN|KEY).*")) {
                        assertThat(env.has("value")).as(doc.where() + " " + env.path("name").asText()).isFalse();
                        assertThat(env.path("valueFrom").has("secretKeyRef")).isTrue();
                    }
                }
            }
        }
        for (Doc doc : Manifests.base("ConfigMap")) {
            doc.tree().path("data").fieldNames().forEachRemaining(key ->
                    assertThat(key).as(doc.where()).doesNotContainIgnoringCase("password").doesNotContainIgnoringCase("secret"));
        }
    }

    static Map<String, JsonNode> configMapData(String name) {
        Map<String, JsonNode> data = new java.util.LinkedHashMap<>();
        Manifests.require("ConfigMap", name).tree().path("data").properties().forEach(e -> data.put(e.getKey(), e.getValue()));
        return data;
    }
}
