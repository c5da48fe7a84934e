package vn.langnghe.eventsourcing.relay;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * One producer sends both the events (CloudEvents, binary mode) and the position markers (plain text) in
 * one transaction, so its value serializer handles both.
 */
public final class RelayRecordSerializer implements Serializer<Object> {

    private final CloudEventSerializer cloudEvents = new CloudEventSerializer();

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        cloudEvents.configure(configs, isKey);
    }

    @Override
    public byte[] serialize(String topic, Object data) {
        throw new UnsupportedOperationException("CloudEvents need the record's headers");
    }

    @Override
    public byte[] serialize(String topic, Headers headers, Object data) {
        return switch (data) {
            case CloudEvent event -> cloudEvents.serialize(topic, headers, event);
            case String text -> text.getBytes(StandardCharsets.UTF_8);
            default -> throw new IllegalArgumentException("the relay sends CloudEvents and markers, not "
                    + data.getClass().getName());
        };
    }

    @Override
    public void close() {
        cloudEvents.close();
    }
}
