package vn.langnghe.bench.suite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import vn.langnghe.eventsourcing.cloudevents.CloudEventMapping;
import vn.langnghe.eventsourcing.store.RecordedEvent;

/**
 * Synthetic history produced straight to Kafka, in the exact shape intake-service's outbox relay publishes: each
 * event is the approved example of {@code intake.SubmissionReceived.v1} with its own submission id, tracking code,
 * unit, kind and 2022 date, turned into a CloudEvent by the relay's own {@link CloudEventMapping}. Each submission
 * is a stream of one event (version 1), so every event is a new row in every intake projection.
 */
public final class SyntheticEvents {

    public static final String TOPIC = "intake.submission.events";
    static final String TYPE = "intake.SubmissionReceived.v1";
    static final URI SOURCE = URI.create("/intake-service");
    static final List<String> WARDS = List.of("HP-LECHAN-ANDUONG", "HN-THANHTRI-THANHLIET", "NA-HOANGMAI-QUYNHXUAN",
            "CM-CAMAU-P5", "HCM-Q1-BENNGHE");
    static final List<String> KINDS = List.of("TIP", "PETITION", "COMPLAINT", "CRIME_REPORT");
    static final List<String> CHANNELS = List.of("HOTLINE", "RECEPTION_DESK", "PARTNER_PORTAL", "MAIL");
    static final List<String> TOPICS = List.of("DRUGS", "THEFT", "TRAFFIC_SAFETY", "PUBLIC_DISORDER");
    static final Instant YEAR_START = Instant.parse("2022-01-01T01:00:00Z");
    static final long YEAR_SECONDS = 364L * 24 * 3600;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final String bootstrapServers;
    private final ObjectNode example;

    public SyntheticEvents(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        try (InputStream in = SyntheticEvents.class.getClassLoader()
                .getResourceAsStream("contracts/" + TYPE + "/example.json")) {
            if (in == null) {
                throw new IllegalStateException("the approved example of " + TYPE + " is not on the class path");
            }
            example = (ObjectNode) Http.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Produces {@code count} events; {@code progress} gets the count sent so far now and then. Events/s. */
    public double produce(long count, long seed, LongConsumer progress) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class.getName());
        SplittableRandom random = new SplittableRandom(seed);
        long start = System.nanoTime();
        try (KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(props)) {
            for (long i = 0; i < count; i++) {
                RecordedEvent event = next(random, i);
                producer.send(new ProducerRecord<>(TOPIC, event.streamId(),
                        CloudEventMapping.toCloudEvent(event, SOURCE)));
                if (i % 100_000 == 0) {
                    progress.accept(i);
                }
            }
            producer.flush();
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    RecordedEvent next(SplittableRandom random, long index) {
        UUID submission = new UUID(random.nextLong(), random.nextLong());
        Instant effective = YEAR_START.plus(Duration.ofSeconds(random.nextLong(YEAR_SECONDS)));
        ObjectNode data = example.deepCopy();
        data.put("submissionId", submission.toString());
        data.put("trackingCode", trackingCode(random));
        data.put("kind", KINDS.get(random.nextInt(KINDS.size())));
        data.put("channel", CHANNELS.get(random.nextInt(CHANNELS.size())));
        data.put("unitId", WARDS.get(random.nextInt(WARDS.size())));
        data.put("identified", false);
        data.putNull("reporterRef");
        data.putNull("partnerClientId");
        data.putNull("originatingOpinionId");
        data.put("declaredTopic", TOPICS.get(random.nextInt(TOPICS.size())));
        data.put("effectiveAt", effective.toString());
        Instant recorded = effective.plus(Duration.ofMinutes(5 + random.nextInt(120)));
        return new RecordedEvent(index + 1, submission.toString(), "submission", 1, UUID.randomUUID(), TYPE,
                data.toString(), effective, recorded, "bench-synthetic", null, null);
    }

    private static String trackingCode(SplittableRandom random) {
        StringBuilder code = new StringBuilder(14);
        for (int i = 0; i < 12; i++) {
            if (i == 4 || i == 8) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
