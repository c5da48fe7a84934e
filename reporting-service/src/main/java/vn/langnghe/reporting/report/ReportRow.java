package vn.langnghe.reporting.report;

import java.util.List;
import java.util.Map;

/**
 * One row of a report: the total of the report unit (role TOTAL), the facts attributed to the report unit
 * itself (SELF), or one child unit's subtree (CHILD).
 *
 * @param suppressed figure paths whose denunciation count is not shown, e.g. {@code received.DENUNCIATION}
 */
public record ReportRow(String unit, String name, String level, String role, Map<String, Figure> figures,
        List<String> suppressed) {

    public static final String TOTAL = "TOTAL";
    public static final String SELF = "SELF";
    public static final String CHILD = "CHILD";
}
