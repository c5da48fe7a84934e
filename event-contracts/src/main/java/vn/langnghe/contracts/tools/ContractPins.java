package vn.langnghe.contracts.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The SHA-256 pins of released contract files, kept in {@code contracts/released.sha256} in the format
 * of {@code sha256sum} ({@code <hex>  <folder>/<file>}), so {@code sha256sum -c released.sha256} also
 * checks them. A released schema or example never changes: a change is a new version folder.
 * Plain JDK only, so it runs with just the module's classes on the class path.
 */
public final class ContractPins {

    public static final String PIN_FILE = "released.sha256";
    public static final List<String> CONTRACT_FILES = List.of("schema.json", "example.json");

    private ContractPins() {
    }

    /**
     * What differs between the pins and the files.
     *
     * @param edited   pinned files whose content changed
     * @param deleted  pinned files that are gone
     * @param unpinned contract files not pinned yet (a new version, or a folder someone forgot)
     */
    public record Check(List<String> edited, List<String> deleted, List<String> unpinned) {

        /** True when released files are untouched; unpinned files are not a breach, just unfinished. */
        public boolean releasedIntact() {
            return edited.isEmpty() && deleted.isEmpty();
        }

        public boolean clean() {
            return releasedIntact() && unpinned.isEmpty();
        }
    }

    /** Compares the pin file of {@code contractsDir} with the files in it. */
    public static Check check(Path contractsDir) {
        Map<String, String> pins = readPins(contractsDir);
        List<String> edited = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        pins.forEach((path, hash) -> {
            Path file = contractsDir.resolve(path);
            if (!Files.isRegularFile(file)) {
                deleted.add(path);
            } else if (!sha256(file).equals(hash)) {
                edited.add(path);
            }
        });
        List<String> unpinned = contractFiles(contractsDir).stream().filter(p -> !pins.containsKey(p)).toList();
        return new Check(List.copyOf(edited), List.copyOf(deleted), unpinned);
    }

    /** Appends pins for unpinned files only; existing lines are never touched. Returns the new paths. */
    public static List<String> pinNew(Path contractsDir) {
        List<String> fresh = check(contractsDir).unpinned();
        StringBuilder lines = new StringBuilder();
        for (String path : fresh) {
            lines.append(sha256(contractsDir.resolve(path))).append("  ").append(path).append('\n');
        }
        try {
            Files.writeString(contractsDir.resolve(PIN_FILE), lines, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fresh;
    }

    /** Pinned path (relative to the contracts folder, with {@code /}) to hex SHA-256, in file order. */
    public static Map<String, String> readPins(Path contractsDir) {
        Path pinFile = contractsDir.resolve(PIN_FILE);
        Map<String, String> pins = new LinkedHashMap<>();
        if (!Files.exists(pinFile)) {
            return pins;
        }
        try {
            for (String line : Files.readAllLines(pinFile, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(" [ *]", 2);
                if (parts.length != 2 || !parts[0].matches("[0-9a-f]{64}")) {
                    throw new IllegalStateException(pinFile + ": malformed line '" + line + "'");
                }
                if (pins.putIfAbsent(parts[1].strip(), parts[0]) != null) {
                    throw new IllegalStateException(pinFile + ": " + parts[1] + " is pinned twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pins;
    }

    /**
     * Every {@code <folder>/schema.json} and {@code <folder>/example.json} under the contracts folder,
     * sorted. A folder missing one of them still lists the expected path, so it cannot go unnoticed.
     */
    public static List<String> contractFiles(Path contractsDir) {
        try (Stream<Path> folders = Files.list(contractsDir)) {
            return folders.filter(Files::isDirectory)
                    .map(f -> f.getFileName().toString())
                    .sorted()
                    .flatMap(name -> CONTRACT_FILES.stream().map(file -> name + "/" + file))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String sha256(Path file) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(file + " is missing or unreadable", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
