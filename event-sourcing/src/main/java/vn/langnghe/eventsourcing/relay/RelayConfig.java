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
 * @param roundInterval the least time from the start of one round to the next while events keep coming (a full
 *     batch goes on at once): under steady load, fewer and larger Kafka transactions, and so fewer and larger
 *     deliveries to every consumer, for at most this much more delay (ADR 0010)
 */
public record RelayConfig(
        String name,
        URI source,
        Map<String, String> topicByStreamType,
        String bootstrapServers,
        int batchSize,
        Duration idlePoll,
        Duration retryBackoff,
        Duration deliveryTimeout,
        Duration roundInterval) {

    public RelayConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        topicByStreamType = Map.copyOf(topicByStreamType);
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive");
        }
        Objects.requireNonNull(roundInterval, "roundInterval");
        if (roundInterval.isNegative()) {
            throw new IllegalArgumentException("roundInterval must not be negative");
        }
    }

    /** Rounds one after the other, without a least interval. */
    public RelayConfig(String name, URI source, Map<String, String> topicByStreamType, String bootstrapServers,
            int batchSize, Duration idlePoll, Duration retryBackoff, Duration deliveryTimeout) {
        this(name, source, topicByStreamType, bootstrapServers, batchSize, idlePoll, retryBackoff, deliveryTimeout,
                Duration.ZERO);
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
