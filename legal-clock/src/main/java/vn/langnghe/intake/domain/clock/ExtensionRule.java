package vn.langnghe.intake.domain.clock;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * One legal ground for extending a deadline.
 *
 * @param reasonCode          stable code, unique among the rules of a kind (e.g. {@code ESPECIALLY_COMPLEX})
 * @param maxTotalExtensions  this reason may be invoked only while fewer extensions than this were granted
 *                            in the phase, whatever their reason: "once; twice if especially complex"
 * @param requires            reason codes that must have been granted before in the phase
 * @param requestLeadDays     the request must reach the grantor at least this many calendar days before the
 *                            deadline in force; 0 when the law sets no such lead
 */
public record ExtensionRule(
        String reasonCode,
        String labelVi,
        String labelEn,
        ExtensionLength length,
        int maxTotalExtensions,
        GrantAuthority grantedBy,
        Set<String> requires,
        int requestLeadDays,
        String legalBasis) {

    public ExtensionRule {
        if (reasonCode == null || reasonCode.isBlank()) {
            throw new IllegalArgumentException("an extension rule needs a reason code");
        }
        requireNonNull(labelVi, "labelVi of " + reasonCode);
        requireNonNull(labelEn, "labelEn of " + reasonCode);
        requireNonNull(length, "length of " + reasonCode);
        requireNonNull(grantedBy, "grantedBy of " + reasonCode);
        if (maxTotalExtensions < 1) {
            throw new IllegalArgumentException("extension " + reasonCode + ": maxTotalExtensions must be at least 1");
        }
        if (requestLeadDays < 0) {
            throw new IllegalArgumentException("extension " + reasonCode + ": requestLeadDays must not be negative");
        }
        requires = requires == null ? Set.of() : Set.copyOf(requires);
    }
}
