package vn.langnghe.bench.report;

/**
 * One measured figure of a run: the median over rounds of {@code name} (in {@code unit}), the raw limit it is
 * compared with (null when none applies), and its target as a limit in the figure's direction (null: none), or
 * as a multiple of the raw limit when {@code targetIsRatio}.
 */
public record Figure(String name, String unit, Direction direction, double value, int rounds, String rawName,
        Double rawValue, Double target, boolean targetIsRatio, String targetText) {

    /** value ÷ raw limit, or null without a raw limit. */
    public Double ratio() {
        return rawValue == null || rawValue == 0 ? null : value / rawValue;
    }

    /** null when there is no target. */
    public Boolean met() {
        if (target == null) {
            return null;
        }
        if (targetIsRatio) {
            Double ratio = ratio();
            return ratio != null && direction.meets(ratio, target);
        }
        return direction.meets(value, target);
    }
}
