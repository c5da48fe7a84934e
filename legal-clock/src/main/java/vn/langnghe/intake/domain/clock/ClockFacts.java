package vn.langnghe.intake.domain.clock;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What the legal clock of a submission depends on; dates are Vietnamese calendar days
 * ({@link LegalDates#vietnamDate}).
 *
 * @param receivedOn  day of receipt (tiếp nhận), required
 * @param acceptedOn  day of acceptance (thụ lý), null until accepted
 * @param unitCode    code of the handling unit, for unit-specific rules; may be null
 * @param remoteArea  the unit is in a remote area (vùng sâu, vùng xa)
 * @param complex     the case was judged complex (vụ việc phức tạp)
 * @param extensions  extensions granted so far, in any order
 */
public record ClockFacts(
        LocalDate receivedOn,
        LocalDate acceptedOn,
        String unitCode,
        boolean remoteArea,
        boolean complex,
        List<GrantedExtension> extensions) {

    public ClockFacts {
        requireNonNull(receivedOn, "receivedOn");
        if (acceptedOn != null && acceptedOn.isBefore(receivedOn)) {
            throw new IllegalArgumentException("accepted on " + acceptedOn + " before received on " + receivedOn);
        }
        extensions = extensions == null ? List.of() : List.copyOf(extensions);
    }

    /** Facts of a submission just received, nothing else known yet. */
    public static ClockFacts receivedOn(LocalDate receivedOn) {
        return new ClockFacts(receivedOn, null, null, false, false, List.of());
    }

    public ClockFacts withAcceptedOn(LocalDate day) {
        return new ClockFacts(receivedOn, day, unitCode, remoteArea, complex, extensions);
    }

    public ClockFacts withUnitCode(String code) {
        return new ClockFacts(receivedOn, acceptedOn, code, remoteArea, complex, extensions);
    }

    public ClockFacts withRemoteArea(boolean remote) {
        return new ClockFacts(receivedOn, acceptedOn, unitCode, remote, complex, extensions);
    }

    public ClockFacts withComplex(boolean isComplex) {
        return new ClockFacts(receivedOn, acceptedOn, unitCode, remoteArea, isComplex, extensions);
    }

    public ClockFacts withExtension(String reasonCode, LocalDate grantedOn) {
        List<GrantedExtension> more = new ArrayList<>(extensions);
        more.add(new GrantedExtension(reasonCode, grantedOn));
        return new ClockFacts(receivedOn, acceptedOn, unitCode, remoteArea, complex, more);
    }
}
