package vn.langnghe.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Polls every service's {@code /q/health/ready} every {@value #PERIOD_MILLIS} ms for the whole run and keeps
 * the not-ready intervals, so "ready again by itself" and the longest unavailability are measured from outside,
 * the way a Kubernetes readiness probe sees them.
 */
final class ReadinessProbe implements AutoCloseable {

    static final long PERIOD_MILLIS = 200;

    /** A stretch of time (monotonic nanos) during which a service did not answer ready. */
    record Outage(String service, long from, long to) {
        long nanos() {
            return to - from;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofMillis(500)).build();
    private final Map<String, String> urls = new LinkedHashMap<>();
    private final Map<String, Long> notReadySince = new LinkedHashMap<>();
    private final Map<String, Long> lastReadyProbeStartedAt = new LinkedHashMap<>();
    private final List<Outage> outages = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    ReadinessProbe(List<ServiceNode> services) {
        services.forEach(s -> urls.put(s.name(), s.baseUrl() + "/q/health/ready"));
        thread = Thread.ofPlatform().name("readiness-probe").daemon().start(this::run);
    }

    private void run() {
        while (running) {
            long round = System.nanoTime();
            urls.forEach(this::probe);
            LockSupport.parkNanos(Math.max(0, Duration.ofMillis(PERIOD_MILLIS).toNanos() - (System.nanoTime() - round)));
        }
    }

    private void probe(String service, String url) {
        boolean ready;
        long started = System.nanoTime();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build();
            ready = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            ready = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        long now = System.nanoTime();
        synchronized (this) {
            if (ready) {
                lastReadyProbeStartedAt.put(service, started);
            }
            Long since = notReadySince.get(service);
            if (!ready && since == null) {
                notReadySince.put(service, now);
            } else if (ready && since != null) {
                outages.add(new Outage(service, since, now));
                notReadySince.remove(service);
            }
        }
    }

    /** Waits until every service has answered ready on a probe that started after {@code after}. */
    boolean awaitAllReadyAfter(long after, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (readySince(after)) {
                return true;
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        return false;
    }

    private synchronized boolean readySince(long after) {
        return urls.keySet().stream().allMatch(s -> lastReadyProbeStartedAt.getOrDefault(s, Long.MIN_VALUE) > after);
    }

    synchronized List<Outage> outages() {
        List<Outage> all = new ArrayList<>(outages);
        long now = System.nanoTime();
        notReadySince.forEach((service, since) -> all.add(new Outage(service, since, now)));
        return all;
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
