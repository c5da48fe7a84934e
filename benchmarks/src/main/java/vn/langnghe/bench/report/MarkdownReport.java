package vn.langnghe.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** docs/benchmarks.md: how the run was made, on what, the results table, and every missed target explained. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static void write(Path file, Map<String, String> run, Map<String, String> environment, List<Figure> figures,
            Map<String, List<Double>> rounds, Measurements measurements, CpuBreakdown cpu, List<String> notes,
            List<RegressionCheck.Regression> regressions) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("Written by `./langnghe bench` (module `benchmarks`, main `vn.langnghe.bench.BenchMain`); do not edit by"
                + " hand: rerun it. How the harness measures, and what each figure means, is in"
                + " [benchmarks/method.md](benchmarks/method.md). Machine-readable results:"
                + " [benchmarks/results.json](benchmarks/results.json); every tool's own output:"
                + " [benchmarks/raw/](benchmarks/raw/).\n\n");
        md.append("## This run\n\n| | |\n|---|---|\n");
        run.forEach((key, value) -> md.append("| ").append(key).append(" | ").append(value).append(" |\n"));
        md.append("\n## Hardware, versions, settings\n\n| | |\n|---|---|\n");
        environment.forEach((key, value) -> md.append("| ").append(key).append(" | ").append(value).append(" |\n"));
        md.append("\n## Results (medians of alternating rounds)\n\n");
        md.append("| figure | what | median | per round | raw limit (same run) | ratio | target | met |\n");
        md.append("|---|---|---:|---|---|---:|---|---|\n");
        for (Figure figure : figures) {
            FigureSpec spec = measurements.spec(figure.name());
            md.append("| `").append(figure.name()).append("` | ").append(spec.description()).append(" | ")
                    .append(format(figure.value())).append(' ').append(figure.unit()).append(" | ")
                    .append(rounds.getOrDefault(figure.name(), List.of()).stream().map(MarkdownReport::format)
                            .collect(Collectors.joining(", "))).append(" | ")
                    .append(figure.rawName() == null ? "" : "`" + figure.rawName() + "` " + format(figure.rawValue()))
                    .append(" | ").append(figure.ratio() == null ? "" : ratio(figure.ratio()))
                    .append(" | ").append(figure.targetText()).append(" | ")
                    .append(figure.met() == null ? "" : figure.met() ? "met" : "**missed**").append(" |\n");
        }
        List<String> missing = measurements.missing();
        if (!missing.isEmpty()) {
            md.append("\nNot measured in this run: ").append(missing.stream().map(m -> "`" + m + "`")
                    .collect(Collectors.joining(", "))).append(".\n");
        }
        if (!cpu.isEmpty()) {
            md.append("\n## Where the machine's CPU went\n\n");
            md.append("CPU time of every process on the machine (from /proc) during the phases behind the throughput"
                    + " targets, per unit of work, grouped by process; medians of the rounds. The load generator is"
                    + " this benchmark's JVM, so its share is part of what the machine spent.\n");
            md.append(cpu.markdown());
        }
        if (!notes.isEmpty()) {
            md.append("\n## Notes from the run\n\n");
            notes.forEach(note -> md.append("- ").append(note).append('\n'));
        }
        if (!regressions.isEmpty()) {
            md.append("\n## Worse than the previously committed results by more than 20 %\n\n");
            regressions.forEach(r -> md.append("- ").append(r).append('\n'));
        }
        md.append("\n## Missed targets: why, and what would close them\n\n");
        boolean anyMissed = false;
        for (Figure figure : figures) {
            if (Boolean.FALSE.equals(figure.met())) {
                anyMissed = true;
                md.append("- **`").append(figure.name()).append("`** (").append(format(figure.value())).append(' ')
                        .append(figure.unit()).append(", target ").append(figure.targetText()).append("): ")
                        .append(Explanations.of(figure.name())).append('\n');
            }
        }
        if (!anyMissed) {
            md.append("None in this run.\n");
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, md.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Two significant digits at least: a ratio of 0.003 must not read as 0.00. */
    public static String ratio(double ratio) {
        return ratio >= 0.1 ? String.format("%.2f ×", ratio) : String.format("%.2g ×", ratio);
    }

    static String format(double value) {
        if (Math.abs(value) >= 100) {
            return String.format("%,.0f", value);
        }
        return String.format("%.2f", value);
    }
}
