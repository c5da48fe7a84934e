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
 * upsert of arrays, sorted in the unique index's order so neighbouring cells share index pages). The same deltas
 * are also summed by month and month of recording: the period figures by the month of their day
 * ({@code intake_month_cells}), and {@code open} cells into the month from which they can only be open or
 * overdue ({@code intake_open_folded}). Every cell a delta touched is written, even when the batch's sum for it
 * is zero, so that a batch and the same events one by one leave the same rows.
 */
final class CellWriter {

    private record Delta(Instant recordedAt, Cell cell, long n) {}

    private record DayCell(Cell cell, LocalDate recordedOn) {}

    /** A period figure summed over a month, for the changes recorded in {@code recordedMonth}. */
    private record MonthCell(LocalDate month, String figure, String unit, String kind, String channel,
            LocalDate recordedMonth) {}

    /** Open cells folded from {@code fromMonth} on: by then their day and due date are both in the past. */
    private record FoldedCell(LocalDate fromMonth, String unit, String kind, String channel, LocalDate recordedMonth) {}

    /** The sums of one folded cell: open, and of those the ones with a due date (overdue once folded). */
    private record Folded(long open, long overdue) {
        Folded plus(Folded other) {
            return new Folded(open + other.open, overdue + other.overdue);
        }
    }

    private final Map<UUID, List<ReportCells.Fact>> histories;
    private final Map<UUID, Map<Cell, Long>> contributions = new HashMap<>();
    private final List<Delta> deltas = new ArrayList<>();
    private final Map<DayCell, Long> daily = new LinkedHashMap<>();
    private final Map<MonthCell, Long> monthly = new HashMap<>();
    private final Map<FoldedCell, Folded> folded = new HashMap<>();

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
            if (ReportCells.OPEN.equals(cell.figure())) {
                folded.merge(foldedCell(cell, recordedOn), new Folded(n, cell.nextDue() == null ? 0 : n),
                        Folded::plus);
            } else {
                monthly.merge(new MonthCell(cell.day().withDayOfMonth(1), cell.figure(), cell.unit(), cell.kind(),
                        cell.channel(), recordedOn.withDayOfMonth(1)), n, Long::sum);
            }
        });
    }

    /**
     * From the month after the later of its day and its due date, an open cell is open at any day D of a month,
     * never at risk, and overdue when it has a due date: D is past both.
     */
    private static FoldedCell foldedCell(Cell cell, LocalDate recordedOn) {
        LocalDate last = cell.nextDue() != null && cell.nextDue().isAfter(cell.day()) ? cell.nextDue() : cell.day();
        return new FoldedCell(last.withDayOfMonth(1).plusMonths(1), cell.unit(), cell.kind(), cell.channel(),
                recordedOn.withDayOfMonth(1));
    }

    void write(Connection tx, String schema) throws SQLException {
        copyDeltas(tx, schema);
        addDailySums(tx, schema);
        addMonthlySums(tx, schema);
        addFoldedSums(tx, schema);
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
        upsert(tx, "INSERT INTO " + schema + ".intake_cells AS c (day, figure, unit_id, kind, channel, clock_start,"
                + " next_due, recorded_on, n) SELECT * FROM unnest(?::date[], ?::text[], ?::text[], ?::text[],"
                + " ?::text[], ?::date[], ?::date[], ?::date[], ?::bigint[])"
                + " ON CONFLICT (figure, day, unit_id, kind, channel, recorded_on, clock_start, next_due)"
                + " DO UPDATE SET n = c.n + excluded.n",
                new Object[][] {day, figure, unit, kind, channel, clockStart, nextDue, recordedOn}, sum);
    }

    /** One statement for a batch's sums: the key columns as text arrays, then the counts as bigint arrays. */
    private static void upsert(Connection tx, String sql, Object[][] keys, Long[]... counts) throws SQLException {
        try (PreparedStatement s = tx.prepareStatement(sql)) {
            int i = 0;
            for (Object[] column : keys) {
                s.setArray(++i, tx.createArrayOf("text", column));
            }
            for (Long[] column : counts) {
                s.setArray(++i, tx.createArrayOf("bigint", column));
            }
            s.executeUpdate();
        }
    }

    private void addMonthlySums(Connection tx, String schema) throws SQLException {
        if (monthly.isEmpty()) {
            return;
        }
        List<Map.Entry<MonthCell, Long>> sums = new ArrayList<>(monthly.entrySet());
        sums.sort(Map.Entry.comparingByKey(Comparator.comparing(MonthCell::figure).thenComparing(MonthCell::month)
                .thenComparing(MonthCell::unit).thenComparing(MonthCell::kind).thenComparing(MonthCell::channel)
                .thenComparing(MonthCell::recordedMonth)));
        int n = sums.size();
        String[] month = new String[n], figure = new String[n], unit = new String[n], kind = new String[n],
                channel = new String[n], recordedMonth = new String[n];
        Long[] sum = new Long[n];
        for (int i = 0; i < n; i++) {
            MonthCell c = sums.get(i).getKey();
            month[i] = c.month().toString();
            figure[i] = c.figure();
            unit[i] = c.unit();
            kind[i] = c.kind();
            channel[i] = c.channel();
            recordedMonth[i] = c.recordedMonth().toString();
            sum[i] = sums.get(i).getValue();
        }
        upsert(tx, "INSERT INTO " + schema + ".intake_month_cells AS c (month, figure, unit_id, kind, channel,"
                + " recorded_month, n) SELECT * FROM unnest(?::date[], ?::text[], ?::text[], ?::text[], ?::text[],"
                + " ?::date[], ?::bigint[]) ON CONFLICT (figure, month, unit_id, kind, channel, recorded_month)"
                + " DO UPDATE SET n = c.n + excluded.n",
                new Object[][] {month, figure, unit, kind, channel, recordedMonth}, sum);
    }

    private void addFoldedSums(Connection tx, String schema) throws SQLException {
        if (folded.isEmpty()) {
            return;
        }
        List<Map.Entry<FoldedCell, Folded>> sums = new ArrayList<>(folded.entrySet());
        sums.sort(Map.Entry.comparingByKey(Comparator.comparing(FoldedCell::fromMonth)
                .thenComparing(FoldedCell::unit).thenComparing(FoldedCell::kind)
                .thenComparing(FoldedCell::channel).thenComparing(FoldedCell::recordedMonth)));
        int n = sums.size();
        String[] fromMonth = new String[n], unit = new String[n], kind = new String[n], channel = new String[n],
                recordedMonth = new String[n];
        Long[] open = new Long[n], overdue = new Long[n];
        for (int i = 0; i < n; i++) {
            FoldedCell c = sums.get(i).getKey();
            fromMonth[i] = c.fromMonth().toString();
            unit[i] = c.unit();
            kind[i] = c.kind();
            channel[i] = c.channel();
            recordedMonth[i] = c.recordedMonth().toString();
            open[i] = sums.get(i).getValue().open();
            overdue[i] = sums.get(i).getValue().overdue();
        }
        upsert(tx, "INSERT INTO " + schema + ".intake_open_folded AS c (from_month, unit_id, kind, channel,"
                + " recorded_month, n, overdue_n) SELECT * FROM unnest(?::date[], ?::text[], ?::text[], ?::text[],"
                + " ?::date[], ?::bigint[], ?::bigint[]) ON CONFLICT (from_month, unit_id, kind, channel,"
                + " recorded_month) DO UPDATE SET n = c.n + excluded.n, overdue_n = c.overdue_n + excluded.overdue_n",
                new Object[][] {fromMonth, unit, kind, channel, recordedMonth}, open, overdue);
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
