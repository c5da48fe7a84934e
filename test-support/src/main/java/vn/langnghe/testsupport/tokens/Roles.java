package vn.langnghe.testsupport.tokens;

/** The role names carried in the {@code groups} claim. */
public final class Roles {

    public static final String PARTNER = "partner";
    public static final String OFFICER = "officer";
    public static final String ORGANISER = "organiser";
    public static final String ANALYST = "analyst";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
