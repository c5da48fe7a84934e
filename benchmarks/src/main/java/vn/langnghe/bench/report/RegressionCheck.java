package vn.langnghe.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Compares a run's figures with the committed ones: which got worse by more than the allowed fraction. */
public final class RegressionCheck {

    /** Issue 9: a rerun shows every figure more than 20 % worse than the committed results. */
    public static final double ALLOWED_WORSENING = 0.20;

    /** A figure that got worse by more than allowed. */
    public record Regression(String name, String unit, double before, double now, double worsening) {
        @Override
        public String toString() {
            return String.format("%s: %.4g → %.4g %s (%.0f %% worse)", name, before, now, unit, worsening * 100);
        }
    }

    private RegressionCheck() {
    }

    /**
     * @param committed the committed values by figure name; figures missing there (new ones) are not compared
     */
    public static List<Regression> compare(Map<String, Double> committed, List<Figure> now, double allowed) {
        List<Regression> regressions = new ArrayList<>();
        for (Figure figure : now) {
            Double before = committed.get(figure.name());
            if (before == null) {
                continue;
            }
            double worsening = figure.direction().worsening(before, figure.value());
            if (worsening > allowed) {
                regressions.add(new Regression(figure.name(), figure.unit(), before, figure.value(), worsening));
            }
        }
        return regressions;
    }
}
