package vn.langnghe.intake.personal;

/** Who reported (người phản ánh): personal data, kept only in the identity vault. */
public record ReporterIdentity(String fullName, String phone, String idNumber, String address, String email) {}
