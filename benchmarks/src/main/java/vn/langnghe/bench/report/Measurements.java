package vn.langnghe.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.langnghe.bench.stats.Percentiles;

/** Each figure's value per round; turned into medians set against the same run's raw limits. */
public final class Measurements {

    private final Map<String, FigureSpec> specs;
    private final Map<String, List<Double>> values = new LinkedHashMap<>();

    public Measurements(Map<String, FigureSpec> specs) {
        this.specs = specs;
    }

    public synchronized void add(String name, double value) {
        if (!specs.containsKey(name)) {
            throw new IllegalArgumentException("not in the catalogue: " + name);
        }
        if (Double.isFinite(value)) {
            values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
    }

    public synchronized Map<String, List<Double>> rounds() {
        return values;
    }

    /** Medians of what was measured, in catalogue order; figures never measured are left out. */
    public synchronized List<Figure> figures() {
        Map<String, Double> medians = new LinkedHashMap<>();
        values.forEach((name, list) -> medians.put(name, Percentiles.median(list)));
        List<Figure> figures = new ArrayList<>();
        for (FigureSpec spec : specs.values()) {
            Double value = medians.get(spec.name());
            if (value == null) {
                continue;
            }
            String rawName = null;
            Double rawValue = null;
            for (String raw : spec.raw()) {
                Double candidate = medians.get(raw);
                if (candidate != null && (rawValue == null || candidate < rawValue)) {
                    rawName = raw;
                    rawValue = candidate;
                }
            }
            figures.add(new Figure(spec.name(), spec.unit(), spec.direction(), value, values.get(spec.name()).size(),
                    rawName, rawValue, spec.target(), spec.targetIsRatio(), spec.targetText()));
        }
        return figures;
    }

    /** Figures of the catalogue with no value: for the report's list of what is missing. */
    public synchronized List<String> missing() {
        return specs.keySet().stream().filter(name -> !values.containsKey(name)).toList();
    }

    public FigureSpec spec(String name) {
        return specs.get(name);
    }
}
