package vn.langnghe.reporting.projection.intake;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.langnghe.intake.domain.clock.LegalDates;
import vn.langnghe.reporting.projection.CopyRows;
import vn.langnghe.reporting.projection.Sql;
import vn.langnghe.reporting.projection.intake.ReportCells.Cell;

/**
 * Keeps the report cells of one batch (ADR 0012): each event's delta goes to {@code intake_cell_deltas} as it is (one
 * COPY), and the batch's deltas summed by cell and Vietnamese recording day are added to {@code intake_cells} (one
 * upsert of arrays, sorted in the unique index's order so neighbouring cells share index pages). Every cell a
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
        copyDeltas(tx, schema);
        addDailySums(tx, schema);
    }

    private void copyDeltas(Connection tx, String schema) throws SQLException {
        CopyRows rows = new CopyRows();
        for (Delta d : deltas) {
            Cell c = d.cell();
            rows.row(d.recordedAt(), c.day(), c.figure(), c.unit(), c.kind(), c.channel(), c.clockStart(),
                    c.nextDue(), d.n());
        }
        rows.copyInto(tx, schema + ".intake_cell_deltas (recorded_at, day, figure, unit_id, kind, channel,"
                + " clock_start, next_due, n)");
    }

    private void addDailySums(Connection tx, String schema) throws SQLException {
        if (daily.isEmpty()) {
            return;
        }
        // in the unique index's order: neighbouring keys share index pages
        List<Map.Entry<DayCell, Long>> sums = new ArrayList<>(daily.entrySet());
        sums.sort(Map.Entry.comparingByKey(KEY_ORDER));
        int n = sums.size();
        String[] day = new String[n], figure = new String[n], unit = new String[n], kind = new String[n],
                channel = new String[n], clockStart = new String[n], nextDue = new String[n],
                recordedOn = new String[n];
        Long[] sum = new Long[n];
        for (int i = 0; i < n; i++) {
            Cell c = sums.get(i).getKey().cell();
            day[i] = c.day().toString();
            figure[i] = c.figure();
            unit[i] = c.unit();
            kind[i] = c.kind();
            channel[i] = c.channel();
            clockStart[i] = c.clockStart() == null ? null : c.clockStart().toString();
            nextDue[i] = c.nextDue() == null ? null : c.nextDue().toString();
            recordedOn[i] = sums.get(i).getKey().recordedOn().toString();
            sum[i] = sums.get(i).getValue();
        }
        try (PreparedStatement s = tx.prepareStatement("INSERT INTO " + schema + ".intake_cells AS c (day, figure,"
                + " unit_id, kind, channel, clock_start, next_due, recorded_on, n) SELECT * FROM unnest(?::date[],"
                + " ?::text[], ?::text[], ?::text[], ?::text[], ?::date[], ?::date[], ?::date[], ?::bigint[])"
                + " ON CONFLICT (figure, day, unit_id, kind, channel, recorded_on, clock_start, next_due)"
                + " DO UPDATE SET n = c.n + excluded.n")) {
            int i = 0;
            for (Object[] column : new Object[][] {day, figure, unit, kind, channel, clockStart, nextDue, recordedOn}) {
                s.setArray(++i, tx.createArrayOf("text", column));
            }
            s.setArray(++i, tx.createArrayOf("bigint", sum));
            s.executeUpdate();
        }
    }

    /** The order of the cells' unique index: figure, day, unit, kind, channel, recorded on, clock start, next due. */
    private static final Comparator<LocalDate> DATES = Comparator.nullsLast(Comparator.naturalOrder());
    private static final Comparator<DayCell> KEY_ORDER = Comparator.<DayCell, String>comparing(d -> d.cell().figure())
            .thenComparing(d -> d.cell().day())
            .thenComparing(d -> d.cell().unit())
            .thenComparing(d -> d.cell().kind())
            .thenComparing(d -> d.cell().channel())
            .thenComparing(DayCell::recordedOn)
            .thenComparing(d -> d.cell().clockStart(), DATES)
            .thenComparing(d -> d.cell().nextDue(), DATES);

}
