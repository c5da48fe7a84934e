package vn.langnghe.bench;

import java.time.Duration;

/**
 * How long and how big each measurement is. QUICK must finish in 10 minutes, FULL in 60, on a 2-core machine.
 *
 * @param pgbenchSeconds       each pgbench script's duration per round
 * @param kafkaRecords         records per Kafka perf-test run
 * @param stepSeconds          each open-loop step of the intake rate search
 * @param latencySeconds       the open-loop run at half the maximum rate
 * @param burstSeconds         the burst at twice the sustained rate, for projection lag
 * @param forumSeconds         the forum live-path run
 * @param syntheticEvents      events produced straight to Kafka for the rebuild (before the disk rule)
 * @param queriesPerKind       report queries per kind per round, at most
 * @param querySeconds         time for each kind's queries per round: slow queries stop sooner (at least one counts)
 * @param budget               the whole run's time limit (the harness stops adding rebuild rounds past it)
 * @param warmupSeconds        unmeasured load on intake (closed loop) and on the forum live path before round 1,
 *                             so the services' JIT compilers are done before anything counts
 */
public record Profile(String name, int pgbenchSeconds, int kafkaRecords, int stepSeconds, int latencySeconds,
        int burstSeconds, int forumSeconds, long syntheticEvents, int queriesPerKind, int querySeconds, Duration budget,
        int warmupSeconds) {

    public static final Profile QUICK = new Profile("quick", 5, 200_000, 4, 8, 4, 8, 20_000, 100, 30,
            Duration.ofMinutes(10), 20);
    public static final Profile FULL = new Profile("full", 20, 2_000_000, 10, 30, 10, 30, 10_000_000, 500, 60,
            Duration.ofMinutes(60), 60);
}
