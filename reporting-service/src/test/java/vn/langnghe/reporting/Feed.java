package vn.langnghe.reporting;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import vn.langnghe.contracts.ContractJson;
import vn.langnghe.contracts.Topics;
import vn.langnghe.contracts.events.Attendance;
import vn.langnghe.contracts.events.Channel;
import vn.langnghe.contracts.events.ContractEvent;
import vn.langnghe.contracts.events.Delegate;
import vn.langnghe.contracts.events.ForumScheduled;
import vn.langnghe.contracts.events.SessionKind;
import vn.langnghe.contracts.events.SubmissionClassified;
import vn.langnghe.contracts.events.SubmissionKind;
import vn.langnghe.contracts.events.SubmissionReceived;
import vn.langnghe.contracts.events.Track;
import vn.langnghe.intake.domain.clock.LegalDates;
import vn.langnghe.reporting.projection.Projections;
import vn.langnghe.testsupport.kafka.TestCloudEvents;

/**
 * Events as intake-service and forum-service publish them: the real contract records, serialised with
 * {@link ContractJson#mapper()}, sent as binary-mode CloudEvents with {@link TestCloudEvents}. Sends may be
 * shuffled within a stream and duplicated, as an at-least-once log may deliver them.
 */
final class Feed {

    static final ObjectMapper JSON = ContractJson.mapper();
    private static final Random RANDOM = new Random(20260101);

    private final String servers;
    private final List<Stream> streams = new ArrayList<>();

    Feed(String servers) {
        this.servers = servers;
    }

    static Instant at(LocalDate day) {
        return day.atStartOfDay(LegalDates.VIETNAM).toInstant();
    }

    static Instant at(String day) {
        return at(LocalDate.parse(day));
    }

    static String trackingCode() {
        String chars = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            if (i == 4 || i == 8) {
                code.append('-');
            }
            code.append(chars.charAt(RANDOM.nextInt(chars.length())));
        }
        return code.toString();
    }

    /** One stream: its events in version order, each with the instant it was recorded. */
    final class Stream {
        final UUID id = UUID.randomUUID();
        final String streamId;
        final String topic;
        final String source;
        final List<ProducerRecord<String, byte[]>> records = new ArrayList<>();

        Stream(String prefix, String topic, String source) {
            this.streamId = prefix + id;
            this.topic = topic;
            this.source = source;
            streams.add(this);
        }

        Stream add(ContractEvent event) {
            return add(event, null);
        }

        /** The next version; recorded at {@code recordedAt} (default: its effective time). */
        Stream add(ContractEvent event, Instant recordedAt) {
            String data;
            try {
                data = JSON.writeValueAsString(event);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            Instant effective = effectiveAt(event);
            ProducerRecord<String, byte[]> record = TestCloudEvents.record(topic, streamId, records.size() + 1,
                    event.contractType(), source, effective.toString(), data);
            if (recordedAt != null) {
                record.headers().remove("ce_time");
                record.headers().add("ce_time", recordedAt.toString().getBytes(StandardCharsets.UTF_8));
            }
            records.add(record);
            return this;
        }

        int size() {
            return records.size();
        }
    }

    Stream submission() {
        return new Stream("submission-", Topics.INTAKE_SUBMISSION_EVENTS, "/intake-service");
    }

    Stream forum() {
        return new Stream("forum-", Topics.FORUM_FORUM_EVENTS, "/forum-service");
    }

    /** A submission received and classified (versions 1 and 2). */
    Stream received(SubmissionKind kind, Channel channel, String unit, String day, String topic, String summary) {
        Stream s = submission();
        s.add(new SubmissionReceived(s.id, trackingCode(), kind, channel, unit, true, "vault-ref-" + s.id, null, null,
                topic, at(day)));
        s.add(new SubmissionClassified(s.id, kind, topic, List.of(), unit, summary, false, Track.STANDARD, at(day)));
        return s;
    }

    /** A session scheduled (version 1). */
    Stream scheduled(SessionKind kind, String host, String venue, String day) {
        Stream f = forum();
        f.add(new ForumScheduled(f.id, kind, host, venue, "Hội trường", at(day), new Delegate(host, "Giám đốc"),
                List.of(), List.of(), at(day)));
        return f;
    }

    static Attendance attendance(int total) {
        return new Attendance(total, List.of());
    }

    /** Records one {@link #sendShuffledTwice()} sends. */
    long records() {
        return streams.stream().mapToLong(Stream::size).sum() * 2;
    }

    /** Sends every stream in order, once. */
    void send() {
        List<ProducerRecord<String, byte[]>> all = new ArrayList<>();
        streams.forEach(s -> all.addAll(s.records));
        send(all);
    }

    /** Sends each stream's events in a shuffled order, every event twice: duplicates and gaps to park. */
    void sendShuffledTwice() {
        List<ProducerRecord<String, byte[]>> all = new ArrayList<>();
        for (Stream s : streams) {
            List<ProducerRecord<String, byte[]>> copy = new ArrayList<>(s.records);
            Collections.shuffle(copy, RANDOM);
            all.addAll(copy);
            all.addAll(copy.reversed());
        }
        send(all);
    }

    private void send(List<ProducerRecord<String, byte[]>> records) {
        try (KafkaProducer<String, byte[]> producer = TestCloudEvents.producer(servers)) {
            for (ProducerRecord<String, byte[]> r : records) {
                producer.send(new ProducerRecord<>(r.topic(), null, r.key(), r.value(), r.headers())).get();
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until every event of this feed is in its projection's fact table. */
    void awaitApplied(DataSource dataSource, Projections projections) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            for (Stream s : streams) {
                boolean intake = s.topic.equals(Topics.INTAKE_SUBMISSION_EVENTS);
                String table = intake ? projections.activeSchema("intake") + ".intake_facts"
                        : projections.activeSchema("forums") + ".forum_facts";
                if (count(dataSource, "SELECT count(*) FROM " + table + " WHERE "
                        + (intake ? "submission_id" : "forum_id") + " = '" + s.id + "'") != s.size()) {
                    return false;
                }
            }
            return true;
        });
    }

    static long count(DataSource dataSource, String sql) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant effectiveAt(ContractEvent event) {
        try {
            return Instant.parse(JSON.valueToTree(event).get("effectiveAt").asText());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("no effectiveAt in " + event, e);
        }
    }
}
