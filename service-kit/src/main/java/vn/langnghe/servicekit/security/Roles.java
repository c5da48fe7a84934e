package vn.langnghe.servicekit.security;

/** Roles, read from the token's {@code groups} claim. */
public final class Roles {
    /** A partner portal (machine client): submits and reads only its own submissions. */
    public static final String PARTNER = "partner";
    /** An intake officer (cán bộ tiếp công dân): handles submissions of their unit subtree. */
    public static final String OFFICER = "officer";
    /** A forum organiser: forums of their unit subtree. */
    public static final String ORGANISER = "organiser";
    /** Reports only, never personal data. */
    public static final String ANALYST = "analyst";
    public static final String ADMIN = "admin";

    private Roles() {}
}
