package vn.langnghe.reporting.projection.flow;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneId;
import vn.langnghe.eventsourcing.consumer.ConsumedEvent;
import vn.langnghe.eventsourcing.consumer.EventHandler;

/** Counts every event by source, type and Vietnamese day of its effective time. */
public final class EventFlowProjector implements EventHandler {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Override
    public void apply(Connection tx, ConsumedEvent event) throws SQLException {
        try (PreparedStatement upsert = tx.prepareStatement("INSERT INTO event_flow_daily (source, event_type, day,"
                + " events) VALUES (?, ?, ?, 1) ON CONFLICT (source, event_type, day)"
                + " DO UPDATE SET events = event_flow_daily.events + 1")) {
            upsert.setString(1, event.source());
            upsert.setString(2, event.type());
            upsert.setDate(3, Date.valueOf(event.effectiveTime().atZone(VIETNAM).toLocalDate()));
            upsert.executeUpdate();
        }
    }
}
