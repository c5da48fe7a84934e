package vn.langnghe.intake.domain.clock;

/** Which length of a rule applies: complex cases (vụ việc phức tạp) and remote areas (vùng sâu, vùng xa) get longer. */
public enum CaseVariant {
    NORMAL,
    COMPLEX,
    REMOTE,
    REMOTE_COMPLEX;

    public static CaseVariant of(boolean remoteArea, boolean complex) {
        if (remoteArea) {
            return complex ? REMOTE_COMPLEX : REMOTE;
        }
        return complex ? COMPLEX : NORMAL;
    }
}
