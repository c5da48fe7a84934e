package vn.langnghe.eventsourcing.consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import vn.langnghe.eventsourcing.cloudevents.CloudEventMapping;
import vn.langnghe.eventsourcing.cloudevents.EventHeaders;
import vn.langnghe.eventsourcing.decider.JacksonEventCodec;

/** Reads a Kafka record as a CloudEvent and checks everything a consumer relies on. */
public final class CloudEventDecoder {

    private final CloudEventDeserializer deserializer = new CloudEventDeserializer();
    private final ObjectMapper json = JacksonEventCodec.defaultMapper();

    public ConsumedEvent decode(ConsumerRecord<String, byte[]> record) {
        CloudEvent event;
        try {
            event = deserializer.deserialize(record.topic(), record.headers(), record.value());
        } catch (RuntimeException e) {
            throw new UndecodableEvent("not a CloudEvent: " + e.getMessage(), e);
        }
        String streamId = required(event, EventHeaders.PARTITION_KEY);
        if (record.key() != null && !record.key().equals(streamId)) {
            throw new UndecodableEvent("record key " + record.key() + " differs from partitionkey " + streamId);
        }
        long version = parseVersion(required(event, EventHeaders.STREAM_VERSION));
        if (event.getDataContentType() != null && !event.getDataContentType().startsWith(CloudEventMapping.JSON)) {
            throw new UndecodableEvent("data is " + event.getDataContentType() + ", expected JSON");
        }
        if (event.getData() == null) {
            throw new UndecodableEvent("event " + event.getId() + " has no data");
        }
        String data = new String(event.getData().toBytes(), StandardCharsets.UTF_8);
        checkJsonObject(data);
        Instant time = event.getTime() == null ? null : event.getTime().toInstant();
        Object effective = event.getExtension(EventHeaders.EFFECTIVE_TIME);
        Instant effectiveTime = effective == null ? time : parseInstant(effective.toString());
        return new ConsumedEvent(event.getId(), event.getType(), event.getSource().toString(), streamId, version, time,
                effectiveTime, data);
    }

    private static String required(CloudEvent event, String extension) {
        Object value = event.getExtension(extension);
        if (value == null || value.toString().isBlank()) {
            throw new UndecodableEvent("event " + event.getId() + " lacks the " + extension + " attribute");
        }
        return value.toString();
    }

    private static long parseVersion(String text) {
        try {
            long version = Long.parseLong(text);
            if (version < 1) {
                throw new UndecodableEvent("stream version must be at least 1, was " + version);
            }
            return version;
        } catch (NumberFormatException e) {
            throw new UndecodableEvent("stream version is not a number: " + text, e);
        }
    }

    private static Instant parseInstant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new UndecodableEvent("effective time is not an ISO-8601 instant: " + text, e);
        }
    }

    private void checkJsonObject(String data) {
        try {
            JsonNode node = json.readTree(data);
            if (node == null || !node.isObject()) {
                throw new UndecodableEvent("data is not a JSON object");
            }
        } catch (IOException e) {
            throw new UndecodableEvent("data is not valid JSON: " + e.getMessage(), e);
        }
    }
}
