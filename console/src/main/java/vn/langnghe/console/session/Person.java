package vn.langnghe.console.session;

import java.util.Set;

/**
 * Who is signed in, as their token says: subject, a display name, roles ({@code groups}) and unit
 * ({@code unit_id}). The services decide what the person may do; the console only picks the pages to show.
 */
public record Person(String subject, String displayName, Set<String> roles, String unitId) {

    public static final String ORGANISER = "organiser";
    public static final String OFFICER = "officer";
    public static final String ANALYST = "analyst";
    public static final String ADMIN = "admin";

    public Person {
        roles = Set.copyOf(roles);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }
}
