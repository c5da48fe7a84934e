package vn.langnghe.eventsourcing.consumer;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Applies events to the consumer's own tables, inside the transaction that also moves the checkpoints.
 * A handler must only use the given connection. Types it does not care about it ignores.
 */
@FunctionalInterface
public interface EventHandler {

    void apply(Connection tx, ConsumedEvent event) throws SQLException;

    /**
     * Applies a poll's events, in the order given (each stream's in version order), in one transaction. A
     * handler that can write many rows at once overrides this; the rows must be the same as applying the
     * events one by one. Throwing rolls back the whole batch; {@link UndecodableEvent} makes the consumer
     * retry the poll event by event, so that only the poison is set aside.
     */
    default void applyAll(Connection tx, List<ConsumedEvent> events) throws SQLException {
        for (ConsumedEvent event : events) {
            apply(tx, event);
        }
    }
}
