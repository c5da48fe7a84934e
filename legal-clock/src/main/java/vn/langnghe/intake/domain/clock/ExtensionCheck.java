package vn.langnghe.intake.domain.clock;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Optional;

/** Whether one more extension (gia hạn) for a given reason is legal; a refusal says why, in Vietnamese and English. */
public sealed interface ExtensionCheck {

    boolean allowed();

    /**
     * @param dueIfGranted       the deadline of {@code phase} once the extension is granted
     * @param requestNoLaterThan last day to file the request, where the law sets a lead time
     */
    record Allowed(
            ClockPhase phase,
            LocalDate dueIfGranted,
            GrantAuthority grantedBy,
            Optional<LocalDate> requestNoLaterThan) implements ExtensionCheck {

        public Allowed {
            requireNonNull(phase, "phase");
            requireNonNull(dueIfGranted, "dueIfGranted");
            requireNonNull(grantedBy, "grantedBy");
            requireNonNull(requestNoLaterThan, "requestNoLaterThan");
        }

        @Override
        public boolean allowed() {
            return true;
        }
    }

    record Refused(String reasonVi, String reasonEn) implements ExtensionCheck {

        public Refused {
            requireNonNull(reasonVi, "reasonVi");
            requireNonNull(reasonEn, "reasonEn");
        }

        @Override
        public boolean allowed() {
            return false;
        }
    }
}
