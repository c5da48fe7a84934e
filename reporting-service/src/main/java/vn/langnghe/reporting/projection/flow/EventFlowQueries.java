package vn.langnghe.reporting.projection.flow;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import vn.langnghe.eventsourcing.store.SqlErrors;
import vn.langnghe.reporting.projection.Projections;

/** Reads the event flow read model. */
@ApplicationScoped
public class EventFlowQueries {

    public record FlowRow(String source, String eventType, LocalDate day, long events) {}

    private final DataSource dataSource;
    private final Projections projections;

    EventFlowQueries(DataSource dataSource, Projections projections) {
        this.dataSource = dataSource;
        this.projections = projections;
    }

    public List<FlowRow> between(LocalDate from, LocalDate to) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT source, event_type, day, events FROM "
                        + projections.activeSchema(EventFlowProjection.NAME) + ".event_flow_daily"
                        + " WHERE day BETWEEN ? AND ? ORDER BY day, source, event_type")) {
            s.setObject(1, from);
            s.setObject(2, to);
            List<FlowRow> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new FlowRow(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                            rs.getLong(4)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }
}
