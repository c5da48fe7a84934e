package vn.langnghe.reporting.projection.intake;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.langnghe.intake.domain.clock.LegalDates;
import vn.langnghe.reporting.projection.Sql;
import vn.langnghe.reporting.projection.intake.ReportCells.Cell;

/**
 * Keeps the report cells of one batch (ADR 0012): each event's delta goes to {@code intake_cell_deltas} as it is,
 * and the batch's deltas summed by cell and Vietnamese recording day are added to {@code intake_cells}. Every cell a
 * delta touched is written, even when the batch's sum for it is zero, so that a batch and the same events one by
 * one leave the same rows.
 */
final class CellWriter {

    private record Delta(Instant recordedAt, Cell cell, long n) {}

    private record DayCell(Cell cell, LocalDate recordedOn) {}

    private final Map<UUID, List<ReportCells.Fact>> histories;
    private final Map<UUID, Map<Cell, Long>> contributions = new HashMap<>();
    private final List<Delta> deltas = new ArrayList<>();
    private final Map<DayCell, Long> daily = new LinkedHashMap<>();

    private CellWriter(Map<UUID, List<ReportCells.Fact>> histories) {
        this.histories = histories;
    }

    /** A writer for a batch whose submissions {@code known} already have facts (loaded here, by version). */
    static CellWriter loading(Connection tx, String schema, Collection<UUID> known) throws SQLException {
        Map<UUID, List<ReportCells.Fact>> histories = new HashMap<>();
        if (!known.isEmpty()) {
            try (PreparedStatement s = tx.prepareStatement("SELECT submission_id, version, event_type, effective_on,"
                    + " unit_id, kind, channel, status, clock_start, next_due, resolves, timeliness, outcome FROM "
                    + schema + ".intake_facts WHERE submission_id = ANY(?) ORDER BY submission_id, version")) {
                s.setArray(1, tx.createArrayOf("uuid", known.toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        histories.computeIfAbsent(Sql.uuid(rs, "submission_id"), id -> new ArrayList<>())
                                .add(new ReportCells.Fact(rs.getLong("version"), rs.getString("event_type"),
                                        Sql.date(rs, "effective_on"), rs.getString("unit_id"), rs.getString("kind"),
                                        rs.getString("channel"), rs.getString("status"), Sql.date(rs, "clock_start"),
                                        Sql.date(rs, "next_due"), rs.getBoolean("resolves"),
                                        rs.getString("timeliness"), rs.getString("outcome")));
                    }
                }
            }
        }
        return new CellWriter(histories);
    }

    /** The submission's new fact, recorded at {@code recordedAt}: its delta is the contribution's change. */
    void add(UUID submission, ReportCells.Fact fact, Instant recordedAt) {
        List<ReportCells.Fact> history = histories.computeIfAbsent(submission, id -> new ArrayList<>());
        Map<Cell, Long> before = contributions.computeIfAbsent(submission, id -> ReportCells.contribution(history));
        history.add(fact);
        Map<Cell, Long> after = ReportCells.contribution(history);
        contributions.put(submission, after);
        LocalDate recordedOn = LegalDates.vietnamDate(recordedAt);
        ReportCells.delta(before, after).forEach((cell, n) -> {
            deltas.add(new Delta(recordedAt, cell, n));
            daily.merge(new DayCell(cell, recordedOn), n, Long::sum);
        });
    }

    void write(Connection tx, String schema) throws SQLException {
        try (PreparedStatement s = tx.prepareStatement("INSERT INTO " + schema + ".intake_cell_deltas (recorded_at,"
                + " day, figure, unit_id, kind, channel, clock_start, next_due, n) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Delta d : deltas) {
                Sql.instant(s, 1, d.recordedAt());
                bindCell(s, 2, d.cell());
                s.setLong(9, d.n());
                s.addBatch();
            }
            s.executeBatch();
        }
        try (PreparedStatement s = tx.prepareStatement("INSERT INTO " + schema + ".intake_cells AS c (day, figure,"
                + " unit_id, kind, channel, clock_start, next_due, recorded_on, n) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (figure, day, unit_id, kind, channel, recorded_on, clock_start, next_due)"
                + " DO UPDATE SET n = c.n + excluded.n")) {
            for (Map.Entry<DayCell, Long> e : daily.entrySet()) {
                bindCell(s, 1, e.getKey().cell());
                Sql.date(s, 8, e.getKey().recordedOn());
                s.setLong(9, e.getValue());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** day, figure, unit, kind, channel, clock start, next due from {@code index}. */
    private static void bindCell(PreparedStatement s, int index, Cell cell) throws SQLException {
        Sql.date(s, index, cell.day());
        s.setString(index + 1, cell.figure());
        s.setString(index + 2, cell.unit());
        s.setString(index + 3, cell.kind());
        s.setString(index + 4, cell.channel());
        Sql.date(s, index + 5, cell.clockStart());
        Sql.date(s, index + 6, cell.nextDue());
    }
}
