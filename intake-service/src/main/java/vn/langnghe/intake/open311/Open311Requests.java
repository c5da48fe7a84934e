package vn.langnghe.intake.open311;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import vn.langnghe.eventsourcing.store.SqlErrors;

/**
 * The facade's own table: which submissions came through Open311, from which client, for which service
 * code, at which coordinates. Every query is scoped to the calling client and to the kinds the facade
 * serves: a request an officer reclassified as a complaint, a denunciation or a crime report leaves the
 * facade (it is then followed with the police, not through a third-party portal).
 */
@ApplicationScoped
class Open311Requests {

    /** A request as the facade shows it: the native read model's status and dates plus the facade's columns. */
    record Entry(UUID id, String trackingCode, String kind, String status, String unitId, String publicSummary,
            LocalDate nextDue, LocalDate closedOn, OffsetDateTime updatedAt, String serviceCode, BigDecimal lat,
            BigDecimal lon, OffsetDateTime requestedAt) {}

    /** The filters of GET requests; null means "no filter". */
    record Query(List<UUID> ids, List<String> serviceCodes, Instant start, Instant end, Boolean open, String unitId,
            int limit) {}

    private static final String SELECT = "SELECT s.id, s.tracking_code, s.kind, s.status, s.unit_id, s.public_summary,"
            + " s.next_due, s.closed_on, s.updated_at, o.service_code, o.lat, o.long, o.requested_at"
            + " FROM open311_requests o JOIN submissions s ON s.id = o.submission_id"
            + " WHERE o.client_id = ? AND s.kind IN ('TIP', 'PETITION')";

    private final DataSource dataSource;

    Open311Requests(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Remembers a request; a retry that replayed an earlier submission finds its row already there. */
    void remember(UUID submissionId, String clientId, String serviceCode, BigDecimal lat, BigDecimal lon) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO open311_requests (submission_id, client_id, service_code, lat, long, requested_at)"
                        + " VALUES (?, ?, ?, ?, ?, now()) ON CONFLICT (submission_id) DO NOTHING")) {
            s.setObject(1, submissionId);
            s.setString(2, clientId);
            s.setString(3, serviceCode);
            s.setBigDecimal(4, lat);
            s.setBigDecimal(5, lon);
            s.executeUpdate();
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }

    List<Entry> find(String clientId, Query q) {
        StringBuilder sql = new StringBuilder(SELECT);
        List<Object> args = new ArrayList<>();
        args.add(clientId);
        if (q.ids() != null) {
            sql.append(" AND s.id = ANY (?)");
            args.add(q.ids().toArray(UUID[]::new));
        }
        if (q.serviceCodes() != null) {
            sql.append(" AND o.service_code = ANY (?)");
            args.add(q.serviceCodes().toArray(String[]::new));
        }
        if (q.start() != null) {
            sql.append(" AND o.requested_at >= ?");
            args.add(Timestamp.from(q.start()));
        }
        if (q.end() != null) {
            sql.append(" AND o.requested_at <= ?");
            args.add(Timestamp.from(q.end()));
        }
        if (q.open() != null) {
            sql.append(q.open() ? " AND s.closed_on IS NULL" : " AND s.closed_on IS NOT NULL");
        }
        if (q.unitId() != null) {
            sql.append(" AND s.unit_id = ?");
            args.add(q.unitId());
        }
        sql.append(" ORDER BY o.requested_at DESC, s.id LIMIT ?");
        args.add(q.limit());
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                Object arg = args.get(i);
                if (arg instanceof UUID[] uuids) {
                    s.setArray(i + 1, c.createArrayOf("uuid", uuids));
                } else if (arg instanceof String[] strings) {
                    s.setArray(i + 1, c.createArrayOf("text", strings));
                } else {
                    s.setObject(i + 1, arg);
                }
            }
            return read(s);
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }

    List<Entry> byTrackingCode(String clientId, String trackingCode) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(SELECT + " AND s.tracking_code = ?")) {
            s.setString(1, clientId);
            s.setString(2, trackingCode);
            return read(s);
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }

    private static List<Entry> read(PreparedStatement s) throws SQLException {
        List<Entry> entries = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                entries.add(new Entry(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class),
                        rs.getObject(8, LocalDate.class), rs.getObject(9, OffsetDateTime.class), rs.getString(10),
                        rs.getBigDecimal(11), rs.getBigDecimal(12), rs.getObject(13, OffsetDateTime.class)));
            }
        }
        return entries;
    }
}
