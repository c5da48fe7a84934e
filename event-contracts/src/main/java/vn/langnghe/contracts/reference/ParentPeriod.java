package vn.langnghe.contracts.reference;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * A unit's parent during a period, both ends inclusive; {@code to} null means "until further notice".
 * Dates are Asia/Ho_Chi_Minh calendar days.
 */
public record ParentPeriod(String parentCode, LocalDate from, LocalDate to) {

    public ParentPeriod {
        requireNonNull(parentCode, "parentCode");
        requireNonNull(from, "from");
        if (to != null && to.isBefore(from)) {
            throw new InvalidReferenceDataException("parent period to " + parentCode + " ends " + to + " before it starts " + from);
        }
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(from) && (to == null || !day.isAfter(to));
    }

    public boolean overlaps(ParentPeriod other) {
        return (to == null || !other.from.isAfter(to)) && (other.to == null || !from.isAfter(other.to));
    }
}
