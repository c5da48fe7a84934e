package vn.langnghe.reporting.report;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * Small denunciation counts at ward level (docs/metrics.md): a count n with 0 < n < k in a row of a ward,
 * commune or special zone is hidden; when exactly one child row of a figure is hidden, a second cell is
 * hidden with it (the smallest other ward-level row, else the smallest other row, else the total row) so subtraction cannot reveal it.
 */
public final class Suppression {

    /** A row as suppression sees it. */
    public record Row(String key, String role, boolean wardLevel) {}

    private Suppression() {}

    /** The keys of the rows whose count of one figure is hidden. */
    public static Set<String> hidden(List<Row> rows, ToLongFunction<String> count, int k) {
        Set<String> hidden = new HashSet<>();
        for (Row row : rows) {
            long n = count.applyAsLong(row.key());
            if (row.wardLevel() && n > 0 && n < k) {
                hidden.add(row.key());
            }
        }
        List<Row> parts = rows.stream().filter(r -> !ReportRow.TOTAL.equals(r.role())).toList();
        long hiddenParts = parts.stream().filter(r -> hidden.contains(r.key())).count();
        if (hiddenParts == 1 && parts.size() > 1) {
            Row second = null;
            for (Row row : parts) {
                if (hidden.contains(row.key())) {
                    continue;
                }
                // a ward-level row first, then the smallest count
                boolean better = second == null || (row.wardLevel() && !second.wardLevel())
                        || (row.wardLevel() == second.wardLevel()
                                && count.applyAsLong(row.key()) < count.applyAsLong(second.key()));
                if (better) {
                    second = row;
                }
            }
            if (second != null) {
                hidden.add(second.key());
            }
        } else if (hiddenParts == 1) {
            rows.stream().filter(r -> ReportRow.TOTAL.equals(r.role())).forEach(r -> hidden.add(r.key()));
        }
        return hidden;
    }
}
