package vn.langnghe.reporting.projection;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import vn.langnghe.eventsourcing.consumer.ConsumedEvent;

/**
 * A read model built from events: its tables live in one PostgreSQL schema per generation
 * ({@code rp_<name>_g<N>}), so a rebuild can fill a fresh generation while the active one keeps serving.
 * A projection holds no personal data and must be deterministic: the same events, in stream order,
 * give the same rows, whatever the interleaving of streams (no serial ids, no wall-clock columns).
 */
public interface Projection {

    /** Short name, {@code [a-z]+}: part of the schema and consumer names. */
    String name();

    List<String> topics();

    /** CREATE statements for the projection's tables in {@code schema}. */
    List<String> ddl(String schema);

    /** The projection's tables, for digests. */
    List<String> tables();

    /** Applies one event inside the checkpoint's transaction; throws UndecodableEvent for poison. */
    void apply(Connection tx, String schema, ConsumedEvent event) throws SQLException;

    /**
     * Applies a poll's events, in the order given (each stream's in version order), inside the checkpoints'
     * transaction. A projection that can write them in fewer statements overrides this; its rows must be
     * exactly those of applying the events one by one (rebuilds are compared by digest).
     */
    default void applyAll(Connection tx, String schema, List<ConsumedEvent> events) throws SQLException {
        for (ConsumedEvent event : events) {
            apply(tx, schema, event);
        }
    }
}
