package vn.langnghe.hostile;

import vn.langnghe.testsupport.tokens.Roles;
import vn.langnghe.testsupport.tokens.TokenSpec;

/** Who calls an operation in its valid form, and the same caller moved to another unit or partner. */
final class Callers {

    private Callers() {
    }

    /**
     * The first role the operation's security names; "any authenticated" gets an officer; the live feed
     * (declared without security, checked by the resource) an organiser; public operations nobody.
     */
    static TokenSpec of(ApiOperation operation) {
        if (operation.roles() == null) {
            return operation.path().endsWith("/live") ? ofRole(Roles.ORGANISER) : null;
        }
        return ofRole(operation.roles().isEmpty() ? Roles.OFFICER : operation.roles().get(0));
    }

    static TokenSpec ofRole(String role) {
        return switch (role) {
            case Roles.PARTNER -> TokenSpec.partner(SeedData.PARTNER);
            case Roles.OFFICER -> TokenSpec.officer(SeedData.CITY);
            case Roles.ORGANISER -> TokenSpec.organiser(SeedData.CITY);
            case Roles.ANALYST -> TokenSpec.analyst(SeedData.CITY);
            case Roles.ADMIN -> TokenSpec.admin();
            default -> throw new IllegalStateException("no caller for the role " + role);
        };
    }

    /** The same role in another unit (or as another partner portal); an admin has no other unit. */
    static TokenSpec elsewhere(TokenSpec caller) {
        if (caller.groups().contains(Roles.PARTNER)) {
            return TokenSpec.partner(SeedData.OTHER_PARTNER);
        }
        return caller.unitId() == null ? caller : caller.withUnitId(SeedData.OTHER_CITY)
                .withSubject(caller.subject() + "-elsewhere");
    }

    /** A role the operation does not name, or null when it admits every role. */
    static TokenSpec withoutTheRole(ApiOperation operation) {
        if (operation.roles() == null || operation.roles().isEmpty()) {
            return null;
        }
        for (String role : new String[] {Roles.PARTNER, Roles.ANALYST, Roles.ORGANISER, Roles.OFFICER}) {
            if (!operation.roles().contains(role)) {
                return ofRole(role);
            }
        }
        return null;
    }
}
