package vn.langnghe.eventsourcing.decider;

/** A stored or received event whose type name this codec does not know. */
public final class UnknownEventType extends RuntimeException {
    public UnknownEventType(String type) {
        super("unknown event type " + type);
    }
}
