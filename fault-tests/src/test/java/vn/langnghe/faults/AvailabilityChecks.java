package vn.langnghe.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.langnghe.faults.FaultInjector.FaultWindow;

/**
 * How the services answered while things broke, from the load's own records: with Kafka down intake and forum
 * kept answering 2xx; with the database down they answered 503 with Retry-After, fast; nobody hung; and nothing
 * else went wrong outside the faults that explain it.
 */
final class AvailabilityChecks {

    /**
     * A database-down 503 must come back within the services' connection acquisition timeout (3 s, their
     * application.properties): that is their promise. Agroal makes an acquirer that arrives while others already
     * wait block up to 1 s first, and creates connections one at a time, so 1-2 s is what clients see.
     */
    static final Duration FAST_503_P99 = Duration.ofSeconds(3);
    /** After PostgreSQL is back, a pooled connection that died with it may still cost one 503. */
    static final Duration RECOVERY_GRACE = Duration.ofSeconds(5);

    private final List<RequestRecord> records;
    private final List<FaultWindow> windows;

    AvailabilityChecks(List<RequestRecord> records, List<FaultWindow> windows) {
        this.records = records;
        this.windows = windows;
    }

    List<Check> run() {
        return List.of(kafkaDownStillAcknowledged(), databaseDownFast503s(), nothingHung(), nothingUnexplained());
    }

    private Check kafkaDownStillAcknowledged() {
        List<RequestRecord> during = within(FaultKind.KAFKA_KILLED);
        long acknowledged = during.stream().filter(RequestRecord::acknowledged).count();
        return Check.of("while Kafka was down, intake and forum answered 2xx", !during.isEmpty()
                        && acknowledged == during.size(),
                "requests sent and answered while the broker was down " + during.size() + ", 2xx " + acknowledged
                        + ", other " + statuses(during.stream().filter(r -> !r.acknowledged()).toList()));
    }

    private Check databaseDownFast503s() {
        List<RequestRecord> during = within(FaultKind.POSTGRES_STOPPED);
        List<RequestRecord> refused = during.stream().filter(r -> !r.acknowledged()).toList();
        long proper = refused.stream().filter(r -> r.status() == 503 && r.retryAfter() != null).count();
        long p99 = percentileMillis(refused, 0.99);
        long max = percentileMillis(refused, 1.0);
        return Check.of("while PostgreSQL was down, clients got fast 503s with Retry-After",
                !refused.isEmpty() && proper == refused.size() && p99 < FAST_503_P99.toMillis(),
                "requests sent and answered while the database was down " + during.size() + ", 503 with Retry-After "
                        + proper + " of " + refused.size() + " refused " + statuses(refused) + ", latency p99 " + p99
                        + " ms, max " + max + " ms (bound p99 < " + FAST_503_P99.toMillis() + " ms)");
    }

    private Check nothingHung() {
        List<RequestRecord> timedOut = records.stream().filter(RequestRecord::timedOut).toList();
        return Check.of("no request hung beyond the client timeout (" + SteadyLoad.CLIENT_TIMEOUT.toSeconds() + " s)",
                timedOut.isEmpty(), "timed out " + timedOut.size() + " of " + records.size());
    }

    /**
     * Every answer but a 2xx must be explained by a fault: no answer only while the service itself was killed
     * and restarting, a 503 only while the database was down or just after; never a 4xx or another 5xx.
     */
    private Check nothingUnexplained() {
        List<RequestRecord> unexplained = new ArrayList<>();
        for (RequestRecord r : records) {
            if (r.acknowledged() || r.timedOut()) {
                continue;
            }
            boolean explained = switch (r.status()) {
                case 0 -> overlaps(r, killOf(r.service()), Duration.ZERO);
                case 503 -> overlaps(r, FaultKind.POSTGRES_STOPPED, RECOVERY_GRACE);
                default -> false;
            };
            if (!explained) {
                unexplained.add(r);
            }
        }
        return Check.of("every non-2xx answer is explained by a fault in progress", unexplained.isEmpty(),
                "unexplained " + unexplained.size() + " " + statuses(unexplained)
                        + unexplained.stream().limit(3).map(r -> " [" + r.service() + " " + r.status() + " "
                        + (r.failure() == null ? "" : r.failure()) + "]").reduce("", String::concat));
    }

    private static FaultKind killOf(String service) {
        return switch (service) {
            case "intake-service" -> FaultKind.INTAKE_KILLED;
            case "forum-service" -> FaultKind.FORUM_KILLED;
            default -> FaultKind.REPORTING_KILLED;
        };
    }

    /** Requests sent after the fault began and answered before the component was restarted. */
    private List<RequestRecord> within(FaultKind kind) {
        return records.stream().filter(r -> windows.stream().anyMatch(w -> w.fault().kind() == kind
                && r.sentAt() >= w.injectedAt() && r.finishedAt() <= w.restoredAt())).toList();
    }

    private boolean overlaps(RequestRecord r, FaultKind kind, Duration grace) {
        return windows.stream().anyMatch(w -> w.fault().kind() == kind && r.finishedAt() >= w.injectedAt()
                && r.sentAt() <= w.allReadyAt() + grace.toNanos());
    }

    static Map<Integer, Long> statusCounts(List<RequestRecord> records) {
        Map<Integer, Long> counts = new TreeMap<>();
        records.forEach(r -> counts.merge(r.status(), 1L, Long::sum));
        return counts;
    }

    private static String statuses(List<RequestRecord> records) {
        return records.isEmpty() ? "" : "(status: count " + statusCounts(records) + ")";
    }

    static long percentileMillis(List<RequestRecord> records, double quantile) {
        if (records.isEmpty()) {
            return 0;
        }
        List<Long> latencies = records.stream().map(RequestRecord::latencyNanos).sorted(Comparator.naturalOrder())
                .toList();
        int index = (int) Math.ceil(quantile * latencies.size()) - 1;
        return latencies.get(Math.max(0, Math.min(index, latencies.size() - 1))) / 1_000_000;
    }

    /**
     * The longest time each loaded service went without a 2xx, as its clients saw it: from the first request
     * that failed to the end of the next one that succeeded.
     */
    static Map<String, Long> longestClientOutageMillis(List<RequestRecord> records) {
        Map<String, Long> longest = new LinkedHashMap<>();
        Map<String, List<RequestRecord>> byService = new TreeMap<>();
        records.forEach(r -> byService.computeIfAbsent(r.service(), s -> new ArrayList<>()).add(r));
        byService.forEach((service, list) -> {
            list.sort(Comparator.comparingLong(RequestRecord::sentAt));
            long failingSince = Long.MIN_VALUE;
            long worst = 0;
            for (RequestRecord r : list) {
                if (!r.acknowledged() && failingSince == Long.MIN_VALUE) {
                    failingSince = r.sentAt();
                } else if (r.acknowledged() && failingSince != Long.MIN_VALUE) {
                    worst = Math.max(worst, r.finishedAt() - failingSince);
                    failingSince = Long.MIN_VALUE;
                }
            }
            longest.put(service, worst / 1_000_000);
        });
        return longest;
    }
}
