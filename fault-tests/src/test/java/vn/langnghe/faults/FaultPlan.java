package vn.langnghe.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded random order of faults: the same seed and count always give the same plan, so a failing run can be
 * replayed. When there are at least as many faults as kinds, every kind occurs at least once.
 */
public record FaultPlan(long seed, List<Fault> faults) {

    /** One fault: its kind, how long the component stays down, and how long the load runs undisturbed after. */
    public record Fault(int number, FaultKind kind, Duration outage, Duration calmAfter) {}

    /** Ranges the random durations are drawn from (milliseconds, inclusive). */
    public record Timing(long minOutageMillis, long maxOutageMillis, long minCalmMillis, long maxCalmMillis) {
        /** CI: outages and calm periods short enough for the whole run to stay within three minutes. */
        public static final Timing SHORT = new Timing(1_000, 3_000, 1_000, 3_000);
        /** The full run: longer outages, so Kafka-down and database-down windows see more requests. */
        public static final Timing FULL = new Timing(1_000, 6_000, 2_000, 6_000);
    }

    public FaultPlan {
        faults = List.copyOf(faults);
    }

    public static FaultPlan generate(long seed, int count, Timing timing) {
        if (count < 1) {
            throw new IllegalArgumentException("at least one fault, not " + count);
        }
        Random random = new Random(seed);
        FaultKind[] kinds = FaultKind.values();
        List<FaultKind> order = new ArrayList<>();
        if (count >= kinds.length) {
            order.addAll(List.of(kinds));
        }
        while (order.size() < count) {
            order.add(kinds[random.nextInt(kinds.length)]);
        }
        Collections.shuffle(order, random);
        List<Fault> faults = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            faults.add(new Fault(i + 1, order.get(i),
                    Duration.ofMillis(between(random, timing.minOutageMillis(), timing.maxOutageMillis())),
                    Duration.ofMillis(between(random, timing.minCalmMillis(), timing.maxCalmMillis()))));
        }
        return new FaultPlan(seed, faults);
    }

    public Map<FaultKind, Integer> countsByKind() {
        Map<FaultKind, Integer> counts = new EnumMap<>(FaultKind.class);
        for (FaultKind kind : FaultKind.values()) {
            counts.put(kind, 0);
        }
        faults.forEach(f -> counts.merge(f.kind(), 1, Integer::sum));
        return counts;
    }

    private static long between(Random random, long min, long max) {
        return min + (max > min ? (long) (random.nextDouble() * (max - min + 1)) : 0);
    }
}
