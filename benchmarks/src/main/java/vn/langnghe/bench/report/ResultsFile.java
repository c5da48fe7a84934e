package vn.langnghe.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * docs/benchmarks/results.json: per profile (quick, full) the last committed run's figures, so a rerun of the same
 * profile can be compared with it. Writing replaces only the profile that ran.
 */
public final class ResultsFile {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsFile() {
    }

    /** Committed values by figure name for {@code profile}; empty when the file or the profile is absent. */
    public static Map<String, Double> committed(Path file, String profile) {
        Map<String, Double> values = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return values;
        }
        try {
            JsonNode figures = JSON.readTree(file.toFile()).path("profiles").path(profile).path("figures");
            for (JsonNode figure : figures) {
                values.put(figure.get("name").asText(), figure.get("value").asDouble());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return values;
    }

    public static void write(Path file, String profile, Map<String, String> run, Map<String, String> environment,
            List<Figure> figures, Map<String, List<Double>> rounds, CpuBreakdown cpu) {
        try {
            ObjectNode root = Files.isRegularFile(file) ? (ObjectNode) JSON.readTree(file.toFile())
                    : JSON.createObjectNode();
            ObjectNode profiles = root.has("profiles") ? (ObjectNode) root.get("profiles") : root.putObject("profiles");
            ObjectNode entry = profiles.putObject(profile);
            run.forEach(entry::put);
            ObjectNode env = entry.putObject("environment");
            environment.forEach(env::put);
            ArrayNode list = entry.putArray("figures");
            for (Figure figure : figures) {
                ObjectNode node = list.addObject();
                node.put("name", figure.name());
                node.put("value", round(figure.value()));
                node.put("unit", figure.unit());
                node.put("direction", figure.direction().name());
                node.put("rounds", figure.rounds());
                ArrayNode perRound = node.putArray("perRound");
                rounds.getOrDefault(figure.name(), List.of()).forEach(v -> perRound.add(round(v)));
                if (figure.rawName() != null) {
                    node.put("raw", figure.rawName());
                    node.put("rawValue", round(figure.rawValue()));
                    node.put("ratio", Math.round(figure.ratio() * 1000) / 1000.0);
                }
                if (figure.met() != null) {
                    node.put("target", figure.targetText());
                    node.put("met", figure.met());
                }
            }
            if (!cpu.isEmpty()) {
                cpu.writeTo(entry.putObject("cpu"));
            }
            Files.createDirectories(file.getParent());
            JSON.writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static double round(double value) {
        return Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 100) / 100.0;
    }
}
