package vn.langnghe.servicekit.eventsourcing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** {@code langnghe.event-store.*}: whether this service owns aggregates, and how its relay publishes. */
@ConfigMapping(prefix = "langnghe.event-store")
public interface EventStoreSettings {

    /** True in services that own aggregates (intake, forum): creates the events table and runs the relay. */
    @WithDefault("false")
    boolean enabled();

    Relay relay();

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

        @WithDefault("1s")
        Duration retryBackoff();

        @WithDefault("30s")
        Duration deliveryTimeout();
    }
}
