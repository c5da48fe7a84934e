package vn.langnghe.testsupport.prism;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Where the Prism CLI ({@code @stoplight/prism-cli} from npm) lives: {@code <repository root>/.tools/prism}
 * (git-ignored), installed there with {@code npm install --prefix} the first time a test needs it.
 * {@code -Dlangnghe.prism.dir=...} points elsewhere. CI pre-installs it ({@code .ci/run}).
 */
public final class PrismInstallation {

    /** The version the contract tests were checked with; another version in the directory is replaced. */
    public static final String VERSION = "5.16.0";
    static final String PACKAGE = "@stoplight/prism-cli";

    private final Path directory;

    private PrismInstallation(Path directory) {
        this.directory = directory;
    }

    /** The default directory, installed if needed (under a file lock: several test JVMs may ask at once). */
    public static PrismInstallation ensureInstalled() {
        String configured = System.getProperty("langnghe.prism.dir");
        Path dir = configured != null ? Path.of(configured) : repositoryRoot().resolve(".tools/prism");
        PrismInstallation installation = new PrismInstallation(dir.toAbsolutePath().normalize());
        installation.installIfMissing();
        return installation;
    }

    /** The {@code prism} launcher script (a node script with a shebang). */
    public Path executable() {
        return directory.resolve("node_modules/.bin/prism");
    }

    public Path directory() {
        return directory;
    }

    boolean isInstalled() {
        Path packageJson = directory.resolve("node_modules/@stoplight/prism-cli/package.json");
        try {
            return Files.isExecutable(executable()) && Files.isRegularFile(packageJson)
                    && Files.readString(packageJson).contains("\"version\": \"" + VERSION + "\"");
        } catch (IOException e) {
            return false;
        }
    }

    private void installIfMissing() {
        if (isInstalled()) {
            return;
        }
        try {
            Files.createDirectories(directory);
            try (FileChannel channel = FileChannel.open(directory.resolve(".install.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                if (!isInstalled()) {
                    install();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install Prism into " + directory, e);
        }
    }

    private void install() throws IOException {
        System.err.printf("Prism %s is not in %s: installing %s@%s with npm (once; CI pre-installs it)%n",
                VERSION, directory, PACKAGE, VERSION);
        List<String> command = List.of("npm", "install", "--prefix", directory.toString(), "--no-audit",
                "--no-fund", "--loglevel=error", PACKAGE + "@" + VERSION);
        Process npm;
        try {
            npm = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException e) {
            throw new IllegalStateException("The contract tests run the API through Prism, which needs node and npm: "
                    + "`npm` was not found (Debian: apt-get install -y nodejs npm). " + e.getMessage(), e);
        }
        try {
            if (!npm.waitFor(5, TimeUnit.MINUTES)) {
                npm.destroyForcibly();
                throw new IllegalStateException("npm install of Prism did not finish within 5 minutes: " + command);
            }
        } catch (InterruptedException e) {
            npm.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted installing Prism", e);
        }
        if (npm.exitValue() != 0 || !isInstalled()) {
            throw new IllegalStateException("npm install of Prism failed (exit " + npm.exitValue() + "): " + command);
        }
    }

    /** The nearest directory above the working directory holding the Maven wrapper and the parent POM. */
    static Path repositoryRoot() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isRegularFile(dir.resolve("pom.xml"))
                    && Files.isDirectory(dir.resolve("test-support"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root (mvnw, pom.xml, test-support/) above " + start
                + ": set -Dlangnghe.prism.dir");
    }
}
