package vn.langnghe.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.langnghe.faults.FaultInjector.FaultWindow;

/** The counts of a fault run and its verdicts, as the text printed and written to the results file. */
record FaultRunReport(FaultPlan plan, String profile, Instant startedAt, Duration wallTime, Duration startUp,
        List<RequestRecord> requests, List<FaultWindow> windows, List<ReadinessProbe.Outage> readinessOutages,
        List<Check> checks) {

    boolean passed() {
        return !checks.isEmpty() && checks.stream().allMatch(Check::passed);
    }

    String render() {
        StringBuilder out = new StringBuilder();
        out.append("Lắng Nghe fault run (").append(profile).append("): seed ").append(plan.seed()).append(", ")
                .append(plan.faults().size()).append(" faults, started ").append(startedAt).append(", wall time ")
                .append(wallTime.toSeconds()).append(" s (start-up ").append(startUp.toSeconds()).append(" s)\n\n");
        out.append("requests sent            ").append(requests.size()).append('\n');
        out.append("requests acknowledged    ").append(requests.stream().filter(RequestRecord::acknowledged).count())
                .append('\n');
        for (String service : List.of("intake-service", "forum-service")) {
            List<RequestRecord> mine = requests.stream().filter(r -> r.service().equals(service)).toList();
            out.append(String.format("  %-22s sent %d, 2xx %d, by status %s, latency p50 %d ms p99 %d ms%n", service,
                    mine.size(), mine.stream().filter(RequestRecord::acknowledged).count(),
                    AvailabilityChecks.statusCounts(mine), AvailabilityChecks.percentileMillis(mine, 0.5),
                    AvailabilityChecks.percentileMillis(mine, 0.99)));
        }
        out.append("faults injected          ").append(plan.faults().size()).append(' ').append(plan.countsByKind())
                .append('\n');
        out.append("lost                     ").append(lost()).append('\n');
        out.append("duplicates applied       ").append(duplicatesApplied()).append('\n');
        out.append("extra copies on Kafka    ").append(total(Check.DUPLICATES_PUBLISHED)).append('\n');
        out.append("longest unavailability (readiness probe, ms) ").append(longestReadinessOutageMillis()).append('\n');
        out.append("longest unavailability (clients without a 2xx, ms) ")
                .append(AvailabilityChecks.longestClientOutageMillis(requests)).append('\n');
        out.append("\nfaults (ms from the fault: restarted, every service ready):\n");
        for (FaultWindow w : windows) {
            out.append(String.format("  %3d %-17s outage %5d  restarted %6d  ready %6d%n", w.fault().number(),
                    w.fault().kind(), w.fault().outage().toMillis(), (w.restoredAt() - w.injectedAt()) / 1_000_000,
                    (w.allReadyAt() - w.injectedAt()) / 1_000_000));
        }
        out.append("\nchecks:\n");
        for (Check check : checks) {
            out.append(check.passed() ? "  PASS  " : "  FAIL  ").append(check.name()).append("\n        ")
                    .append(check.detail()).append('\n');
        }
        out.append('\n').append(passed() ? "ALL CHECKS PASSED" : "SOME CHECKS FAILED").append('\n');
        return out.toString();
    }

    /** Acknowledged commands missing from their store, plus events a projection never applied. */
    long lost() {
        return total(Check.LOST);
    }

    /** Commands stored twice, plus events a projection applied more than once. */
    long duplicatesApplied() {
        return total(Check.DUPLICATES_APPLIED);
    }

    private long total(String figure) {
        return checks.stream().mapToLong(c -> c.figures().getOrDefault(figure, 0L)).sum();
    }

    Map<String, Long> longestReadinessOutageMillis() {
        Map<String, Long> longest = new LinkedHashMap<>();
        for (String service : List.of("intake-service", "forum-service", "reporting-service")) {
            longest.put(service, readinessOutages.stream().filter(o -> o.service().equals(service))
                    .mapToLong(ReadinessProbe.Outage::nanos).max().orElse(0) / 1_000_000);
        }
        return longest;
    }
}
