package vn.langnghe.contracts.reference;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A police unit (đơn vị). The code is the identity: names repeat at different levels.
 *
 * @param nameEn     English name, may be null
 * @param remoteArea in a remote area (vùng sâu, vùng xa), where the longer complaint limits apply
 * @param validTo    last day the unit exists, inclusive; null while it exists
 * @param parents    effective-dated parents, none for a root
 */
public record Unit(
        String code,
        String nameVi,
        String nameEn,
        UnitLevel level,
        boolean remoteArea,
        LocalDate validFrom,
        LocalDate validTo,
        List<ParentPeriod> parents) {

    public Unit {
        requireNonNull(code, "code");
        requireNonNull(nameVi, "nameVi");
        requireNonNull(level, "level");
        requireNonNull(validFrom, "validFrom");
        parents = parents == null ? List.of() : List.copyOf(parents);
    }

    public boolean existsOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    /** The parent code on that day; empty for a root or a unit that does not exist then. */
    public Optional<String> parentOn(LocalDate day) {
        if (!existsOn(day)) {
            return Optional.empty();
        }
        return parents.stream().filter(p -> p.covers(day)).map(ParentPeriod::parentCode).findFirst();
    }
}
