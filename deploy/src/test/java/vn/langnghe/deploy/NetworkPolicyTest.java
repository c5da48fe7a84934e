package vn.langnghe.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each service reaches only DNS, Kafka, its own database(s) and the OIDC provider; the console no Kafka or database. */
class NetworkPolicyTest {

    enum Destination { DNS, KAFKA, OWN_DATABASE, OIDC, SERVICES }

    static final Map<String, Set<String>> OWN_DATABASES = Map.of(
            "intake-service", Set.of("intake-db", "intake-keyring-db"),
            "forum-service", Set.of("forum-db"),
            "reporting-service", Set.of("reporting-db"));

    static NetworkPolicy policyFor(String app) {
        List<NetworkPolicy> policies = Manifests.base("NetworkPolicy").stream()
                .map(d -> StrictModel.read(d.tree(), NetworkPolicy.class))
                .filter(p -> app.equals(p.getSpec().getPodSelector().getMatchLabels().get("app.kubernetes.io/name")))
                .toList();
        assertThat(policies).as("one NetworkPolicy selecting " + app).hasSize(1);
        NetworkPolicy policy = policies.getFirst();
        assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        return policy;
    }

    /** Classifies one egress peer; fails on anything not allowed for this app. */
    static Destination classify(String app, NetworkPolicyPeer peer) {
        assertThat(peer.getIpBlock()).as(app + ": no ipBlock egress").isNull();
        Map<String, String> pods = labels(peer.getPodSelector());
        Map<String, String> namespaces = labels(peer.getNamespaceSelector());
        if (namespaces.equals(Map.of("kubernetes.io/metadata.name", "kube-system")) && pods.equals(Map.of("k8s-app", "kube-dns"))) {
            return Destination.DNS;
        }
        if (namespaces.equals(Map.of("kubernetes.io/metadata.name", "keycloak")) && pods.equals(Map.of("app", "keycloak"))) {
            return Destination.OIDC;
        }
        assertThat(peer.getNamespaceSelector()).as(app + ": other namespaces only for DNS and OIDC: " + peer).isNull();
        if (pods.equals(Map.of("strimzi.io/cluster", "langnghe", "strimzi.io/kind", "Kafka"))) {
            assertThat(app).as("the console never talks to Kafka").isNotEqualTo("console");
            return Destination.KAFKA;
        }
        if (pods.containsKey("cnpg.io/cluster")) {
            assertThat(pods).hasSize(1);
            assertThat(OWN_DATABASES.getOrDefault(app, Set.of())).as(app + " may reach only its own databases")
                    .contains(pods.get("cnpg.io/cluster"));
            return Destination.OWN_DATABASE;
        }
        if (app.equals("console") && pods.size() == 1 && OWN_DATABASES.containsKey(pods.get("app.kubernetes.io/name"))) {
            return Destination.SERVICES;
        }
        throw new AssertionError(app + ": egress to " + peer + " is not allowed");
    }

    private static Map<String, String> labels(LabelSelector selector) {
        if (selector == null) {
            return Map.of();
        }
        assertThat(selector.getMatchExpressions()).isNullOrEmpty();
        return selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
    }

    @ParameterizedTest
    @ValueSource(strings = {"intake-service", "forum-service", "reporting-service", "console"})
    void egressOnlyWhereItMustGo(String app) {
        NetworkPolicy policy = policyFor(app);
        EnumSet<Destination> reached = EnumSet.noneOf(Destination.class);
        Set<String> databases = new java.util.HashSet<>();
        for (NetworkPolicyEgressRule rule : policy.getSpec().getEgress()) {
            assertThat(rule.getTo()).as(app + ": an egress rule without 'to' allows every destination").isNotEmpty();
            assertThat(rule.getPorts()).as(app + ": an egress rule without ports allows every port").isNotEmpty();
            Set<Destination> inRule = EnumSet.noneOf(Destination.class);
            for (NetworkPolicyPeer peer : rule.getTo()) {
                Destination destination = classify(app, peer);
                inRule.add(destination);
                if (destination == Destination.OWN_DATABASE) {
                    databases.add(peer.getPodSelector().getMatchLabels().get("cnpg.io/cluster"));
                }
            }
            assertThat(inRule).as(app + ": one kind of destination per rule, so ports do not leak").hasSize(1);
            Set<Integer> ports = new java.util.HashSet<>();
            for (NetworkPolicyPort port : rule.getPorts()) {
                ports.add(port.getPort().getIntVal());
            }
            Destination destination = inRule.iterator().next();
            Set<Integer> allowed = switch (destination) {
                case DNS -> Set.of(53);
                case KAFKA -> Set.of(9092);
                case OWN_DATABASE -> Set.of(5432);
                case OIDC -> Set.of(8080, 8443);
                case SERVICES -> Set.of(8081, 8082, 8083);
            };
            assertThat(allowed).as(app + " ports to " + destination).containsAll(ports);
            reached.addAll(inRule);
        }
        if (app.equals("console")) {
            assertThat(reached).containsExactlyInAnyOrder(Destination.DNS, Destination.OIDC, Destination.SERVICES);
        } else {
            assertThat(reached).containsExactlyInAnyOrder(Destination.DNS, Destination.KAFKA, Destination.OWN_DATABASE,
                    Destination.OIDC);
            assertThat(databases).isEqualTo(OWN_DATABASES.get(app));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"intake-service", "forum-service", "reporting-service"})
    void ingressOnlyOnTheHttpPort(String app) {
        NetworkPolicy policy = policyFor(app);
        int port = WorkloadPolicyTest.PORTS.get(app);
        policy.getSpec().getIngress().forEach(rule -> {
            assertThat(rule.getFrom()).isNotEmpty();
            assertThat(rule.getPorts()).extracting(p -> p.getPort().getIntVal()).containsOnly(port);
        });
    }

    @Test
    void eachDatabaseAcceptsOnlyItsOwnService() {
        OWN_DATABASES.forEach((service, clusters) -> clusters.forEach(cluster -> {
            NetworkPolicy policy = StrictModel.read(Manifests.require("NetworkPolicy", cluster).tree(), NetworkPolicy.class);
            assertThat(policy.getSpec().getPodSelector().getMatchLabels()).isEqualTo(Map.of("cnpg.io/cluster", cluster));
            policy.getSpec().getIngress().forEach(rule -> rule.getFrom().forEach(peer -> {
                Map<String, String> pods = labels(peer.getPodSelector());
                Map<String, String> namespaces = labels(peer.getNamespaceSelector());
                boolean ownService = pods.equals(Map.of("app.kubernetes.io/name", service)) && peer.getNamespaceSelector() == null;
                boolean ownInstances = pods.equals(Map.of("cnpg.io/cluster", cluster)) && peer.getNamespaceSelector() == null;
                boolean operator = namespaces.equals(Map.of("kubernetes.io/metadata.name", "cnpg-system"));
                assertThat(ownService || ownInstances || operator).as(cluster + " ingress from " + peer).isTrue();
            }));
        }));
    }

    @Test
    void kafkaListenerAdmitsOnlyTheThreeServices() {
        var kafka = StrictModel.read(Manifests.base("Kafka").getFirst().tree(), io.strimzi.api.kafka.model.kafka.Kafka.class);
        kafka.getSpec().getKafka().getListeners().forEach(listener -> {
            assertThat(listener.getNetworkPolicyPeers()).isNotEmpty();
            assertThat(listener.getNetworkPolicyPeers()).extracting(p -> p.getPodSelector().getMatchLabels().get("app.kubernetes.io/name"))
                    .containsExactlyInAnyOrderElementsOf(OWN_DATABASES.keySet());
        });
    }
}
