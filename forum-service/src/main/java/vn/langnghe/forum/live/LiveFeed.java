package vn.langnghe.forum.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.langnghe.contracts.ContractJson;
import vn.langnghe.contracts.events.OpinionEscalated;
import vn.langnghe.contracts.events.SubmissionKind;
import vn.langnghe.eventsourcing.store.EventStoreUnavailable;
import vn.langnghe.eventsourcing.store.RecordedEvent;
import vn.langnghe.forum.application.ForumService;

/**
 * Streams one forum's stored events to a Server-Sent Events client: every event of the stream with a version
 * above the client's last one, in version order, read from the event store (so every instance of the service
 * serves every recording, and a reconnect resumes from {@code Last-Event-ID} without gaps or repeats: a
 * stream's versions become visible in commit order). {@code id:} is the stream version, {@code event:} the
 * contract type, {@code data:} the event's JSON without identity references, and without the summary of an
 * escalation as a denunciation or crime report.
 *
 * <p>Each subscriber has a virtual thread that polls the store (a connection is borrowed per poll only).
 * LISTEN/NOTIFY would cut the polling; the order and gap-freedom would not change.
 */
@ApplicationScoped
public class LiveFeed {

    private static final Logger LOG = Logger.getLogger(LiveFeed.class);
    private static final int BATCH = 500;
    private static final Set<String> IDENTITY_FIELDS = Set.of("speakerRef", "speakerIdentityRef");

    private final ForumService service;
    private final Duration pollInterval;
    private final Duration heartbeat;
    private final ObjectMapper json = ContractJson.mapper();
    private volatile boolean stopping;

    LiveFeed(ForumService service,
            @ConfigProperty(name = "langnghe.forum.live.poll-interval", defaultValue = "150ms") Duration pollInterval,
            @ConfigProperty(name = "langnghe.forum.live.heartbeat", defaultValue = "5s") Duration heartbeat) {
        this.service = service;
        this.pollInterval = pollInterval;
        this.heartbeat = heartbeat;
    }

    /**
     * Starts streaming the forum's events after {@code afterVersion} to the sink, until the client goes away. The
     * opening comment is sent on the request's own thread, before the resource method returns: sent from the
     * polling thread it raced the framework's own handling of the response, which then failed with "Response head
     * already sent" and ended the feed (seen by the benchmark's hall displays on a busy machine).
     */
    public void start(UUID forumId, long afterVersion, SseEventSink sink, Sse sse) {
        try {
            send(sink, sse.newEventBuilder().comment("forum " + forumId).reconnectDelay(2000).build());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.debugf("live feed of forum %s could not open: %s", forumId, e.toString());
            sink.close();
            return;
        }
        Thread.ofVirtual().name("live-" + forumId).start(() -> run(forumId, afterVersion, sink, sse));
    }

    private void run(UUID forumId, long afterVersion, SseEventSink sink, Sse sse) {
        long last = afterVersion;
        long quietSince = System.nanoTime();
        try {
            while (!stopping && !sink.isClosed()) {
                List<RecordedEvent> batch;
                try {
                    batch = service.eventsAfter(forumId, last, BATCH);
                } catch (EventStoreUnavailable e) {
                    sleep(Duration.ofSeconds(1)); // the database is down: keep the client, try again
                    continue;
                }
                for (RecordedEvent event : batch) {
                    send(sink, sse.newEventBuilder()
                            .id(Long.toString(event.version()))
                            .name(event.type())
                            .mediaType(MediaType.TEXT_PLAIN_TYPE)
                            .data(String.class, view(event))
                            .build());
                    last = event.version();
                }
                if (!batch.isEmpty()) {
                    quietSince = System.nanoTime();
                } else {
                    if (System.nanoTime() - quietSince > heartbeat.toNanos()) {
                        send(sink, sse.newEventBuilder().comment("keep-alive").build());
                        quietSince = System.nanoTime();
                    }
                    sleep(pollInterval);
                }
            }
        } catch (Exception e) {
            LOG.debugf("live feed of forum %s ended after version %d: %s", forumId, last, e.toString());
        } finally {
            try {
                sink.close();
            } catch (RuntimeException e) {
                // already gone
            }
        }
    }

    /** The event's data as clients may see it: no identity reference, no denunciation's summary. */
    String view(RecordedEvent event) throws JsonProcessingException {
        ObjectNode data = (ObjectNode) json.readTree(event.dataJson());
        data.remove(IDENTITY_FIELDS);
        if (OpinionEscalated.TYPE.equals(event.type())) {
            String kind = data.path("kindRequested").asText();
            if (kind.equals(SubmissionKind.DENUNCIATION.name()) || kind.equals(SubmissionKind.CRIME_REPORT.name())) {
                data.remove("publicSummary");
            }
        }
        data.put("version", event.version());
        data.put("recordedAt", event.recordedAt().toString());
        return json.writeValueAsString(data);
    }

    private static void send(SseEventSink sink, OutboundSseEvent event) throws Exception {
        sink.send(event).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private static void sleep(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }
}
