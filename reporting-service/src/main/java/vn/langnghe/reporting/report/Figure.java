package vn.langnghe.reporting.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * One figure of one row. Intake figures have {@code byKind} (and, for {@code received}, {@code byChannel} and
 * {@code byKindAndChannel}); forum figures have {@code by}. A suppressed count is null (docs/metrics.md);
 * {@code total} is then the sum of the counts shown.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Figure(
        Long total,
        Map<String, Long> byKind,
        Map<String, Long> byChannel,
        Map<String, Map<String, Long>> byKindAndChannel,
        Map<String, Long> by) {}
