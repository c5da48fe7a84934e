package vn.langnghe.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** deploy/keycloak/langnghe-realm.json: roles, partner clients, the console client, the claims the services read. */
class RealmExportTest {

    static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    static Path realmFile() {
        return Manifests.deployDir().resolve("keycloak/langnghe-realm.json");
    }

    static JsonNode realm() throws Exception {
        return JSON.readTree(realmFile().toFile());
    }

    static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    static JsonNode client(JsonNode realm, String clientId) {
        return list(realm.path("clients")).stream().filter(c -> c.path("clientId").asText().equals(clientId))
                .findFirst().orElseThrow(() -> new AssertionError("no client " + clientId));
    }

    @Test
    void theFiveRoles() throws Exception {
        JsonNode realm = realm();
        assertThat(realm.path("realm").asText()).isEqualTo("langnghe");
        assertThat(realm.path("sslRequired").asText()).isIn("external", "all");
        assertThat(list(realm.path("roles").path("realm"))).extracting(r -> r.path("name").asText())
                .contains("partner", "officer", "organiser", "analyst", "admin");
    }

    @Test
    void aConfidentialClientCredentialsClientPerPartnerPortal() throws Exception {
        JsonNode realm = realm();
        List<JsonNode> partners = new ArrayList<>();
        for (JsonNode user : list(realm.path("users"))) {
            if (user.has("serviceAccountClientId") && list(user.path("realmRoles")).stream().anyMatch(r -> r.asText().equals("partner"))) {
                partners.add(client(realm, user.path("serviceAccountClientId").asText()));
            }
        }
        assertThat(partners).as("partner portals (service accounts with role partner)").hasSizeGreaterThanOrEqualTo(2);
        for (JsonNode partner : partners) {
            String id = partner.path("clientId").asText();
            assertThat(partner.path("publicClient").asBoolean(true)).as(id + " confidential").isFalse();
            assertThat(partner.path("serviceAccountsEnabled").asBoolean()).as(id + " client credentials").isTrue();
            assertThat(partner.path("standardFlowEnabled").asBoolean(true)).as(id).isFalse();
            assertThat(partner.path("implicitFlowEnabled").asBoolean(true)).as(id).isFalse();
            assertThat(partner.path("directAccessGrantsEnabled").asBoolean(true)).as(id).isFalse();
            assertThat(partner.path("clientAuthenticatorType").asText()).isIn("client-secret", "client-jwt", "client-secret-jwt");
            assertThat(scopes(partner)).contains("langnghe-claims");
        }
    }

    @Test
    void theConsoleUsesAuthorizationCodeWithPkce() throws Exception {
        JsonNode console = client(realm(), "langnghe-console");
        assertThat(console.path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(console.path("implicitFlowEnabled").asBoolean(true)).isFalse();
        assertThat(console.path("directAccessGrantsEnabled").asBoolean(true)).isFalse();
        assertThat(console.path("serviceAccountsEnabled").asBoolean(true)).isFalse();
        assertThat(console.path("attributes").path("pkce.code.challenge.method").asText()).isEqualTo("S256");
        assertThat(list(console.path("redirectUris"))).isNotEmpty()
                .allSatisfy(uri -> assertThat(uri.asText()).startsWith("https://").isNotEqualTo("*"));
        assertThat(scopes(console)).contains("langnghe-claims");
    }

    @Test
    void theClaimsTheServicesRead() throws Exception {
        JsonNode realm = realm();
        JsonNode scope = list(realm.path("clientScopes")).stream()
                .filter(s -> s.path("name").asText().equals("langnghe-claims")).findFirst().orElseThrow();
        JsonNode unit = mapper(scope, "oidc-usermodel-attribute-mapper", "unit_id");
        assertThat(unit.path("config").path("user.attribute").asText()).isEqualTo("unit_id");
        assertThat(unit.path("config").path("access.token.claim").asText()).isEqualTo("true");
        JsonNode groups = mapper(scope, "oidc-usermodel-realm-role-mapper", "groups");
        assertThat(groups.path("config").path("multivalued").asText()).isEqualTo("true");
        assertThat(groups.path("config").path("access.token.claim").asText()).isEqualTo("true");
        // The subject: with explicit client scopes, Keycloak's 'basic' scope must be declared too.
        JsonNode basic = list(realm.path("clientScopes")).stream()
                .filter(s -> s.path("name").asText().equals("basic")).findFirst().orElseThrow();
        assertThat(list(basic.path("protocolMappers"))).extracting(m -> m.path("protocolMapper").asText()).contains("oidc-sub-mapper");
        for (JsonNode client : list(realm.path("clients"))) {
            assertThat(scopes(client)).as(client.path("clientId").asText()).contains("basic", "langnghe-claims");
        }
    }

    @Test
    void onlyAdministratorsSetAUsersUnit() throws Exception {
        JsonNode provider = realm().path("components").path("org.keycloak.userprofile.UserProfileProvider").get(0);
        JsonNode profile = JSON.readTree(provider.path("config").path("kc.user.profile.config").get(0).asText());
        JsonNode unit = list(profile.path("attributes")).stream()
                .filter(a -> a.path("name").asText().equals("unit_id")).findFirst().orElseThrow();
        assertThat(list(unit.path("permissions").path("edit"))).extracting(JsonNode::asText).containsExactly("admin");
        String pattern = unit.path("validations").path("pattern").path("pattern").asText();
        assertThat("HP-LECHAN-ANDUONG").matches(pattern);
        assertThat("hp lechan").doesNotMatch(pattern);
    }

    @Test
    void noSecretInTheExport() throws Exception {
        List<String> found = new ArrayList<>();
        walk(realm(), "", found);
        assertThat(found).isEmpty();
    }

    private static void walk(JsonNode node, String path, List<String> found) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                String key = e.getKey().toLowerCase();
                if ((key.equals("secret") || key.equals("credentials") || key.equals("password") || key.equals("hashedsecret")
                        || key.equals("privatekey")) && !e.getValue().isNull()) {
                    found.add(path + "." + e.getKey());
                }
                walk(e.getValue(), path + "." + e.getKey(), found);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", found);
            }
        }
    }

    private static JsonNode mapper(JsonNode scope, String type, String claim) {
        return list(scope.path("protocolMappers")).stream()
                .filter(m -> m.path("protocolMapper").asText().equals(type))
                .filter(m -> m.path("config").path("claim.name").asText().equals(claim))
                .findFirst().orElseThrow(() -> new AssertionError("no " + type + " for claim " + claim));
    }

    private static Set<String> scopes(JsonNode client) {
        Set<String> scopes = new HashSet<>();
        client.path("defaultClientScopes").forEach(s -> scopes.add(s.asText()));
        return scopes;
    }
}
