package vn.langnghe.faults;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Carries out a {@link FaultPlan} on a {@link Cluster}, one fault at a time: break the component, keep it down for
 * the fault's outage, start it again (a broken service is restarted by the harness, as Kubernetes would; servers
 * are restarted, services must reconnect by themselves), wait until every service answers ready, then let the
 * load run calmly before the next fault.
 */
final class FaultInjector {

    static final Duration RECOVERY_TIMEOUT = Duration.ofMinutes(2);

    /** What happened to one fault, in monotonic nanos: broken, restarted, and every service ready again. */
    record FaultWindow(FaultPlan.Fault fault, long injectedAt, long restoredAt, long allReadyAt) {
        boolean covers(long at) {
            return at >= injectedAt && at <= restoredAt;
        }
    }

    private final Cluster cluster;
    private final ReadinessProbe probe;
    private final PrintStream out;
    private final List<FaultWindow> windows = new ArrayList<>();

    FaultInjector(Cluster cluster, ReadinessProbe probe, PrintStream out) {
        this.cluster = cluster;
        this.probe = probe;
        this.out = out;
    }

    List<FaultWindow> run(FaultPlan plan) {
        for (FaultPlan.Fault fault : plan.faults()) {
            long injectedAt = System.nanoTime();
            breakComponent(fault.kind());
            pause(fault.outage()); // deliberate: the outage is the fault
            restore(fault.kind());
            long restoredAt = System.nanoTime();
            if (!probe.awaitAllReadyAfter(restoredAt, RECOVERY_TIMEOUT)) {
                throw new IllegalStateException("after fault " + fault.number() + " (" + fault.kind()
                        + ") not every service was ready again within " + RECOVERY_TIMEOUT);
            }
            long allReadyAt = System.nanoTime();
            windows.add(new FaultWindow(fault, injectedAt, restoredAt, allReadyAt));
            out.printf("fault %3d/%d %-17s down %5d ms, all ready %6d ms after the fault%n", fault.number(),
                    plan.faults().size(), fault.kind(), (restoredAt - injectedAt) / 1_000_000,
                    (allReadyAt - injectedAt) / 1_000_000);
            pause(fault.calmAfter()); // deliberate: steady load between faults
        }
        return List.copyOf(windows);
    }

    List<FaultWindow> windows() {
        return List.copyOf(windows);
    }

    private void breakComponent(FaultKind kind) {
        switch (kind) {
            case KAFKA_KILLED -> cluster.kafka.kill();
            case POSTGRES_STOPPED -> cluster.postgres.crash();
            default -> cluster.node(kind).kill();
        }
    }

    private void restore(FaultKind kind) {
        switch (kind) {
            case KAFKA_KILLED -> cluster.kafka.start();
            case POSTGRES_STOPPED -> cluster.postgres.start();
            default -> cluster.node(kind).start();
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
