package vn.langnghe.bench.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import vn.langnghe.bench.infra.CpuAccounting;
import vn.langnghe.bench.stats.Percentiles;

/**
 * Where the machine's CPU went during a measured phase, per unit of work (a request, an event) and per process
 * group, for every round: the evidence behind a missed throughput target. Not compared with earlier runs.
 */
public final class CpuBreakdown {

    public static final String TOTAL = "all processes";

    /** One phase: what it is, the unit of its figures, and per round the CPU per unit of work by group. */
    record Phase(String title, String unit, double scale, List<Map<String, Double>> rounds, List<Double> cores) {}

    private final Map<String, Phase> phases = new LinkedHashMap<>();

    /**
     * Records one round of {@code phase}: the CPU {@code use} by group over a time in which {@code work} units were
     * done; figures are CPU seconds per unit times {@code scale} (1,000 for ms, 1,000,000 for µs).
     */
    public synchronized void add(String phase, String unit, double scale, CpuAccounting.Use use, double work) {
        Map<String, Double> cpuSeconds = use.cpuSeconds();
        double wallSeconds = use.wallSeconds();
        if (cpuSeconds.isEmpty() || work <= 0 || wallSeconds <= 0) {
            return;
        }
        Phase entry = phases.computeIfAbsent(phase, p -> new Phase(p, unit, scale, new ArrayList<>(), new ArrayList<>()));
        Map<String, Double> perUnit = new LinkedHashMap<>();
        double total = 0;
        for (Map.Entry<String, Double> group : cpuSeconds.entrySet()) {
            perUnit.put(group.getKey(), group.getValue() * scale / work);
            total += group.getValue();
        }
        perUnit.put(TOTAL, total * scale / work);
        entry.rounds().add(perUnit);
        entry.cores().add(total / wallSeconds);
    }

    public synchronized boolean isEmpty() {
        return phases.isEmpty();
    }

    /** The Markdown section: a table per phase, groups by their median, largest first. */
    public synchronized String markdown() {
        StringBuilder md = new StringBuilder();
        for (Phase phase : phases.values()) {
            md.append("\n### ").append(phase.title()).append(" (").append(phase.unit()).append(")\n\n");
            md.append("| process | median | per round | share |\n|---|---:|---|---:|\n");
            Map<String, Double> medians = medians(phase);
            double total = medians.get(TOTAL);
            medians.forEach((group, median) -> md.append("| ").append(group).append(" | ")
                    .append(String.format("%.3g", median)).append(" | ")
                    .append(perRound(phase, group)).append(" | ")
                    .append(String.format("%.0f %%", 100 * median / total)).append(" |\n"));
            md.append("\nCores busy over the phase (of ").append(Runtime.getRuntime().availableProcessors())
                    .append("): ").append(phase.cores().stream().map(c -> String.format("%.2f", c))
                            .collect(Collectors.joining(", "))).append(".\n");
        }
        return md.toString();
    }

    /** results.json: per phase, the unit and each group's median and rounds. */
    public synchronized void writeTo(ObjectNode node) {
        for (Phase phase : phases.values()) {
            ObjectNode entry = node.putObject(phase.title());
            entry.put("unit", phase.unit());
            ObjectNode groups = entry.putObject("groups");
            medians(phase).forEach((group, median) -> {
                ObjectNode g = groups.putObject(group);
                g.put("median", Math.round(median * 1000) / 1000.0);
                ArrayNode perRound = g.putArray("perRound");
                phase.rounds().forEach(r -> perRound.add(Math.round(r.getOrDefault(group, 0.0) * 1000) / 1000.0));
            });
        }
    }

    private static Map<String, Double> medians(Phase phase) {
        Set<String> groups = new LinkedHashSet<>();
        phase.rounds().forEach(r -> groups.addAll(r.keySet()));
        Map<String, Double> medians = new LinkedHashMap<>();
        groups.stream()
                .map(g -> Map.entry(g, Percentiles.median(phase.rounds().stream().map(r -> r.getOrDefault(g, 0.0))
                        .toList())))
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> medians.put(e.getKey(), e.getValue()));
        return medians;
    }

    private static String perRound(Phase phase, String group) {
        return phase.rounds().stream().map(r -> String.format("%.3g", r.getOrDefault(group, 0.0)))
                .collect(Collectors.joining(", "));
    }
}
