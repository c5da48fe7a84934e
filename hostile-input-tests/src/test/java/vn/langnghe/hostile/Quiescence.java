package vn.langnghe.hostile;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import vn.langnghe.testsupport.infra.Infrastructure;

/**
 * Waits until nothing moves on its own: every relay has published its last event and every consumer group has
 * committed up to the end of its topics. Only then do row counts taken around one request belong to that
 * request (the services' consumers write into their databases in the background).
 */
final class Quiescence implements AutoCloseable {

    private final Admin kafka;
    private final Infrastructure infra;
    private final java.util.List<String> eventStoreDatabases;

    Quiescence(Infrastructure infra, java.util.List<String> eventStoreDatabases) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafka().bootstrapServers());
        this.kafka = Admin.create(config);
        this.infra = infra;
        this.eventStoreDatabases = eventStoreDatabases;
    }

    void await() {
        Awaitility.await("relays and consumers caught up").atMost(Duration.ofSeconds(90))
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                .until(() -> relaysCaughtUp() && consumersCaughtUp());
    }

    private boolean relaysCaughtUp() throws SQLException {
        for (String database : eventStoreDatabases) {
            try (Connection c = DriverManager.getConnection(infra.postgres().jdbcUrl(database),
                            infra.postgres().username(), infra.postgres().password());
                    Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT (SELECT coalesce(max(global_position), 0) FROM events)"
                            + " - coalesce((SELECT max(position) FROM outbox_position), 0)")) {
                r.next();
                if (r.getLong(1) > 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Every partition of every topic a group reads (a partition it never committed counts from 0: a group commits
     * only partitions it has seen records on) has its end offset committed.
     */
    private boolean consumersCaughtUp() throws Exception {
        for (ConsumerGroupListing group : kafka.listConsumerGroups().all().get()) {
            Map<TopicPartition, OffsetAndMetadata> committed = kafka.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get();
            java.util.Set<String> topics = committed.keySet().stream().map(TopicPartition::topic)
                    .collect(Collectors.toSet());
            if (topics.isEmpty()) {
                continue;
            }
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            kafka.describeTopics(topics).allTopicNames().get().values().forEach(topic -> topic.partitions()
                    .forEach(p -> latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest())));
            var ends = kafka.listOffsets(latest).all().get();
            for (var end : ends.entrySet()) {
                OffsetAndMetadata at = committed.get(end.getKey());
                if ((at == null ? 0 : at.offset()) < end.getValue().offset()) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public void close() {
        kafka.close(Duration.ofSeconds(5));
    }
}
