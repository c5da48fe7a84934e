package vn.langnghe.console.forum;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.langnghe.console.services.ForumViews.Forum;
import vn.langnghe.console.services.ForumViews.ForumSummary;
import vn.langnghe.console.services.ForumViews.Opinion;
import vn.langnghe.console.services.ForumViews.Page;
import vn.langnghe.console.services.ServiceError;
import vn.langnghe.console.services.Services;
import vn.langnghe.console.session.CurrentUser;
import vn.langnghe.console.session.Person;
import vn.langnghe.console.web.Htmx;
import vn.langnghe.console.web.Labels;
import vn.langnghe.console.web.Reference;
import vn.langnghe.contracts.events.ParticipantGroup;

/**
 * The organiser's pages: forums of their unit, scheduling, opening with the attendance, recording opinions fast
 * (keyboard first), answering on the spot or creating a follow-up, closing; and the hall display.
 */
@Path("/forums")
@Produces(MediaType.TEXT_HTML)
public class ForumPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance forums(List<ForumSummary> forums, String newId, String defaultStart);

        static native TemplateInstance forum(Forum forum, String newOpinionId);

        static native TemplateInstance hall(Forum forum);

        static native TemplateInstance recordForm(Forum forum, String newOpinionId, Opinion recorded);

        static native TemplateInstance opinion(Opinion o, boolean hall, Labels labels);

        static native TemplateInstance status(Opinion o, boolean hall, Labels labels);
    }

    private final Services services;
    private final CurrentUser user;
    private final Labels labels;

    ForumPages(Services services, CurrentUser user, Labels labels) {
        this.services = services;
        this.user = user;
        this.labels = labels;
    }

    @GET
    public TemplateInstance list() {
        String token = user.requireRole(Person.ORGANISER).accessToken();
        Page<ForumSummary> page = services.get(Services.Target.FORUM, "/api/v1/forums?limit=200", token,
                new TypeReference<Page<ForumSummary>>() {});
        List<ForumSummary> forums = new ArrayList<>(page.items());
        java.util.Collections.reverse(forums); // newest first
        // a forum opens on or after its planned day: today, at the hour, is the usual case for live recording
        String start = LocalDateTime.now(Reference.VIETNAM).withMinute(0).withSecond(0).withNano(0).toString();
        return Templates.forums(forums, UUID.randomUUID().toString(), start).setLocale(user.locale());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response schedule(MultivaluedMap<String, String> form) {
        String token = user.requireRole(Person.ORGANISER).accessToken();
        UUID id = uuid(form.getFirst("id"));
        String host = form.getFirst("hostUnitId");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("sessionKind", form.getFirst("sessionKind"));
        body.put("hostUnitId", host);
        body.put("venueUnitId", blankTo(form.getFirst("venueUnitId"), host));
        body.put("venueName", blankTo(form.getFirst("venueName"), null));
        body.put("startsAt", parseTime(form.getFirst("startsAt")));
        body.put("delegationHead", Map.of("unitId", host == null ? "" : host,
                "title", blankTo(form.getFirst("headTitle"), "")));
        body.put("invitedGroups", form.getOrDefault("invitedGroups", List.of()));
        services.post(Services.Target.FORUM, "/api/v1/forums", token, body, null, Void.class);
        return Response.ok().header(Htmx.REDIRECT, "/forums/" + id).build();
    }

    @GET
    @Path("/{id}")
    public TemplateInstance forum(@PathParam("id") UUID id) {
        return Templates.forum(load(id), UUID.randomUUID().toString()).setLocale(user.locale());
    }

    @GET
    @Path("/{id}/hall")
    public TemplateInstance hall(@PathParam("id") UUID id) {
        return Templates.hall(load(id)).setLocale(user.locale());
    }

    @POST
    @Path("/{id}/open")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response open(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        String token = user.requireRole(Person.ORGANISER).accessToken();
        List<Map<String, Object>> byGroup = new ArrayList<>();
        for (ParticipantGroup group : ParticipantGroup.values()) {
            int count = number(form.getFirst("count_" + group.name()));
            if (count > 0) {
                byGroup.add(Map.of("group", group.name(), "count", count));
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("attendanceByGroup", byGroup);
        String total = form.getFirst("totalAttendance");
        body.put("totalAttendance", total == null || total.isBlank() ? null : number(total));
        services.post(Services.Target.FORUM, "/api/v1/forums/" + id + "/open", token, body, form.getFirst("version"),
                Void.class);
        return Response.ok().header("HX-Refresh", "true").build();
    }

    /** Records an opinion under the id the form carried (a retry never records twice); answers a fresh form. */
    @POST
    @Path("/{id}/opinions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance record(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        String token = user.requireRole(Person.ORGANISER).accessToken();
        Map<String, Object> body = new LinkedHashMap<>();
        UUID opinionId = uuid(form.getFirst("opinionId"));
        body.put("opinionId", opinionId);
        body.put("speakerGroup", form.getFirst("speakerGroup"));
        body.put("topic", blankTo(form.getFirst("topic"), null));
        body.put("nature", form.getFirst("nature"));
        body.put("publicSummary", blankTo(form.getFirst("publicSummary"), null));
        body.put("text", blankTo(form.getFirst("text"), null));
        String name = blankTo(form.getFirst("speakerName"), null);
        String phone = blankTo(form.getFirst("speakerPhone"), null);
        if (name != null || phone != null) {
            Map<String, Object> speaker = new LinkedHashMap<>();
            speaker.put("fullName", name);
            speaker.put("phone", phone);
            body.put("speaker", speaker);
        }
        Opinion recorded = services.post(Services.Target.FORUM, "/api/v1/forums/" + id + "/opinions", token, body,
                null, Opinion.class).body();
        Forum forum = load(id);
        return Templates.recordForm(forum, UUID.randomUUID().toString(), recorded).setLocale(user.locale());
    }

    @POST
    @Path("/{id}/opinions/{opinionId}/answer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance answer(@PathParam("id") UUID id, @PathParam("opinionId") UUID opinionId,
            MultivaluedMap<String, String> form) {
        String token = user.requireRole(Person.ORGANISER).accessToken();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("answeredByUnitId", form.getFirst("answeredByUnitId"));
        body.put("answeredByTitle", blankTo(form.getFirst("answeredByTitle"), null));
        body.put("answerSummary", blankTo(form.getFirst("answerSummary"), null));
        body.put("commitmentSummary", blankTo(form.getFirst("commitmentSummary"), null));
        Opinion answered = services.post(Services.Target.FORUM,
                "/api/v1/forums/" + id + "/opinions/" + opinionId + "/answer", token, body, null, Opinion.class).body();
        return Templates.status(answered, false, labels).setLocale(user.locale());
    }

    @POST
    @Path("/{id}/opinions/{opinionId}/follow-up")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance followUp(@PathParam("id") UUID id, @PathParam("opinionId") UUID opinionId,
            MultivaluedMap<String, String> form) {
        String token = user.requireRole(Person.ORGANISER).accessToken();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ownerUnitId", form.getFirst("ownerUnitId"));
        body.put("dueOn", parseDay(form.getFirst("dueOn")));
        Opinion created = services.post(Services.Target.FORUM,
                "/api/v1/forums/" + id + "/opinions/" + opinionId + "/follow-up", token, body, null, Opinion.class)
                .body();
        return Templates.status(created, false, labels).setLocale(user.locale());
    }

    @POST
    @Path("/{id}/close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response close(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        String token = user.requireRole(Person.ORGANISER).accessToken();
        services.post(Services.Target.FORUM, "/api/v1/forums/" + id + "/close", token,
                Map.of("minutesSummary", blankTo(form.getFirst("minutesSummary"), "")), form.getFirst("version"),
                Void.class);
        return Response.ok().header("HX-Refresh", "true").build();
    }

    private Forum load(UUID id) {
        String token = user.requireRole(Person.ORGANISER).accessToken();
        return services.get(Services.Target.FORUM, "/api/v1/forums/" + id, token, Forum.class);
    }

    static String blankTo(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value.strip();
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? UUID.randomUUID() : UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw invalid("id", "not a UUID");
        }
    }

    private static int number(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw invalid("count", "a whole number");
        }
    }

    private static String parseTime(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDateTime.parse(value.strip()).toString();
        } catch (java.time.format.DateTimeParseException e) {
            throw invalid("startsAt", "a date and time such as 2026-12-05T08:00");
        }
    }

    private static String parseDay(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip()).toString();
        } catch (java.time.format.DateTimeParseException e) {
            throw invalid("dueOn", "a day such as 2026-12-31");
        }
    }

    private static ServiceError invalid(String field, String message) {
        return new ServiceError(400, "Bad Request", null, List.of(new ServiceError.FieldError(field, message)));
    }
}
