package vn.langnghe.contracts.reference;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tree of police units (Bộ → tỉnh → quận/huyện → phường/xã), of any depth, with effective-dated
 * parents: every question is asked "as of" a day, so a 2019 report uses the 2019 tree.
 *
 * <p>Checked when built: unknown parents, parents outside the unit's or the parent's lifetime,
 * overlapping parent periods and cycles are rejected with {@link InvalidReferenceDataException}.
 */
public final class UnitTree {

    private final String version;
    private final Map<String, Unit> byCode = new LinkedHashMap<>();
    /** Everyone who was ever a child of the key, in file order; filtered by date on each query. */
    private final Map<String, List<String>> everChildren = new HashMap<>();

    public UnitTree(String version, List<Unit> units) {
        this.version = version;
        for (Unit u : units) {
            if (byCode.putIfAbsent(u.code(), u) != null) {
                throw invalid("unit code " + u.code() + " appears twice");
            }
        }
        for (Unit u : units) {
            checkParents(u);
            u.parents().forEach(p -> everChildren.computeIfAbsent(p.parentCode(), k -> new ArrayList<>()).add(u.code()));
        }
        checkNoCycles();
    }

    /** The file's version, e.g. {@code units.v1}, for reports to cite. */
    public String version() {
        return version;
    }

    /** All units in file order, including those that no longer exist. */
    public List<Unit> all() {
        return List.copyOf(byCode.values());
    }

    /** @throws IllegalArgumentException when no unit ever had this code */
    public Unit unit(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException("unknown unit code '" + code + "' in " + version));
    }

    public Optional<Unit> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public boolean existsOn(String code, LocalDate asOf) {
        return unit(code).existsOn(asOf);
    }

    /** The parent's code on that day; empty for a root or a unit that does not exist then. */
    public Optional<String> parentOf(String code, LocalDate asOf) {
        return unit(code).parentOn(asOf);
    }

    /** Direct children on that day, in file order. */
    public List<String> childrenOf(String code, LocalDate asOf) {
        unit(code);
        return everChildren.getOrDefault(code, List.of()).stream()
                .filter(child -> byCode.get(child).parentOn(asOf).filter(code::equals).isPresent())
                .toList();
    }

    /** True when {@code code} is {@code ancestorCode} or below it on that day (a unit is within itself). */
    public boolean isWithin(String code, String ancestorCode, LocalDate asOf) {
        unit(ancestorCode);
        return pathOf(code, asOf).contains(ancestorCode);
    }

    /** The unit and everything below it on that day; empty when the unit does not exist then. */
    public Set<String> subtree(String code, LocalDate asOf) {
        Set<String> result = new LinkedHashSet<>();
        if (existsOn(code, asOf)) {
            collect(code, asOf, result);
        }
        return result;
    }

    /** Codes from the root down to the unit on that day; empty when the unit does not exist then. */
    public List<String> pathOf(String code, LocalDate asOf) {
        if (!existsOn(code, asOf)) {
            return List.of();
        }
        List<String> path = new ArrayList<>();
        for (String c = code; c != null; c = byCode.get(c).parentOn(asOf).orElse(null)) {
            path.addFirst(c);
        }
        return List.copyOf(path);
    }

    private void collect(String code, LocalDate asOf, Set<String> into) {
        into.add(code);
        childrenOf(code, asOf).forEach(child -> collect(child, asOf, into));
    }

    private void checkParents(Unit u) {
        List<ParentPeriod> periods = u.parents();
        for (int i = 0; i < periods.size(); i++) {
            ParentPeriod p = periods.get(i);
            Unit parent = byCode.get(p.parentCode());
            if (parent == null) {
                throw invalid(u.code() + " names an unknown parent " + p.parentCode());
            }
            if (!within(p, u)) {
                throw invalid(u.code() + " is under " + p.parentCode() + " " + describe(p)
                        + ", outside its own lifetime " + u.validFrom() + ".." + u.validTo());
            }
            if (!within(p, parent)) {
                throw invalid(u.code() + " is under " + p.parentCode() + " " + describe(p)
                        + ", but " + p.parentCode() + " exists only " + parent.validFrom() + ".." + parent.validTo());
            }
            for (int j = i + 1; j < periods.size(); j++) {
                if (p.overlaps(periods.get(j))) {
                    throw invalid(u.code() + " has overlapping parent periods: " + p.parentCode() + " " + describe(p)
                            + " and " + periods.get(j).parentCode() + " " + describe(periods.get(j)));
                }
            }
        }
    }

    private static boolean within(ParentPeriod p, Unit u) {
        boolean startsInside = !p.from().isBefore(u.validFrom());
        boolean endsInside = u.validTo() == null || (p.to() != null && !p.to().isAfter(u.validTo()));
        return startsInside && endsInside;
    }

    /** A cycle can only start on a day some parent link starts, so checking those days is enough. */
    private void checkNoCycles() {
        Set<LocalDate> days = new TreeSet<>();
        byCode.values().forEach(u -> u.parents().forEach(p -> days.add(p.from())));
        for (LocalDate day : days) {
            for (String start : byCode.keySet()) {
                Set<String> seen = new HashSet<>();
                for (String c = start; c != null; c = byCode.get(c).parentOn(day).orElse(null)) {
                    if (!seen.add(c)) {
                        throw invalid("units form a cycle through " + c + " on " + day);
                    }
                }
            }
        }
    }

    private static String describe(ParentPeriod p) {
        return "from " + p.from() + " to " + (p.to() == null ? "open end" : p.to());
    }

    private InvalidReferenceDataException invalid(String message) {
        return new InvalidReferenceDataException(version + ": " + message);
    }

    /** The JSON shape of {@code reference/units.vN.json}. */
    record File(@JsonProperty("version") String version, @JsonProperty("notes") List<String> notes,
            @JsonProperty("units") List<Unit> units) {
    }
}
