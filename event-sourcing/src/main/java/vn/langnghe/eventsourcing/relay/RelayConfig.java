package vn.langnghe.eventsourcing.relay;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How one service's relay publishes.
 *
 * @param name the relay's name (its row in outbox_position), e.g. intake-service
 * @param source the CloudEvents source of everything it publishes, e.g. /intake-service
 * @param topicByStreamType the Kafka topic of each aggregate type (one topic per aggregate type)
 * @param bootstrapServers Kafka brokers
 * @param batchSize events read and sent per round, in one Kafka transaction
 * @param idlePoll how long to wait before looking again when nothing was new
 * @param retryBackoff how long to wait after a failure (broker or database down)
 * @param deliveryTimeout how long one send may take before the round is retried from its start
 */
public record RelayConfig(
        String name,
        URI source,
        Map<String, String> topicByStreamType,
        String bootstrapServers,
        int batchSize,
        Duration idlePoll,
        Duration retryBackoff,
        Duration deliveryTimeout) {

    public RelayConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        topicByStreamType = Map.copyOf(topicByStreamType);
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive");
        }
    }

    public static RelayConfig of(String name, Map<String, String> topicByStreamType, String bootstrapServers) {
        return new RelayConfig(name, URI.create("/" + name), topicByStreamType, bootstrapServers, 2_000,
                Duration.ofMillis(20), Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    public String topicOf(String streamType) {
        String topic = topicByStreamType.get(streamType);
        if (topic == null) {
            throw new IllegalStateException("relay " + name + " has no topic for stream type " + streamType);
        }
        return topic;
    }
}
