package vn.langnghe.console.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import vn.langnghe.contracts.reference.ReferenceData;
import vn.langnghe.contracts.reference.TopicTaxonomy;
import vn.langnghe.contracts.reference.Unit;
import vn.langnghe.contracts.reference.UnitTree;

/** The shared topic taxonomy and unit tree (from event-contracts: the same data the services use). */
@ApplicationScoped
public class Reference {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final ReferenceData data = ReferenceData.load();

    public TopicTaxonomy topics() {
        return data.topics();
    }

    public UnitTree units() {
        return data.units();
    }

    public static LocalDate today() {
        return LocalDate.now(VIETNAM);
    }

    /** The units that exist today within {@code root} (all units when null), root first, then by code. */
    public List<Unit> subtreeToday(String root) {
        LocalDate today = today();
        List<Unit> units = new ArrayList<>();
        if (root != null && units().find(root).isPresent()) {
            Set<String> codes = units().subtree(root, today);
            for (String code : codes) {
                units().find(code).filter(u -> u.existsOn(today)).ifPresent(units::add);
            }
        } else if (root == null) {
            units().all().stream().filter(u -> u.existsOn(today)).forEach(units::add);
        }
        units.sort(Comparator.comparing((Unit u) -> !u.code().equals(root)).thenComparing(Unit::code));
        return units;
    }
}
