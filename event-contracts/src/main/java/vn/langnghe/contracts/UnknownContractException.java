package vn.langnghe.contracts;

/** A type name that no released contract has: such an event must stop the consumer, never vanish. */
public class UnknownContractException extends RuntimeException {

    public UnknownContractException(String typeName) {
        super("no released contract has the type name '" + typeName + "'");
    }
}
