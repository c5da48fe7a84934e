package vn.langnghe.servicekit.eventsourcing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/**
 * {@code langnghe.event-store.*}: whether this service owns aggregates, how its commands share commits, and how
 * its relay publishes.
 */
@ConfigMapping(prefix = "langnghe.event-store")
public interface EventStoreSettings {

    /** True in services that own aggregates (intake, forum): creates the events table and runs the relay. */
    @WithDefault("false")
    boolean enabled();

    Relay relay();

    GroupCommit groupCommit();

    /** {@code langnghe.event-store.group-commit.*}: concurrent commands share one transaction and commit (ADR 0009). */
    interface GroupCommit {
        @WithDefault("true")
        boolean enabled();

        /** Most commands in one transaction (1..64: each runs in a savepoint, a subtransaction). */
        @WithDefault("64")
        int maxBatch();

        /** How long to wait for more commands after the first of a batch; 0 batches what queued meanwhile. */
        @WithDefault("0ms")
        Duration linger();

        /** How long a request waits for its command's outcome before it answers 503 with Retry-After. */
        @WithDefault("30s")
        Duration timeout();
    }

    interface Relay {
        @WithDefault("true")
        boolean enabled();

        /** The relay's name, its row in outbox_position and its CloudEvents source. */
        @WithDefault("${quarkus.application.name}")
        String name();

        /** Kafka topic per aggregate type, e.g. {@code submission=intake.submission.events}. */
        Map<String, String> topics();

        /** Events per round, and so per Kafka transaction: large enough to amortise its commit (ADR 0010). */
        @WithDefault("2000")
        int batchSize();

        @WithDefault("20ms")
        Duration idlePoll();

        /**
         * The least time from one round's start to the next while events keep coming (a full batch goes on at
         * once): fewer, larger Kafka transactions and deliveries under load, for at most this much more lag.
         */
        @WithDefault("100ms")
        Duration roundInterval();

        @WithDefault("1s")
        Duration retryBackoff();

        @WithDefault("30s")
        Duration deliveryTimeout();
    }
}
