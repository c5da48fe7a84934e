package vn.langnghe.intake.domain.clock;

import static java.util.Objects.requireNonNull;

/** How much time an extension (gia hạn) adds. Extensions are assumed to be granted at their legal maximum. */
public sealed interface ExtensionLength {

    LegalPeriod period();

    /** Adds {@code period} after the deadline in force (e.g. "gia hạn không quá 30 ngày"). */
    record By(LegalPeriod period) implements ExtensionLength {
        public By {
            requireNonNull(period, "period");
        }
    }

    /** Moves the deadline to {@code period} after the start event (e.g. "kéo dài nhưng không quá 02 tháng"). */
    record UpToTotalFromStart(LegalPeriod period) implements ExtensionLength {
        public UpToTotalFromStart {
            requireNonNull(period, "period");
        }
    }
}
