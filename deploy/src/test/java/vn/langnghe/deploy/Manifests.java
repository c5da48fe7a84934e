package vn.langnghe.deploy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every YAML document under deploy/k8s, parsed with Jackson YAML (duplicate keys are an error), with the file it
 * came from. Kustomization files are included as documents of kind Kustomization.
 */
final class Manifests {

    /** One YAML document. */
    record Doc(Path file, int index, ObjectNode tree) {
        String apiVersion() {
            return tree.path("apiVersion").asText("");
        }

        String kind() {
            return tree.path("kind").asText("");
        }

        String name() {
            return tree.path("metadata").path("name").asText("");
        }

        JsonNode spec() {
            return tree.path("spec");
        }

        String where() {
            return deployDir().relativize(file) + " #" + index + " (" + kind() + " " + name() + ")";
        }
    }

    static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder().build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private static List<Doc> all;

    private Manifests() {
    }

    static Path deployDir() {
        String dir = System.getProperty("langnghe.deploy.dir");
        Path path = dir != null ? Path.of(dir) : Path.of("").toAbsolutePath();
        if (!Files.isDirectory(path.resolve("k8s"))) {
            path = path.resolve("deploy");
        }
        return path.toAbsolutePath().normalize();
    }

    static Path k8sDir() {
        return deployDir().resolve("k8s");
    }

    static List<Path> yamlFiles() {
        try (Stream<Path> files = Files.walk(k8sDir())) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized List<Doc> all() {
        if (all == null) {
            List<Doc> docs = new ArrayList<>();
            for (Path file : yamlFiles()) {
                docs.addAll(read(file));
            }
            all = List.copyOf(docs);
        }
        return all;
    }

    static List<Doc> read(Path file) {
        List<Doc> docs = new ArrayList<>();
        try (YAMLParser parser = (YAMLParser) YAML.getFactory().createParser(file.toFile())) {
            parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            int index = 0;
            var iterator = YAML.readValues(parser, JsonNode.class);
            while (iterator.hasNext()) {
                JsonNode node = iterator.next();
                if (node == null || node.isNull() || node.isMissingNode()) {
                    continue;
                }
                if (!(node instanceof ObjectNode object)) {
                    throw new IllegalStateException(file + " #" + index + " is not a mapping");
                }
                docs.add(new Doc(file, index++, object));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
        return docs;
    }

    static boolean inBase(Doc doc) {
        return doc.file().startsWith(k8sDir().resolve("base"));
    }

    static boolean isExample(Doc doc) {
        return doc.file().getFileName().toString().endsWith(".example.yaml");
    }

    /** Documents of the base (what every environment deploys). */
    static List<Doc> base() {
        return all().stream().filter(Manifests::inBase).toList();
    }

    static List<Doc> base(String kind) {
        return base().stream().filter(d -> d.kind().equals(kind)).toList();
    }

    static Optional<Doc> base(String kind, String name) {
        return base(kind).stream().filter(d -> d.name().equals(name)).findFirst();
    }

    /** True when an example file (created by hand per environment, never applied from the repo) documents it. */
    static boolean example(String kind, String name) {
        return all().stream().anyMatch(d -> isExample(d) && d.kind().equals(kind) && d.name().equals(name));
    }

    static Doc require(String kind, String name) {
        return base(kind, name).orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in deploy/k8s/base"));
    }
}
