package vn.langnghe.console.forum;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import vn.langnghe.console.services.ForumViews;
import vn.langnghe.console.services.ForumViews.Opinion;
import vn.langnghe.console.services.Services;
import vn.langnghe.console.session.CurrentUser;
import vn.langnghe.console.session.Person;
import vn.langnghe.console.web.Labels;
import vn.langnghe.console.web.Reference;

/**
 * Relays a forum's live feed to the browser. The browser's EventSource authenticates with the session cookie (it
 * cannot send a header); the console asks forum-service for a 60-second live ticket with the person's token, opens
 * the service's feed with it (the token never goes into a URL) and passes every event on as an HTML fragment in the
 * person's language. {@code id:} stays the forum's stream version, so the browser's automatic reconnect sends
 * Last-Event-ID and the relay resumes right after it with a fresh ticket: no gap, no repeat.
 */
@Path("/forums/{id}/live")
public class LiveRelay {

    private static final Logger LOG = Logger.getLogger(LiveRelay.class);

    private final Services services;
    private final CurrentUser user;
    private final Reference reference;
    private final Stopping stopping;

    LiveRelay(Services services, CurrentUser user, Reference reference, Stopping stopping) {
        this.services = services;
        this.user = user;
        this.reference = reference;
        this.stopping = stopping;
    }

    @GET
    @Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void live(@PathParam("id") UUID id, @QueryParam("after") Long after, @QueryParam("view") String view,
            @HeaderParam("Last-Event-ID") String lastEventId, @Context SseEventSink sink, @Context Sse sse) {
        String token = user.requireRole(Person.ORGANISER).accessToken();
        ForumViews.Ticket ticket = services.post(Services.Target.FORUM, "/api/v1/forums/" + id + "/live-ticket", token,
                java.util.Map.of(), null, ForumViews.Ticket.class).body();
        String resumeAfter = lastEventId != null && lastEventId.matches("\\d{1,18}") ? lastEventId
                : after != null && after >= 0 ? after.toString() : null;
        HttpResponse<InputStream> upstream = services.stream(Services.Target.FORUM, "/api/v1/forums/" + id
                + "/live?ticket=" + URLEncoder.encode(ticket.ticket(), StandardCharsets.UTF_8), null, resumeAfter);
        boolean hall = "hall".equals(view);
        Locale locale = user.locale();
        Labels labels = new Labels(user.isEnglish(), reference);
        Thread.ofVirtual().name("relay-" + id).start(() -> relay(id, upstream, sink, sse, hall, locale, labels));
    }

    private void relay(UUID forumId, HttpResponse<InputStream> upstream, SseEventSink sink, Sse sse, boolean hall,
            Locale locale, Labels labels) {
        try (InputStream body = upstream.body();
                BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            send(sink, sse.newEventBuilder().comment("relay of forum " + forumId).reconnectDelay(1500).build());
            String eventId = null;
            String eventName = null;
            StringBuilder data = new StringBuilder();
            String line;
            while (!stopping.now() && !sink.isClosed() && (line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data.length() > 0 && eventName != null) {
                        String html = fragment(eventName, data.toString(), hall, locale, labels);
                        OutboundSseEvent.Builder event = sse.newEventBuilder().name("fragment")
                                .mediaType(MediaType.TEXT_PLAIN_TYPE).data(String.class, html);
                        if (eventId != null) {
                            event.id(eventId);
                        }
                        send(sink, event.build());
                    }
                    eventId = null;
                    eventName = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    send(sink, sse.newEventBuilder().comment("keep-alive").build());
                } else if (line.startsWith("id:")) {
                    eventId = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    eventName = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    if (data.length() > 0) {
                        data.append('\n');
                    }
                    data.append(line.substring(5).stripLeading());
                }
            }
        } catch (Exception e) {
            LOG.debugf("relay of forum %s ended: %s", forumId, e.toString());
        } finally {
            try {
                sink.close();
            } catch (RuntimeException e) {
                // the browser is gone already
            }
        }
    }

    /** The HTML a forum event becomes; events that change nothing on the page become an empty fragment. */
    String fragment(String type, String json, boolean hall, Locale locale, Labels labels) throws Exception {
        JsonNode data = services.json().readTree(json);
        UUID forumId = uuid(data.path("forumId"));
        UUID opinionId = uuid(data.path("opinionId"));
        String html = switch (type) {
            case "forum.OpinionRecorded.v1" -> ForumPages.Templates.opinion(new Opinion(forumId, opinionId,
                    text(data, "speakerGroup"), false, text(data, "topic"), strings(data.path("tags")),
                    text(data, "nature"), text(data, "publicSummary"), day(data), "RECORDED", null, null, false, null,
                    data.path("version").asLong()), hall, labels).setLocale(locale).render();
            case "forum.OpinionAnsweredOnTheSpot.v1" -> status(new Opinion(forumId, opinionId, null, false, null,
                    List.of(), null, null, null, "ANSWERED_ON_THE_SPOT", new ForumViews.Answer(true,
                            text(data, "answeredByUnitId"), text(data, "answeredByTitle"), text(data, "answerSummary"),
                            text(data, "commitmentSummary"), day(data)), null, false, null, 0), hall, locale, labels);
            case "forum.FollowUpCreated.v1" -> status(new Opinion(forumId, opinionId, null, false, null, List.of(),
                    null, null, null, "FOLLOW_UP_OPEN", null, new ForumViews.FollowUp(text(data, "ownerUnitId"),
                            LocalDate.parse(text(data, "dueOn")), day(data)), false, null, 0), hall, locale, labels);
            case "forum.OpinionEscalated.v1" -> status(new Opinion(forumId, opinionId, null, false, null, List.of(),
                    null, null, null, "ESCALATED", null, null, false, new ForumViews.Escalation(
                            text(data, "kindRequested"), text(data, "unitId"), null, day(data)), 0), hall, locale,
                    labels);
            case "forum.ForumClosed.v1" -> "<p id=\"forum-state\" class=\"banner closed\" data-closed=\"true\">"
                    + (locale.getLanguage().equals("en") ? "The forum is closed." : "Diễn đàn đã bế mạc.") + "</p>";
            default -> "";
        };
        return html.replace('\n', ' ').replace('\r', ' ');
    }

    private static String status(Opinion o, boolean hall, Locale locale, Labels labels) {
        return ForumPages.Templates.status(o, hall, labels).setLocale(locale).render();
    }

    private static void send(SseEventSink sink, OutboundSseEvent event) throws Exception {
        sink.send(event).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static UUID uuid(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : UUID.fromString(node.asText());
    }

    private static LocalDate day(JsonNode data) {
        String at = text(data, "effectiveAt");
        return at == null ? null : java.time.Instant.parse(at).atZone(Reference.VIETNAM).toLocalDate();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    /** Ends open relays when the console stops, so shutdown does not wait for them. */
    @Singleton
    static class Stopping {
        private volatile boolean stopping;

        void onStop(@Observes ShutdownEvent event) {
            stopping = true;
        }

        boolean now() {
            return stopping;
        }
    }
}
