package vn.langnghe.bench.suite;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import vn.langnghe.bench.infra.CpuAccounting;
import vn.langnghe.bench.load.LoadResult;
import vn.langnghe.bench.load.OpenLoopRunner;
import vn.langnghe.bench.load.OpenLoopSchedule;

/**
 * Intake under load: a partner portal's {@code POST /api/v1/submissions} (bearer token, Idempotency-Key,
 * validation, append and outbox in one transaction, 201 after commit), an anonymous tip per request.
 */
public final class IntakeLoad {

    /** Open-loop rate is sustainable when nearly all of it completes, without errors and without a queue. */
    static final double MIN_COMPLETED_FRACTION = 0.95;
    static final double MAX_ERROR_FRACTION = 0.001;
    static final double MAX_SUSTAINED_P99_MILLIS = 250;
    static final int PROBE_CONCURRENCY = 32;

    private final Http http;
    private final String baseUrl;
    private final String partnerToken;
    private final OpenLoopRunner runner;

    public IntakeLoad(Http http, String baseUrl, String partnerToken) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.partnerToken = partnerToken;
        this.runner = new OpenLoopRunner(http.client());
    }

    /** The maximum rate found, the open-loop run that confirmed it, and the machine's CPU during that run. */
    public record MaxRate(double closedLoopRate, double sustainedRate, LoadResult confirmation, int attempts,
            CpuAccounting.Use cpu) {}

    public LoadResult openLoop(double rate, double seconds, String unitId, int maxInFlight) {
        OpenLoopSchedule schedule = OpenLoopSchedule.forDuration(System.nanoTime() + 20_000_000, rate, seconds);
        return runner.run(schedule, submit(unitId), 201, maxInFlight);
    }

    /**
     * A closed-loop saturation probe ({@value #PROBE_CONCURRENCY} clients back to back) gives a ceiling; open-loop
     * runs from 90 % of it step down by 15 % until one is sustainable (or 6 attempts).
     */
    public MaxRate findMaxRate(int stepSeconds, String unitId, CpuAccounting accounting, Consumer<String> progress) {
        double ceiling = closedLoop(stepSeconds, unitId);
        progress.accept(String.format("closed-loop probe: %.0f/s", ceiling));
        double rate = ceiling * 0.9;
        LoadResult result = null;
        CpuAccounting.Use cpu = null;
        int attempts = 0;
        while (attempts < 6) {
            attempts++;
            CpuAccounting.Snapshot before = accounting.take();
            result = openLoop(rate, stepSeconds, unitId, 4096);
            cpu = accounting.since(before);
            boolean ok = sustainable(result);
            progress.accept(String.format("open loop at %.0f/s: achieved %.0f/s, p99 %.1f ms, errors %d → %s",
                    rate, result.achievedRate(), result.latencyMillis(99), result.errors(), ok ? "sustained" : "not"));
            if (ok) {
                return new MaxRate(ceiling, rate, result, attempts, cpu);
            }
            rate *= 0.85;
        }
        return new MaxRate(ceiling, 0, result, attempts, cpu);
    }

    static boolean sustainable(LoadResult result) {
        return result.errorFraction() <= MAX_ERROR_FRACTION
                && result.achievedRate() >= MIN_COMPLETED_FRACTION * result.offeredRate()
                && result.latencyMillis(99) <= MAX_SUSTAINED_P99_MILLIS;
    }

    /** Unmeasured closed-loop load, so intake's JIT compiler has done its work before round 1. */
    public void warmUp(int seconds, String unitId) {
        closedLoop(seconds, unitId);
    }

    /** Requests per second with {@value #PROBE_CONCURRENCY} clients each sending the next on an answer. */
    double closedLoop(int seconds, String unitId) {
        LongFunction<HttpRequest> submit = submit(unitId);
        AtomicLong sequence = new AtomicLong();
        AtomicInteger ok = new AtomicInteger();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        List<Thread> clients = new java.util.ArrayList<>();
        for (int c = 0; c < PROBE_CONCURRENCY; c++) {
            clients.add(Thread.ofVirtual().start(() -> {
                while (System.nanoTime() < end) {
                    try {
                        HttpResponse<Void> response = http.client().send(submit.apply(sequence.getAndIncrement()),
                                HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() == 201) {
                            ok.incrementAndGet();
                        }
                    } catch (java.io.IOException e) {
                        // counted as not ok
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }));
        }
        for (Thread client : clients) {
            try {
                client.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ok.get() / ((System.nanoTime() - start) / 1e9);
    }

    private LongFunction<HttpRequest> submit(String unitId) {
        return i -> Http.request(baseUrl + "/api/v1/submissions", partnerToken)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(Http.json(Map.of("kind", "TIP", "unitId", unitId, "topic", "DRUGS",
                        "description", "Phản ánh có người tụ tập nghi sử dụng ma túy tại khu trọ, tin số " + i)))
                .build();
    }

    /** A smoke request before measuring: the body and token must be accepted. */
    public void checkOnce(String unitId) {
        http.expect(201, submit(unitId).apply(0));
    }
}
