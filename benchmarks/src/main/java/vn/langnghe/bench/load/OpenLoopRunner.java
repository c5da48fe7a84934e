package vn.langnghe.bench.load;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * Sends requests at the intended times of an {@link OpenLoopSchedule}, never waiting for answers before sending
 * the next; latency runs from the intended time. A request counts as an error on a status other than
 * {@code expectedStatus}, a failure, or no answer within the timeout.
 */
public final class OpenLoopRunner {

    private final HttpClient client;

    public OpenLoopRunner(HttpClient client) {
        this.client = client;
    }

    /**
     * @param maxInFlight bounds the connections an overload can open (a permit is taken at the intended time and
     *                    any wait for it counts in the latency); use a large number for a plain open loop
     */
    public LoadResult run(OpenLoopSchedule schedule, LongFunction<HttpRequest> requestFor, int expectedStatus,
            int maxInFlight) {
        int n = Math.toIntExact(schedule.count());
        long[] latency = new long[n];
        long[] completed = new long[n];
        Arrays.fill(latency, -1);
        Arrays.fill(completed, -1);
        AtomicInteger errors = new AtomicInteger();
        Semaphore inFlight = new Semaphore(maxInFlight);
        CompletableFuture<?>[] all = new CompletableFuture<?>[n];
        for (int i = 0; i < n; i++) {
            long intended = schedule.intendedNanos(i);
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            HttpRequest request = requestFor.apply(i);
            inFlight.acquireUninterruptibly();
            int index = i;
            all[i] = client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .orTimeout(30, TimeUnit.SECONDS)
                    .whenComplete((response, failure) -> {
                        long now = System.nanoTime();
                        inFlight.release();
                        if (failure == null && response.statusCode() == expectedStatus) {
                            latency[index] = now - intended;
                            completed[index] = now;
                        } else {
                            errors.incrementAndGet();
                        }
                    });
        }
        try {
            CompletableFuture.allOf(all).exceptionally(t -> null).join();
        } catch (RuntimeException ignored) {
            // failures are counted per request
        }
        return new LoadResult(schedule.ratePerSecond(), schedule.startNanos(), latency, completed, errors.get());
    }
}
