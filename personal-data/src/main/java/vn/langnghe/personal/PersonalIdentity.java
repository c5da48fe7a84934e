package vn.langnghe.personal;

/**
 * Who reported (người phản ánh). Lives only encrypted in the identity vault; events carry its reference.
 * toString is redacted so an identity logged by mistake shows nothing.
 */
public record PersonalIdentity(String fullName, String phone, String idNumber, String address, String email) {

    @Override
    public String toString() {
        return "PersonalIdentity[redacted]";
    }
}
