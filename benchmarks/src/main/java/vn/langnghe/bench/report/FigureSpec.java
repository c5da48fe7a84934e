package vn.langnghe.bench.report;

import java.util.List;

/**
 * What a figure is: its name in results.json, unit, direction, the raw limit(s) it is set against (the smallest
 * of them when several), and its target.
 */
public record FigureSpec(String name, String description, String unit, Direction direction, List<String> raw,
        Double target, boolean targetIsRatio, String targetText) {

    static FigureSpec raw(String name, String description, String unit) {
        return new FigureSpec(name, description, unit, Direction.HIGHER_IS_BETTER, List.of(), null, false, "");
    }

    static FigureSpec measured(String name, String description, String unit, Direction direction) {
        return new FigureSpec(name, description, unit, direction, List.of(), null, false, "");
    }

    static FigureSpec limit(String name, String description, String unit, double limit) {
        return new FigureSpec(name, description, unit, Direction.LOWER_IS_BETTER, List.of(), limit, false,
                "≤ " + trim(limit) + " " + unit);
    }

    static FigureSpec ratio(String name, String description, String unit, List<String> raw, double ratio,
            String text) {
        return new FigureSpec(name, description, unit, Direction.HIGHER_IS_BETTER, raw, ratio, true, text);
    }

    static FigureSpec against(String name, String description, String unit, List<String> raw) {
        return new FigureSpec(name, description, unit, Direction.HIGHER_IS_BETTER, raw, null, false, "");
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
