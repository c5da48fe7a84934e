package vn.langnghe.reporting.report;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import vn.langnghe.contracts.reference.ParentPeriod;
import vn.langnghe.contracts.reference.Unit;
import vn.langnghe.contracts.reference.UnitLevel;
import vn.langnghe.contracts.reference.UnitTree;

/**
 * Which units belong to a report unit R, day by day: the effective-dated tree cut into segments between
 * the days any parent link or unit lifetime changes. Each window says "facts of {@code unit} dated
 * {@code from..to} belong to R, in the row of {@code child}" (the child of R on those days whose subtree
 * holds the unit, or R itself). Passed to SQL as arrays and joined on (unit, effective date).
 */
public final class UnitScope {

    public record Window(String unit, LocalDate from, LocalDate to, String child) {}

    private final String unit;
    private final List<Window> windows;
    private final List<String> children;

    private UnitScope(String unit, List<Window> windows, List<String> children) {
        this.unit = unit;
        this.windows = windows;
        this.children = children;
    }

    public static UnitScope of(UnitTree tree, String unit, LocalDate from, LocalDate to) {
        Set<LocalDate> cuts = new TreeSet<>();
        cuts.add(from);
        for (Unit u : tree.all()) {
            addCut(cuts, u.validFrom(), from, to);
            if (u.validTo() != null) {
                addCut(cuts, u.validTo().plusDays(1), from, to);
            }
            for (ParentPeriod p : u.parents()) {
                addCut(cuts, p.from(), from, to);
                if (p.to() != null) {
                    addCut(cuts, p.to().plusDays(1), from, to);
                }
            }
        }
        List<LocalDate> starts = new ArrayList<>(cuts);
        List<Window> windows = new ArrayList<>();
        Set<String> children = new LinkedHashSet<>();
        for (int i = 0; i < starts.size(); i++) {
            LocalDate start = starts.get(i);
            LocalDate end = i + 1 < starts.size() ? starts.get(i + 1).minusDays(1) : to;
            for (String member : tree.subtree(unit, start)) {
                List<String> path = tree.pathOf(member, start);
                int at = path.indexOf(unit);
                String child = at + 1 < path.size() ? path.get(at + 1) : unit;
                windows.add(new Window(member, start, end, child));
                if (!child.equals(unit)) {
                    children.add(child);
                }
            }
        }
        return new UnitScope(unit, List.copyOf(windows), List.copyOf(children));
    }

    private static void addCut(Set<LocalDate> cuts, LocalDate day, LocalDate from, LocalDate to) {
        if (day.isAfter(from) && !day.isAfter(to)) {
            cuts.add(day);
        }
    }

    public String unit() {
        return unit;
    }

    /** True when R existed on some day of the range. */
    public boolean isEmpty() {
        return windows.isEmpty();
    }

    public List<Window> windows() {
        return windows;
    }

    /** Children of R on any day of the range, in tree order. */
    public List<String> children() {
        return children;
    }

    /** Binds the windows as four arrays from {@code index}: use {@link #WINDOWS} in the SQL. */
    public int bind(Connection c, PreparedStatement s, int index) throws SQLException {
        Array units = c.createArrayOf("text", windows.stream().map(Window::unit).toArray());
        Array froms = c.createArrayOf("date", windows.stream().map(w -> Date.valueOf(w.from())).toArray());
        Array tos = c.createArrayOf("date", windows.stream().map(w -> Date.valueOf(w.to())).toArray());
        Array kids = c.createArrayOf("text", windows.stream().map(Window::child).toArray());
        s.setArray(index, units);
        s.setArray(index + 1, froms);
        s.setArray(index + 2, tos);
        s.setArray(index + 3, kids);
        return index + 4;
    }

    /** The windows as a table {@code w(unit, d_from, d_to, child)}; four array parameters. */
    public static final String WINDOWS = "unnest(?::text[], ?::date[], ?::date[], ?::text[]) AS w(unit, d_from, d_to,"
            + " child)";

    /** Levels whose small denunciation counts are suppressed. */
    public static boolean isWardLevel(UnitLevel level) {
        return level == UnitLevel.WARD || level == UnitLevel.COMMUNE || level == UnitLevel.SPECIAL_ZONE;
    }
}
