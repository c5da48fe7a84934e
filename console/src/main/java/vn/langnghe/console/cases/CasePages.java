package vn.langnghe.console.cases;

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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.langnghe.console.services.ForumViews.FollowUpItem;
import vn.langnghe.console.services.IntakeViews.Case;
import vn.langnghe.console.services.IntakeViews.HistoryEntry;
import vn.langnghe.console.services.IntakeViews.Identity;
import vn.langnghe.console.services.IntakeViews.Texts;
import vn.langnghe.console.services.ServiceError;
import vn.langnghe.console.services.Services;
import vn.langnghe.console.services.Services.Target;
import vn.langnghe.console.session.CurrentUser;
import vn.langnghe.console.session.Person;

/**
 * The officer's pages: the inbox (open cases of the unit subtree, most urgent legal deadline first, at-risk and
 * overdue marked, plus forum follow-ups owed), and a case with its history and the lifecycle actions, each sent
 * with If-Match of the version the officer saw. Personal data is read only on request, with a stated purpose:
 * intake-service audits every read and refuses a denouncer's identity to officers (art. 56).
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class CasePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance inbox(List<Case> cases, List<FollowUpItem> followUps, long overdue,
                long atRisk);

        static native TemplateInstance caseView(Case c, List<HistoryEntry> history, List<String> actions);

        static native TemplateInstance identity(Case c, Identity identity, boolean refused, String reason);

        static native TemplateInstance texts(Case c, Map<String, String> texts);
    }

    private final Services services;
    private final CurrentUser user;

    CasePages(Services services, CurrentUser user) {
        this.services = services;
        this.user = user;
    }

    @GET
    @Path("inbox")
    public TemplateInstance inbox() {
        String token = user.requireRole(Person.OFFICER).accessToken();
        List<Case> cases = services.get(Target.INTAKE, "/api/v1/inbox?limit=500", token,
                new TypeReference<List<Case>>() {});
        List<FollowUpItem> followUps;
        try {
            followUps = services.get(Target.FORUM, "/api/v1/follow-ups?limit=200", token,
                    new TypeReference<List<FollowUpItem>>() {});
        } catch (ServiceError e) {
            followUps = List.of(); // forum-service down or without follow-ups: the inbox still works
        }
        long overdue = cases.stream().filter(c -> c.due() != null && c.due().overdue()).count();
        long atRisk = cases.stream().filter(c -> c.due() != null && c.due().atRisk()).count();
        return Templates.inbox(cases, followUps, overdue, atRisk).setLocale(user.locale());
    }

    @GET
    @Path("cases/{id}")
    public TemplateInstance caseView(@PathParam("id") UUID id) {
        String token = user.requireRole(Person.OFFICER).accessToken();
        Services.Reply<Case> reply = services.getWithVersion(Target.INTAKE, "/api/v1/submissions/" + id, token,
                Case.class);
        List<HistoryEntry> history = services.get(Target.INTAKE, "/api/v1/submissions/" + id + "/history", token,
                new TypeReference<List<HistoryEntry>>() {});
        Case c = reply.body();
        return Templates.caseView(c, history, CaseActions.allowed(c)).setLocale(user.locale());
    }

    @POST
    @Path("cases/{id}/actions/{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(@PathParam("id") UUID id, @PathParam("action") String action,
            MultivaluedMap<String, String> form) {
        String token = user.requireRole(Person.OFFICER).accessToken();
        if (!CaseActions.ALL.contains(action)) {
            throw new ServiceError(404, "Not Found", "no such action", List.of());
        }
        services.post(Target.INTAKE, "/api/v1/submissions/" + id + "/" + action, token, CaseActions.body(action, form),
                form.getFirst("version"), Void.class);
        return Response.ok().header("HX-Refresh", "true").build();
    }

    /** The reporter's identity, on request with a purpose (audited by intake-service; refused where the law says). */
    @POST
    @Path("cases/{id}/reporter")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance reporter(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        String token = user.requireRole(Person.OFFICER).accessToken();
        Case c = services.get(Target.INTAKE, "/api/v1/submissions/" + id, token, Case.class);
        try {
            Identity identity = services.get(Target.INTAKE, "/api/v1/submissions/" + id + "/reporter?purpose="
                    + purpose(form), token, Identity.class);
            return Templates.identity(c, identity, false, null).setLocale(user.locale());
        } catch (ServiceError e) {
            if (e.status() == 403 || e.status() == 410 || e.status() == 404) {
                return Templates.identity(c, null, true, e.status() == 403 ? "protected"
                        : e.status() == 410 ? "erased" : "none").setLocale(user.locale());
            }
            throw e;
        }
    }

    @POST
    @Path("cases/{id}/texts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance texts(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        String token = user.requireRole(Person.OFFICER).accessToken();
        Case c = services.get(Target.INTAKE, "/api/v1/submissions/" + id, token, Case.class);
        Map<String, String> texts;
        try {
            texts = services.get(Target.INTAKE, "/api/v1/submissions/" + id + "/texts?purpose=" + purpose(form),
                    token, Texts.class).texts();
        } catch (ServiceError e) {
            if (e.status() != 404) {
                throw e;
            }
            texts = Map.of();
        }
        return Templates.texts(c, texts == null ? Map.of() : new LinkedHashMap<>(texts)).setLocale(user.locale());
    }

    private static String purpose(MultivaluedMap<String, String> form) {
        String purpose = form.getFirst("purpose");
        return URLEncoder.encode(purpose == null ? "" : purpose.strip(), StandardCharsets.UTF_8);
    }

    /** Which lifecycle actions a case offers in its state, and their bodies. The service decides in the end. */
    static final class CaseActions {

        static final List<String> ALL = List.of("classify", "accept", "start-verification", "conclude", "answer",
                "transfer", "refuse", "extend-deadline", "rate-valuable", "withdraw");

        private CaseActions() {
        }

        static List<String> allowed(Case c) {
            List<String> actions = new ArrayList<>();
            boolean unverifiedAnswer = "TIP".equals(c.kind()) || "PETITION".equals(c.kind());
            boolean noAcceptance = "TIP".equals(c.kind()) || "INSPECTION".equals(c.track());
            switch (c.status()) {
                case "RECEIVED" -> actions.addAll(List.of("classify", "transfer", "refuse"));
                case "CLASSIFIED" -> {
                    actions.add(noAcceptance ? "start-verification" : "accept");
                    if (unverifiedAnswer) {
                        actions.add("answer");
                    }
                    actions.addAll(List.of("classify", "extend-deadline", "transfer", "refuse"));
                }
                case "ACCEPTED" -> {
                    actions.add("start-verification");
                    if (unverifiedAnswer) {
                        actions.add("answer");
                    }
                    actions.addAll(List.of("classify", "extend-deadline"));
                }
                case "IN_VERIFICATION" -> {
                    actions.add("conclude");
                    if (unverifiedAnswer) {
                        actions.add("answer");
                    }
                    actions.addAll(List.of("classify", "extend-deadline"));
                }
                case "CONCLUDED" -> actions.add("answer");
                default -> {
                    return actions;
                }
            }
            if ("TIP".equals(c.kind())) {
                actions.add("rate-valuable");
            }
            actions.add("withdraw");
            return actions;
        }

        static Map<String, Object> body(String action, MultivaluedMap<String, String> form) {
            Map<String, Object> body = new LinkedHashMap<>();
            switch (action) {
                case "classify" -> {
                    body.put("kind", form.getFirst("kind"));
                    body.put("topic", text(form, "topic"));
                    body.put("unitId", text(form, "unitId"));
                    body.put("publicSummary", text(form, "publicSummary"));
                }
                case "accept" -> body.put("complex", "on".equals(form.getFirst("complex")));
                case "conclude" -> {
                    body.put("conclusion", form.getFirst("conclusion"));
                    body.put("findings", text(form, "findings"));
                }
                case "answer" -> {
                    body.put("answerSummary", text(form, "answerSummary"));
                    body.put("letter", text(form, "letter"));
                }
                case "transfer" -> {
                    body.put("toAgency", text(form, "toAgency"));
                    body.put("reason", text(form, "reason"));
                }
                case "refuse" -> {
                    body.put("legalReason", form.getFirst("legalReason"));
                    body.put("note", text(form, "note"));
                }
                case "extend-deadline" -> {
                    body.put("reasonCode", text(form, "reasonCode"));
                    body.put("reason", text(form, "reason"));
                }
                default -> {
                    // start-verification, rate-valuable, withdraw: only the date
                }
            }
            String effectiveOn = text(form, "effectiveOn");
            if (effectiveOn != null) {
                body.put("effectiveOn", effectiveOn);
            }
            return body;
        }

        private static String text(MultivaluedMap<String, String> form, String field) {
            String value = form.getFirst(field);
            return value == null || value.isBlank() ? null : value.strip();
        }
    }
}
