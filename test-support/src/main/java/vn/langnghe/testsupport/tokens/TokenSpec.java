package vn.langnghe.testsupport.tokens;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * What a token says. {@code unitId} becomes the {@code unit_id} claim and {@code azp} the authorised party (the
 * partner portal's client id); both may be null and are then left out.
 */
public record TokenSpec(String subject, Set<String> groups, String unitId, String azp, String preferredUsername,
        Duration lifetime, Map<String, Object> extraClaims) {

    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

    public TokenSpec {
        groups = Set.copyOf(groups);
        extraClaims = Map.copyOf(extraClaims);
        if (lifetime == null) {
            lifetime = DEFAULT_LIFETIME;
        }
    }

    public static TokenSpec of(String subject, String... groups) {
        return new TokenSpec(subject, Set.of(groups), null, null, subject, DEFAULT_LIFETIME, Map.of());
    }

    public static TokenSpec officer(String unitId) {
        return of("officer-" + unitId, Roles.OFFICER).withUnitId(unitId);
    }

    public static TokenSpec organiser(String unitId) {
        return of("organiser-" + unitId, Roles.ORGANISER).withUnitId(unitId);
    }

    public static TokenSpec analyst(String unitId) {
        return of("analyst-" + unitId, Roles.ANALYST).withUnitId(unitId);
    }

    public static TokenSpec admin() {
        return of("admin", Roles.ADMIN);
    }

    public static TokenSpec partner(String clientId) {
        return of("service-account-" + clientId, Roles.PARTNER).withAzp(clientId);
    }

    public TokenSpec withSubject(String value) {
        return new TokenSpec(value, groups, unitId, azp, preferredUsername, lifetime, extraClaims);
    }

    public TokenSpec withGroups(String... value) {
        return new TokenSpec(subject, Set.of(value), unitId, azp, preferredUsername, lifetime, extraClaims);
    }

    public TokenSpec withUnitId(String value) {
        return new TokenSpec(subject, groups, value, azp, preferredUsername, lifetime, extraClaims);
    }

    public TokenSpec withAzp(String value) {
        return new TokenSpec(subject, groups, unitId, value, preferredUsername, lifetime, extraClaims);
    }

    public TokenSpec withPreferredUsername(String value) {
        return new TokenSpec(subject, groups, unitId, azp, value, lifetime, extraClaims);
    }

    public TokenSpec withLifetime(Duration value) {
        return new TokenSpec(subject, groups, unitId, azp, preferredUsername, value, extraClaims);
    }

    public TokenSpec withClaim(String name, Object value) {
        Map<String, Object> claims = new java.util.HashMap<>(extraClaims);
        claims.put(name, value);
        return new TokenSpec(subject, groups, unitId, azp, preferredUsername, lifetime, claims);
    }
}
