package vn.langnghe.eventsourcing.consumer;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Applies one event to the consumer's own tables, inside the transaction that also moves the
 * checkpoint. A handler must only use the given connection. Types it does not care about it ignores.
 */
@FunctionalInterface
public interface EventHandler {
    void apply(Connection tx, ConsumedEvent event) throws SQLException;
}
