package vn.langnghe.eventsourcing.decider;

/** Turns domain events into stored (type name, JSON) pairs and back; upcasting happens in decode. */
public interface EventCodec<E> {

    String typeOf(E event);

    String encode(E event);

    E decode(String type, String json);
}
