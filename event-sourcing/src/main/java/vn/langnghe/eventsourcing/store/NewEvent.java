package vn.langnghe.eventsourcing.store;

import java.util.Objects;
import java.util.UUID;

/** An event about to be appended: its stable type name and its JSON data. */
public record NewEvent(UUID eventId, String type, String dataJson) {

    public NewEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(dataJson, "dataJson");
    }

    public static NewEvent of(String type, String dataJson) {
        return new NewEvent(UUID.randomUUID(), type, dataJson);
    }
}
