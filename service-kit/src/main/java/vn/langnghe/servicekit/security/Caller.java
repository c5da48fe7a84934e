package vn.langnghe.servicekit.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, from the verified token: subject, roles ({@code groups}), the officer's or
 * organiser's unit ({@code unit_id}) and, for partner portals, the client id ({@code azp}).
 */
@RequestScoped
public class Caller {

    public static final String UNIT_CLAIM = "unit_id";
    public static final String CLIENT_CLAIM = "azp";

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    Caller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public boolean isAnonymous() {
        return identity.isAnonymous();
    }

    public String subject() {
        return identity.isAnonymous() ? "anonymous" : token.getSubject();
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public Optional<String> unitId() {
        return claim(UNIT_CLAIM);
    }

    public Optional<String> clientId() {
        return claim(CLIENT_CLAIM);
    }

    private Optional<String> claim(String name) {
        if (identity.isAnonymous()) {
            return Optional.empty();
        }
        Object value = token.getClaim(name);
        return value == null ? Optional.empty() : Optional.of(value.toString().replace("\"", ""));
    }
}
