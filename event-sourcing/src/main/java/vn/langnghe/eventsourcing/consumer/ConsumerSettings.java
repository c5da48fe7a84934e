package vn.langnghe.eventsourcing.consumer;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * @param name consumer group id and checkpoint owner, e.g. reporting-service.intake
 * @param topics topics to follow from the beginning
 * @param bootstrapServers Kafka brokers
 * @param retryBackoff wait after a failure (database down) before the record is tried again
 * @param maxPollRecords records per poll, and so per apply transaction (ADR 0011): more is faster, but the batch's
 *     row locks are held longer
 * @param members members of the consumer group this instance runs, each on its own thread with its own share of the
 *     partitions (at most as many as the topics have): with two, one poll's decoding and handling in Java overlaps
 *     another's database work, which keeps both cores of a small machine busy during a rebuild (ADR 0011)
 */
public record ConsumerSettings(String name, List<String> topics, String bootstrapServers, Duration retryBackoff,
        int maxPollRecords, int members) {

    /** Records per poll unless a service sets {@code langnghe.consumers.max-poll-records}. */
    public static final int DEFAULT_MAX_POLL_RECORDS = 500;

    public ConsumerSettings {
        Objects.requireNonNull(name, "name");
        topics = List.copyOf(topics);
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        if (maxPollRecords < 1) {
            throw new IllegalArgumentException("maxPollRecords must be at least 1, not " + maxPollRecords);
        }
        if (members < 1) {
            throw new IllegalArgumentException("members must be at least 1, not " + members);
        }
    }

    public ConsumerSettings(String name, List<String> topics, String bootstrapServers, Duration retryBackoff,
            int maxPollRecords) {
        this(name, topics, bootstrapServers, retryBackoff, maxPollRecords, 1);
    }

    public ConsumerSettings(String name, List<String> topics, String bootstrapServers, Duration retryBackoff) {
        this(name, topics, bootstrapServers, retryBackoff, DEFAULT_MAX_POLL_RECORDS);
    }

    public static ConsumerSettings of(String name, List<String> topics, String bootstrapServers) {
        return new ConsumerSettings(name, topics, bootstrapServers, Duration.ofSeconds(1));
    }

    /** The dead-letter topic of a source topic. */
    public static String deadLetterTopic(String topic) {
        return topic + ".dlq";
    }
}
