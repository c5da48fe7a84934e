package vn.langnghe.eventsourcing.cloudevents;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import vn.langnghe.eventsourcing.store.RecordedEvent;

/** The one place where a stored event becomes a CloudEvent 1.0. */
public final class CloudEventMapping {

    public static final String JSON = "application/json";

    private CloudEventMapping() {}

    public static CloudEvent toCloudEvent(RecordedEvent event, URI source) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(event.eventId().toString())
                .withType(event.type())
                .withSource(source)
                .withSubject(event.streamId())
                .withTime(event.recordedAt().atOffset(ZoneOffset.UTC))
                .withDataContentType(JSON)
                .withData(event.dataJson().getBytes(StandardCharsets.UTF_8))
                .withExtension(EventHeaders.PARTITION_KEY, event.streamId())
                .withExtension(EventHeaders.STREAM_VERSION, Long.toString(event.version()))
                .withExtension(EventHeaders.STREAM_TYPE, event.streamType())
                .withExtension(EventHeaders.EFFECTIVE_TIME, event.effectiveAt().toString());
        if (event.actor() != null) {
            builder.withExtension(EventHeaders.ACTOR, event.actor());
        }
        if (event.correlationId() != null) {
            builder.withExtension(EventHeaders.CORRELATION_ID, event.correlationId().toString());
        }
        if (event.causationId() != null) {
            builder.withExtension(EventHeaders.CAUSATION_ID, event.causationId().toString());
        }
        return builder.build();
    }
}
