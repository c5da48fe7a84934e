package vn.langnghe.eventsourcing.cloudevents;

/**
 * CloudEvents extension attributes this system adds to every event (binary mode puts each in a
 * {@code ce_<name>} Kafka header). Names follow the spec: lower-case letters and digits only.
 */
public final class EventHeaders {

    /** Kafka binding's partitioning extension: the stream id, also the record key. */
    public static final String PARTITION_KEY = "partitionkey";
    /** The event's version within its stream (1, 2, ...), for ordering and de-duplication. */
    public static final String STREAM_VERSION = "streamversion";
    /** The aggregate type of the stream, e.g. submission or forum. */
    public static final String STREAM_TYPE = "streamtype";
    /** When it happened in the world; {@code time} is when the system recorded it. */
    public static final String EFFECTIVE_TIME = "effectivetime";
    public static final String CORRELATION_ID = "correlationid";
    public static final String CAUSATION_ID = "causationid";
    /** The authenticated subject who caused it (an officer or a portal), never a citizen. */
    public static final String ACTOR = "actor";

    private EventHeaders() {}
}
