package vn.langnghe.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Probes, resources, autoscaling, disruption budgets and configuration of the four Deployments. */
class WorkloadPolicyTest {

    static final List<String> SERVICES = List.of("intake-service", "forum-service", "reporting-service");
    static final Map<String, Integer> PORTS = Map.of("intake-service", 8081, "forum-service", 8082,
            "reporting-service", 8083, "console", 8080);

    static Deployment deployment(String name) {
        return StrictModel.read(Manifests.require("Deployment", name).tree(), Deployment.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"intake-service", "forum-service", "reporting-service", "console"})
    void probesOnTheHealthEndpointsAndRequestsAndLimits(String name) {
        Deployment deployment = deployment(name);
        assertThat(deployment.getSpec().getSelector().getMatchLabels()).isEqualTo(Map.of("app.kubernetes.io/name", name));
        assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
        List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).hasSize(1);
        Container container = containers.getFirst();
        assertThat(container.getImage()).startsWith("langnghe/" + name + ":").doesNotEndWith(":latest");
        ContainerPort http = container.getPorts().stream().filter(p -> "http".equals(p.getName())).findFirst().orElseThrow();
        assertThat(http.getContainerPort()).isEqualTo(PORTS.get(name));

        assertProbe(container.getLivenessProbe(), "/q/health/live", name + " liveness");
        assertProbe(container.getReadinessProbe(), "/q/health/ready", name + " readiness");
        if (container.getStartupProbe() != null) {
            assertThat(container.getStartupProbe().getHttpGet().getPath()).isIn("/q/health/live", "/q/health/started");
        }
        for (String resource : List.of("cpu", "memory")) {
            Quantity request = container.getResources().getRequests().get(resource);
            Quantity limit = container.getResources().getLimits().get(resource);
            assertThat(request).as(name + " requests." + resource).isNotNull();
            assertThat(limit).as(name + " limits." + resource).isNotNull();
            assertThat(limit.getNumericalAmount()).as(name + " limit >= request for " + resource)
                    .isGreaterThanOrEqualTo(request.getNumericalAmount());
        }
        var security = container.getSecurityContext();
        assertThat(security.getAllowPrivilegeEscalation()).isFalse();
        assertThat(security.getReadOnlyRootFilesystem()).isTrue();
        assertThat(deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
                .containsEntry("prometheus.io/path", "/q/metrics");

        Service service = StrictModel.read(Manifests.require("Service", name).tree(), Service.class);
        assertThat(service.getSpec().getSelector()).isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
        assertThat(service.getSpec().getPorts().getFirst().getTargetPort().getStrVal()).isEqualTo("http");
    }

    private static void assertProbe(Probe probe, String path, String what) {
        assertThat(probe).as(what).isNotNull();
        assertThat(probe.getHttpGet()).as(what + " httpGet").isNotNull();
        assertThat(probe.getHttpGet().getPath()).as(what).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).as(what + " port").isEqualTo("http");
    }

    @ParameterizedTest
    @ValueSource(strings = {"intake-service", "forum-service", "reporting-service", "console"})
    void anAutoscalerAndADisruptionBudgetPerDeployment(String name) {
        Deployment deployment = deployment(name);
        List<HorizontalPodAutoscaler> hpas = Manifests.base("HorizontalPodAutoscaler").stream()
                .map(d -> StrictModel.read(d.tree(), HorizontalPodAutoscaler.class))
                .filter(h -> h.getSpec().getScaleTargetRef().getName().equals(name)).toList();
        assertThat(hpas).as("HPA for " + name).hasSize(1);
        HorizontalPodAutoscaler hpa = hpas.getFirst();
        assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(hpa.getSpec().getScaleTargetRef().getApiVersion()).isEqualTo("apps/v1");
        assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
        assertThat(hpa.getSpec().getMaxReplicas()).isGreaterThanOrEqualTo(hpa.getSpec().getMinReplicas());
        assertThat(hpa.getSpec().getMetrics()).isNotEmpty();

        List<PodDisruptionBudget> pdbs = Manifests.base("PodDisruptionBudget").stream()
                .map(d -> StrictModel.read(d.tree(), PodDisruptionBudget.class))
                .filter(p -> deployment.getSpec().getTemplate().getMetadata().getLabels().entrySet()
                        .containsAll(p.getSpec().getSelector().getMatchLabels().entrySet()))
                .toList();
        assertThat(pdbs).as("PDB for " + name).hasSize(1);
        var pdb = pdbs.getFirst().getSpec();
        assertThat(pdb.getMaxUnavailable() != null || pdb.getMinAvailable() != null).isTrue();
        if (pdb.getMinAvailable() != null && pdb.getMinAvailable().getIntVal() != null) {
            assertThat(pdb.getMinAvailable().getIntVal()).isLessThan(hpa.getSpec().getMinReplicas());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"intake-service", "forum-service", "reporting-service"})
    void configurationComesFromConfigMapsAndSecrets(String name) {
        Container container = deployment(name).getSpec().getTemplate().getSpec().getContainers().getFirst();
        Set<String> keys = new HashSet<>();
        for (EnvFromSource from : container.getEnvFrom()) {
            assertThat(from.getSecretRef()).as("whole Secrets are not injected").isNull();
            ConfigMap map = StrictModel.read(Manifests.require("ConfigMap", from.getConfigMapRef().getName()).tree(), ConfigMap.class);
            keys.addAll(map.getData().keySet());
        }
        for (EnvVar env : container.getEnv()) {
            keys.add(env.getName());
            var secret = env.getValueFrom().getSecretKeyRef();
            assertThat(secret).as(env.getName()).isNotNull();
            if (secret.getName().endsWith("-personal-data")) {
                // created by hand from secrets.example.yaml: the vault's master key (and forum's ticket secret)
                assertThat(name).isIn("intake-service", "forum-service");
                assertThat(Manifests.example("Secret", secret.getName())).as(secret.getName() + " documented").isTrue();
                continue;
            }
            // Database secrets are generated by CloudNativePG as <cluster>-app for a cluster of the base.
            assertThat(secret.getName()).endsWith("-app");
            Manifests.require("Cluster", secret.getName().substring(0, secret.getName().length() - "-app".length()));
        }
        assertThat(keys).contains("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD",
                "KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_OIDC_AUTH_SERVER_URL", "QUARKUS_OIDC_TOKEN_ISSUER");
        if (!name.equals("reporting-service")) {
            assertThat(keys).as("services that hold personal data need their vault's master key")
                    .contains("LANGNGHE_PERSONAL_MASTER_KEY");
        }
    }

    @Test
    void consoleReferencesOnlyTheDocumentedSecret() {
        Container container = deployment("console").getSpec().getTemplate().getSpec().getContainers().getFirst();
        for (EnvVar env : container.getEnv()) {
            assertThat(env.getValueFrom().getSecretKeyRef().getName()).isEqualTo("console-oidc");
        }
        assertThat(Manifests.all().stream().filter(d -> d.kind().equals("Secret") && d.name().equals("console-oidc")))
                .as("console-oidc is documented in examples/secrets.example.yaml").hasSize(1);
    }

    @Test
    void reportingConsumersNeverOutnumberPartitions() {
        int partitions = Manifests.base("KafkaTopic").stream()
                .map(d -> StrictModel.read(d.tree(), KafkaTopic.class))
                .filter(t -> KafkaTopologyTest.EVENT_TOPICS.contains(t.getSpec().getTopicName()))
                .mapToInt(t -> t.getSpec().getPartitions()).min().orElseThrow();
        for (String service : List.of("reporting-service", "intake-service")) {
            HorizontalPodAutoscaler hpa = StrictModel.read(Manifests.require("HorizontalPodAutoscaler", service).tree(),
                    HorizontalPodAutoscaler.class);
            assertThat(hpa.getSpec().getMaxReplicas()).as(service + " consumers <= partitions").isLessThanOrEqualTo(partitions);
        }
    }

    @Test
    void databaseConnectionsFitTheServer() {
        // quarkus.datasource.jdbc.max-size (24 in every application.properties) times the most replicas.
        int poolSize = 24;
        for (String service : SERVICES) {
            String db = service.replace("-service", "-db");
            int maxConnections = Integer.parseInt(Manifests.require("Cluster", db).spec().path("postgresql")
                    .path("parameters").path("max_connections").asText("100"));
            HorizontalPodAutoscaler hpa = StrictModel.read(Manifests.require("HorizontalPodAutoscaler", service).tree(),
                    HorizontalPodAutoscaler.class);
            assertThat(hpa.getSpec().getMaxReplicas() * poolSize).as(service + " pools vs " + db + " max_connections")
                    .isLessThanOrEqualTo(maxConnections - 10);
        }
    }
}
