package vn.langnghe.eventsourcing.consumer;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * @param name consumer group id and checkpoint owner, e.g. reporting-service.intake
 * @param topics topics to follow from the beginning
 * @param bootstrapServers Kafka brokers
 * @param retryBackoff wait after a failure (database down) before the record is tried again
 */
public record ConsumerSettings(String name, List<String> topics, String bootstrapServers, Duration retryBackoff) {

    public ConsumerSettings {
        Objects.requireNonNull(name, "name");
        topics = List.copyOf(topics);
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(retryBackoff, "retryBackoff");
    }

    public static ConsumerSettings of(String name, List<String> topics, String bootstrapServers) {
        return new ConsumerSettings(name, topics, bootstrapServers, Duration.ofSeconds(1));
    }

    /** The dead-letter topic of a source topic. */
    public static String deadLetterTopic(String topic) {
        return topic + ".dlq";
    }
}
