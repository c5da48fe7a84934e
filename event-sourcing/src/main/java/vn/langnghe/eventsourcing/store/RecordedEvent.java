package vn.langnghe.eventsourcing.store;

import java.time.Instant;
import java.util.UUID;

/** An event as it stands in the store. */
public record RecordedEvent(
        long globalPosition,
        String streamId,
        String streamType,
        long version,
        UUID eventId,
        String type,
        String dataJson,
        Instant effectiveAt,
        Instant recordedAt,
        String actor,
        UUID correlationId,
        UUID causationId) {}
