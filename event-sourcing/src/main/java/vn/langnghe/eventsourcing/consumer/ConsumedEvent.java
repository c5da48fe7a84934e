package vn.langnghe.eventsourcing.consumer;

import java.time.Instant;

/**
 * An event read from Kafka and checked: every attribute a handler may rely on is present.
 *
 * @param id CloudEvents id (the event id in the producer's store)
 * @param type stable type name, e.g. forum.OpinionEscalated.v1
 * @param source the producing service
 * @param streamId the stream (also the record key and partition key)
 * @param streamVersion the event's version in its stream, starting at 1
 * @param time when the producer recorded it
 * @param effectiveTime when it happened in the world
 * @param dataJson the event's JSON data
 */
public record ConsumedEvent(
        String id,
        String type,
        String source,
        String streamId,
        long streamVersion,
        Instant time,
        Instant effectiveTime,
        String dataJson) {}
