package vn.langnghe.faults;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What the producing services kept: every acknowledged command in its service's event store, and every event
 * of intake's and forum's stores on Kafka exactly once (read_committed, by CloudEvents id).
 */
final class StoreAndLogChecks {

    static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(2);

    private final Cluster cluster;

    StoreAndLogChecks(Cluster cluster) {
        this.cluster = cluster;
    }

    /** Every 2xx submission's id is a stream of intake's store, received once. */
    Check acknowledgedSubmissionsStored(List<RequestRecord> records) throws SQLException {
        Set<String> acknowledged = records.stream().filter(r -> r.service().equals("intake-service"))
                .filter(RequestRecord::acknowledged).map(RequestRecord::returnedId).collect(Collectors.toSet());
        Map<String, Integer> received = countBy("intake", "SELECT substring(stream_id from 12) FROM events"
                + " WHERE event_type = 'intake.SubmissionReceived.v1'");
        return acknowledgedStored("every 2xx submission is in intake's event store once", acknowledged, received);
    }

    /** Every 2xx opinion's id is recorded in forum's store exactly once. */
    Check acknowledgedOpinionsStored(List<RequestRecord> records) throws SQLException {
        Set<String> acknowledged = records.stream().filter(r -> r.service().equals("forum-service"))
                .filter(RequestRecord::acknowledged).map(RequestRecord::clientId).collect(Collectors.toSet());
        Map<String, Integer> recorded = countBy("forum", "SELECT data->>'opinionId' FROM events"
                + " WHERE event_type = 'forum.OpinionRecorded.v1'");
        return acknowledgedStored("every 2xx opinion is in forum's event store once", acknowledged, recorded);
    }

    private static Check acknowledgedStored(String name, Set<String> acknowledged, Map<String, Integer> stored) {
        List<String> lost = acknowledged.stream().filter(id -> !stored.containsKey(id)).sorted().toList();
        List<String> twice = stored.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .sorted().toList();
        return Check.of(name, !acknowledged.isEmpty() && lost.isEmpty() && twice.isEmpty(),
                "acknowledged " + acknowledged.size() + ", stored " + stored.size() + ", lost " + lost.size()
                        + ", stored twice " + twice.size() + sample(lost) + sample(twice))
                .with(Check.LOST, lost.size()).with(Check.DUPLICATES_APPLIED, twice.size());
    }

    /** Every event id of the store is on the topic exactly once, and nothing else is. */
    Check publishedExactlyOnce(String database, String topic) throws SQLException {
        // The load has stopped: wait (bounded) until the relay has published every stored event, judged from the
        // topic itself rather than from the relay's own bookkeeping.
        Map<String, Integer> stored = countBy(database, "SELECT event_id::text FROM events");
        long deadline = System.nanoTime() + CATCH_UP_TIMEOUT.toNanos();
        Map<String, Integer> onKafka = readIds(topic);
        while (!onKafka.keySet().containsAll(stored.keySet()) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
            onKafka = readIds(topic);
        }
        Map<String, Integer> published = onKafka;
        List<String> missing = stored.keySet().stream().filter(id -> !published.containsKey(id)).sorted().toList();
        List<String> duplicated = published.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .sorted().toList();
        List<String> unknown = published.keySet().stream().filter(id -> !stored.containsKey(id)).sorted().toList();
        long extraCopies = published.values().stream().mapToLong(n -> n - 1).sum();
        return Check.of(topic + ": every event of " + database + "'s store exactly once (read_committed)",
                !stored.isEmpty() && missing.isEmpty() && duplicated.isEmpty() && unknown.isEmpty(),
                "events in store " + stored.size() + ", distinct ids on Kafka " + published.size() + ", missing "
                        + missing.size() + ", ids published more than once " + duplicated.size() + " (" + extraCopies
                        + " extra copies), unknown " + unknown.size() + sample(missing) + sample(duplicated))
                .with(Check.LOST, missing.size()).with(Check.DUPLICATES_PUBLISHED, extraCopies);
    }

    /** Reads every partition from the start to its last stable offset and counts each ce_id. */
    Map<String, Integer> readIds(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.kafka.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        Map<String, Integer> counts = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + CATCH_UP_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end " + ends);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    Header id = record.headers().lastHeader("ce_id");
                    String key = id == null ? "(no ce_id at " + record.partition() + "/" + record.offset() + ")"
                            : new String(id.value(), java.nio.charset.StandardCharsets.UTF_8);
                    counts.merge(key, 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    Map<String, Integer> countBy(String database, String sql) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection c = cluster.connect(database); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                counts.merge(rs.getString(1), 1, Integer::sum);
            }
        }
        return counts;
    }

    long single(String database, String sql) throws SQLException {
        try (Connection c = cluster.connect(database); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String sample(List<String> ids) {
        return ids.isEmpty() ? "" : "; e.g. " + ids.subList(0, Math.min(5, ids.size()));
    }
}
