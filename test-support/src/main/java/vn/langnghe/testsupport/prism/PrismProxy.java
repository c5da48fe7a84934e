package vn.langnghe.testsupport.prism;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import vn.langnghe.testsupport.ports.FreePorts;
import vn.langnghe.testsupport.process.ShutdownHooks;

/**
 * Prism ({@code prism proxy}) as a validating proxy in front of one service: every request sent to
 * {@link #baseUrl()} is checked against the service's published OpenAPI document, forwarded to the service, and
 * its response checked too. Disagreements do not change the answer ({@code --errors=false}): Prism lists them in
 * the {@code sl-violations} response header, which {@link ContractCheck} turns into test failures.
 *
 * <pre>{@code
 * try (PrismProxy prism = PrismProxy.start(URI.create(service.baseUrl()))) {
 *     given().baseUri(prism.baseUrl()).filter(new ContractCheck()).get("/api/v1/forums").then().statusCode(200);
 * }}</pre>
 *
 * A child process: {@link #close()} stops it, and a shutdown hook does if the JVM ends first.
 */
public final class PrismProxy implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final int port;
    private final URI upstream;
    private final Path specFile;
    private final Path logFile;
    private final Thread shutdownHook;

    private PrismProxy(Process process, int port, URI upstream, Path specFile, Path logFile) {
        this.process = process;
        this.port = port;
        this.upstream = upstream;
        this.specFile = specFile;
        this.logFile = logFile;
        this.shutdownHook = ShutdownHooks.add("langnghe-stop-prism-" + port, process::destroyForcibly);
    }

    /** Fetches {@code <upstream>/q/openapi?format=json} (the document the service publishes) and proxies to it. */
    public static PrismProxy start(URI upstream) {
        return start(upstream, fetchOpenApi(upstream));
    }

    /** Proxies to {@code upstream}, validating against the OpenAPI document in {@code spec} (JSON or YAML). */
    public static PrismProxy start(URI upstream, Path spec) {
        PrismInstallation prism = PrismInstallation.ensureInstalled();
        int port = FreePorts.next();
        String target = upstream.toString().replaceAll("/+$", "");
        List<String> command = List.of(prism.executable().toString(), "proxy", spec.toString(), target,
                "-h", "127.0.0.1", "-p", String.valueOf(port), "--errors=false", "--cors=false",
                "-v", "warn");
        Path log;
        Process process;
        try {
            log = Files.createTempFile("langnghe-prism-" + port + "-", ".log");
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Prism: " + command, e);
        }
        PrismProxy proxy = new PrismProxy(process, port, URI.create(target), spec, log);
        try {
            proxy.awaitListening();
        } catch (RuntimeException e) {
            proxy.close();
            throw e;
        }
        return proxy;
    }

    /** Where to send requests: {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The service behind the proxy. */
    public URI upstream() {
        return upstream;
    }

    /** The OpenAPI document Prism validates against. */
    public Path specFile() {
        return specFile;
    }

    /** Prism's own log (violations are logged there as well as in the header). */
    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        ShutdownHooks.remove(shutdownHook);
        try {
            Files.deleteIfExists(logFile);
        } catch (IOException e) {
            // a temp file: left for the OS to clean
        }
    }

    /** The document a running service publishes, saved to a temp file (deleted when the JVM exits). */
    public static Path fetchOpenApi(URI service) {
        URI document = URI.create(service.toString().replaceAll("/+$", "") + "/q/openapi?format=json");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(document)
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + document + " answered " + response.statusCode());
            }
            Path file = Files.createTempFile("langnghe-openapi-", ".json");
            file.toFile().deleteOnExit();
            Files.writeString(file, response.body());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fetch the OpenAPI document " + document, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted fetching " + document, e);
        }
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Prism exited with " + process.exitValue()
                        + " before it listened on " + port + logTail());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                return;
            } catch (IOException e) {
                // not listening yet: poll again
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for Prism", e);
            }
        }
        throw new IllegalStateException("Prism did not listen on " + port + " within " + START_TIMEOUT + logTail());
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return "\n--- " + logFile + " (last 30 lines) ---\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }
}
