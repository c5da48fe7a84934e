package vn.langnghe.reporting.projection.flow;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.langnghe.contracts.Topics;
import vn.langnghe.eventsourcing.consumer.ConsumedEvent;
import vn.langnghe.reporting.projection.Decoding;
import vn.langnghe.reporting.projection.Projection;

/**
 * Counts every event by source, type and Vietnamese day of its effective time, whatever its type: the
 * pipeline seen end to end (an event the other projections dead-letter is still counted here).
 */
@ApplicationScoped
public class EventFlowProjection implements Projection {

    public static final String NAME = "flow";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.INTAKE_SUBMISSION_EVENTS, Topics.FORUM_FORUM_EVENTS);
    }

    @Override
    public List<String> ddl(String schema) {
        return List.of("CREATE TABLE " + schema + ".event_flow_daily (source TEXT NOT NULL, event_type TEXT NOT NULL,"
                + " day DATE NOT NULL, events BIGINT NOT NULL, PRIMARY KEY (source, event_type, day))");
    }

    @Override
    public List<String> tables() {
        return List.of("event_flow_daily");
    }

    @Override
    public void apply(Connection tx, String schema, ConsumedEvent event) throws SQLException {
        applyAll(tx, schema, List.of(event));
    }

    /** Counts the batch in memory, then adds each (source, type, day) count with one upsert row of a JDBC batch. */
    @Override
    public void applyAll(Connection tx, String schema, List<ConsumedEvent> events) throws SQLException {
        Map<Key, Long> counts = new TreeMap<>();
        for (ConsumedEvent event : events) {
            LocalDate day = Decoding.day(event.effectiveTime() != null ? event.effectiveTime()
                    : Decoding.recordedAt(event));
            counts.merge(new Key(event.source(), event.type(), day), 1L, Long::sum);
        }
        try (PreparedStatement upsert = tx.prepareStatement("INSERT INTO " + schema + ".event_flow_daily (source,"
                + " event_type, day, events) VALUES (?, ?, ?, ?) ON CONFLICT (source, event_type, day)"
                + " DO UPDATE SET events = event_flow_daily.events + excluded.events")) {
            for (Map.Entry<Key, Long> count : counts.entrySet()) {
                upsert.setString(1, count.getKey().source());
                upsert.setString(2, count.getKey().type());
                upsert.setDate(3, Date.valueOf(count.getKey().day()));
                upsert.setLong(4, count.getValue());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    /** One row of event_flow_daily; sorted, so concurrent batches lock rows in the same order. */
    private record Key(String source, String type, LocalDate day) implements Comparable<Key> {
        private static final Comparator<Key> ORDER =
                Comparator.comparing(Key::source).thenComparing(Key::type).thenComparing(Key::day);

        @Override
        public int compareTo(Key other) {
            return ORDER.compare(this, other);
        }
    }
}
