package vn.langnghe.reporting.projection.flow;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
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
        try (PreparedStatement upsert = tx.prepareStatement("INSERT INTO " + schema + ".event_flow_daily (source,"
                + " event_type, day, events) VALUES (?, ?, ?, 1) ON CONFLICT (source, event_type, day)"
                + " DO UPDATE SET events = event_flow_daily.events + 1")) {
            upsert.setString(1, event.source());
            upsert.setString(2, event.type());
            upsert.setDate(3, Date.valueOf(Decoding.day(event.effectiveTime() != null ? event.effectiveTime()
                    : Decoding.recordedAt(event))));
            upsert.executeUpdate();
        }
    }
}
