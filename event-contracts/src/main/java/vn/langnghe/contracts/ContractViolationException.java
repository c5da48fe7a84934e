package vn.langnghe.contracts;

import java.util.List;

/** Event data that breaks its contract: a consumer must stop or dead-letter it, never drop it. */
public class ContractViolationException extends RuntimeException {

    private final String typeName;
    private final List<Violation> violations;

    public ContractViolationException(String typeName, List<Violation> violations) {
        super(typeName + " breaks its contract: " + violations);
        this.typeName = typeName;
        this.violations = List.copyOf(violations);
    }

    public String typeName() {
        return typeName;
    }

    public List<Violation> violations() {
        return violations;
    }
}
