package vn.langnghe.console.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import vn.langnghe.console.services.ServiceError;
import vn.langnghe.console.services.Services;
import vn.langnghe.console.services.Services.Target;
import vn.langnghe.console.session.CurrentUser;
import vn.langnghe.console.session.Person;
import vn.langnghe.console.web.Labels;
import vn.langnghe.console.web.Reference;
import vn.langnghe.console.web.TemplateExtensions;

/**
 * The analyst's dashboard: the half-year (or any period's) report of a unit from reporting-service, with charts
 * (topics, kinds, early / on time / late, forums per unit), unit and period pickers, search and CSV download.
 * Figures come only from reporting-service; where one of its reports is not there (404), the dashboard says so
 * and still shows the event flow, which every version of the service has.
 */
@Path("/dashboard")
public class DashboardPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(Dashboard d);

        static native TemplateInstance searchResults(String q, boolean available, List<Hit> hits);
    }

    /** One number shown large, with an id the tests and screen readers can find. */
    @TemplateData
    public record Figure(String id, String label, Long value) {}

    /** A chart and the table behind it (for screen readers and for printing). */
    @TemplateData
    public record Chart(String id, String title, String type, List<String> labels, List<Long> values,
            String json) {}

    @TemplateData
    public record ChildRow(String unit, String name, Long received, Long answered, Long held, Long opinions) {}

    @TemplateData
    public record FlowCount(String type, long count) {}

    @TemplateData
    public record PeriodOption(String code, String label, boolean selected) {}

    @TemplateData
    public record Hit(String kind, String topic, String summary, String unit, String day) {}

    @TemplateData
    public record Dashboard(String unit, String period, String from, String to, List<Labels.Option> units,
            List<PeriodOption> periods, boolean intakeAvailable, boolean forumsAvailable, List<Figure> figures,
            List<Chart> charts, List<ChildRow> children, List<FlowCount> flow, String csvLink, String lag) {}

    private final Services services;
    private final CurrentUser user;
    private final Labels labels;
    private final Reference reference;

    DashboardPages(Services services, CurrentUser user, Labels labels, Reference reference) {
        this.services = services;
        this.user = user;
        this.labels = labels;
        this.reference = reference;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance dashboard(@QueryParam("unit") String unitParam, @QueryParam("period") String periodParam,
            @QueryParam("from") String fromParam, @QueryParam("to") String toParam) {
        String token = analyst();
        String unit = unit(unitParam);
        Period period = Period.of(periodParam, fromParam, toParam);
        String query = "unit=" + TemplateExtensions.enc(unit) + "&" + period.query();
        List<Figure> figures = new ArrayList<>();
        List<Chart> charts = new ArrayList<>();
        Map<String, ChildRow> children = new LinkedHashMap<>();

        Optional<JsonNode> intake = services.find(Target.REPORTING, "/api/v1/reports/intake?" + query, token);
        intake.ifPresent(report -> {
            JsonNode total = totalRow(report);
            for (String f : List.of("received", "answered", "resolved", "open", "atRisk", "overdue")) {
                figures.add(new Figure("fig-" + f, label(f), total(total, f)));
            }
            charts.add(chart("chart-kinds", label("chart_kinds"), "bar", map(total.path("figures").path("received")
                    .path("byKind")), labels::kind));
            Map<String, Long> timeliness = new LinkedHashMap<>();
            for (String f : List.of("early", "onTime", "late")) {
                timeliness.put(label(f), total(total, f));
            }
            charts.add(chart("chart-timeliness", label("chart_timeliness"), "doughnut", timeliness, s -> s));
            for (JsonNode row : report.path("rows")) {
                if (!"TOTAL".equals(row.path("role").asText())) {
                    String code = row.path("unit").asText();
                    children.put(code, new ChildRow(code, labels.unit(code), total(row, "received"),
                            total(row, "answered"), null, null));
                }
            }
        });
        Optional<JsonNode> forums = services.find(Target.REPORTING, "/api/v1/reports/forums?" + query, token);
        forums.ifPresent(report -> {
            JsonNode total = totalRow(report);
            for (String f : List.of("held", "opinions", "answeredOnTheSpot", "followedUp")) {
                figures.add(new Figure("fig-" + f, label(f), total(total, f)));
            }
            charts.add(chart("chart-topics", label("chart_topics"), "bar",
                    map(total.path("figures").path("opinions").path("by")), labels::topic));
            charts.add(chart("chart-natures", label("chart_natures"), "pie",
                    map(total.path("figures").path("opinionsByNature").path("by")), labels::nature));
            Map<String, Long> perUnit = new LinkedHashMap<>();
            for (JsonNode row : report.path("rows")) {
                if (!"TOTAL".equals(row.path("role").asText())) {
                    String code = row.path("unit").asText();
                    perUnit.put(labels.unit(code), total(row, "held"));
                    ChildRow known = children.get(code);
                    children.put(code, new ChildRow(code, labels.unit(code), known == null ? null : known.received(),
                            known == null ? null : known.answered(), total(row, "held"), total(row, "opinions")));
                }
            }
            charts.add(chart("chart-forums-per-unit", label("chart_forums_per_unit"), "bar", perUnit, s -> s));
        });

        // The event flow: every version of reporting-service has it; the figures above, when there, are the
        // report's, these are the raw event counts of the period.
        List<FlowCount> flow = flow(token, period);
        if (intake.isEmpty()) {
            Map<String, Long> byType = new TreeMap<>();
            flow.forEach(f -> byType.put(f.type(), f.count()));
            figures.add(0, new Figure("fig-received", label("received"), byType.getOrDefault(
                    "intake.SubmissionReceived.v1", 0L)));
            figures.add(1, new Figure("fig-answered", label("answered"), byType.getOrDefault(
                    "intake.SubmissionAnswered.v1", 0L)));
            if (forums.isEmpty()) {
                figures.add(new Figure("fig-held", label("held"), byType.getOrDefault("forum.ForumOpened.v1", 0L)));
                figures.add(new Figure("fig-opinions", label("opinions"),
                        byType.getOrDefault("forum.OpinionRecorded.v1", 0L)));
            }
        }
        Map<String, Long> flowChart = new LinkedHashMap<>();
        flow.forEach(f -> flowChart.put(f.type(), f.count()));
        charts.add(chart("chart-flow", label("chart_flow"), "bar", flowChart, s -> s));

        Dashboard d = new Dashboard(unit, period.code(), period.from().toString(), period.to().toString(),
                labels.myUnits(), Period.options(period, user.isEnglish()), intake.isPresent(), forums.isPresent(),
                figures, charts, new ArrayList<>(children.values()), flow, "/dashboard/csv?" + query, lag(token));
        return Templates.dashboard(d).setLocale(user.locale());
    }

    /** The report as CSV: reporting-service's own CSV of the intake report where it has one, else the event flow. */
    @GET
    @Path("/csv")
    @Produces("text/csv")
    public Response csv(@QueryParam("unit") String unitParam, @QueryParam("period") String periodParam,
            @QueryParam("from") String fromParam, @QueryParam("to") String toParam) {
        String token = analyst();
        String unit = unit(unitParam);
        Period period = Period.of(periodParam, fromParam, toParam);
        String query = "unit=" + TemplateExtensions.enc(unit) + "&" + period.query();
        String name = "langnghe-" + unit + "-" + period.code();
        Optional<String> reportCsv = reportCsv(token, query);
        byte[] body;
        if (reportCsv.isPresent()) {
            body = reportCsv.get().getBytes(StandardCharsets.UTF_8);
            name += "-intake";
        } else {
            StringBuilder csv = new StringBuilder("event_type,events\r\n");
            flow(token, period).forEach(f -> csv.append(f.type()).append(',').append(f.count()).append("\r\n"));
            body = csv.toString().getBytes(StandardCharsets.UTF_8);
            name += "-event-flow";
        }
        // A byte order mark so spreadsheet programs read the Vietnamese as UTF-8.
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] withBom = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, withBom, 0, bom.length);
        System.arraycopy(body, 0, withBom, bom.length, body.length);
        return Response.ok(withBom).type("text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"").build();
    }

    /** Search over public summaries (reporting-service's /api/v1/search), as an htmx fragment. */
    @GET
    @Path("/search")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance search(@QueryParam("q") String q, @QueryParam("unit") String unitParam) {
        String token = analyst();
        String text = q == null ? "" : q.strip();
        if (text.length() < 2) {
            return Templates.searchResults(text, true, List.of()).setLocale(user.locale());
        }
        Optional<JsonNode> found = services.find(Target.REPORTING, "/api/v1/search?q=" + TemplateExtensions.enc(text)
                + "&unit=" + TemplateExtensions.enc(unit(unitParam)) + "&limit=50", token);
        List<Hit> hits = new ArrayList<>();
        found.ifPresent(answer -> {
            for (JsonNode h : answer.path("items")) {
                boolean opinion = "OPINION".equals(h.path("source").asText());
                String what = opinion ? (user.isEnglish() ? "forum opinion" : "ý kiến diễn đàn")
                        + (h.hasNonNull("nature") ? ", " + labels.nature(h.get("nature").asText()) : "")
                        : labels.kind(h.path("kind").asText(""));
                hits.add(new Hit(what, labels.topic(h.path("topic").asText(null)), h.path("summary").asText(""),
                        labels.unit(h.path("unit").asText(null)), labels.day(h.hasNonNull("date")
                                ? LocalDate.parse(h.get("date").asText()) : null)));
            }
        });
        return Templates.searchResults(text, found.isPresent(), hits).setLocale(user.locale());
    }

    private String analyst() {
        return user.requireRole(Person.ANALYST).accessToken();
    }

    private String unit(String requested) {
        String own = user.getUnit();
        if (requested != null && requested.matches("[A-Z0-9-]{1,64}")) {
            return requested;
        }
        return own.isEmpty() ? "BCA" : own;
    }

    private Optional<String> reportCsv(String token, String query) {
        try {
            return Optional.of(services.getText(Target.REPORTING, "/api/v1/reports/intake?" + query, token,
                    "text/csv"));
        } catch (ServiceError e) {
            if (e.status() == 404 || e.status() == 405 || e.status() == 406) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private List<FlowCount> flow(String token, Period period) {
        LocalDate from = period.from();
        LocalDate to = period.to().isAfter(from.plusDays(731)) ? from.plusDays(731) : period.to();
        JsonNode rows = services.get(Target.REPORTING, "/api/v1/reports/event-flow?from=" + from + "&to=" + to, token,
                JsonNode.class);
        Map<String, Long> byType = new TreeMap<>();
        for (JsonNode row : rows) {
            byType.merge(row.path("eventType").asText(), row.path("events").asLong(), Long::sum);
        }
        List<FlowCount> flow = new ArrayList<>();
        byType.forEach((type, count) -> flow.add(new FlowCount(type, count)));
        return flow;
    }

    private String lag(String token) {
        try {
            JsonNode status = services.get(Target.REPORTING, "/api/v1/status/consumers", token, JsonNode.class);
            long lag = 0;
            for (JsonNode c : status) {
                lag += c.path("lag").asLong();
            }
            return Long.toString(lag);
        } catch (ServiceError e) {
            return "?";
        }
    }

    private static JsonNode totalRow(JsonNode report) {
        for (JsonNode row : report.path("rows")) {
            if ("TOTAL".equals(row.path("role").asText())) {
                return row;
            }
        }
        return report.path("total").isObject() ? report.path("total") : report;
    }

    private static Long total(JsonNode row, String figure) {
        JsonNode value = row.path("figures").path(figure).path("total");
        return value.isNumber() ? value.asLong() : null;
    }

    private static Map<String, Long> map(JsonNode object) {
        Map<String, Long> values = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            if (e.getValue().isNumber()) {
                values.put(e.getKey(), e.getValue().asLong());
            }
        }
        return values;
    }

    private Chart chart(String id, String title, String type, Map<String, Long> data,
            java.util.function.Function<String, String> label) {
        List<String> names = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        data.forEach((k, v) -> {
            names.add(label.apply(k));
            values.add(v == null ? 0 : v);
        });
        ObjectNode config = services.json().createObjectNode();
        config.put("type", type);
        ArrayNode labelsJson = config.putObject("data").putArray("labels");
        names.forEach(labelsJson::add);
        ObjectNode dataset = ((ObjectNode) config.get("data")).putArray("datasets").addObject();
        dataset.put("label", title);
        ArrayNode valuesJson = dataset.putArray("data");
        values.forEach(valuesJson::add);
        return new Chart(id, title, type, names, values, config.toString());
    }

    private String label(String key) {
        boolean en = user.isEnglish();
        return switch (key) {
            case "received" -> en ? "Received" : "Tiếp nhận";
            case "answered" -> en ? "Answered" : "Đã trả lời";
            case "resolved" -> en ? "Resolved" : "Đã giải quyết";
            case "open" -> en ? "Open" : "Đang xử lý";
            case "atRisk" -> en ? "Due soon" : "Sắp đến hạn";
            case "overdue" -> en ? "Overdue" : "Quá hạn";
            case "early" -> en ? "Early" : "Trước hạn";
            case "onTime" -> en ? "On time" : "Đúng hạn";
            case "late" -> en ? "Late" : "Trễ hạn";
            case "held" -> en ? "Forums held" : "Diễn đàn đã tổ chức";
            case "opinions" -> en ? "Opinions" : "Ý kiến";
            case "answeredOnTheSpot" -> en ? "Answered on the spot" : "Trả lời tại chỗ";
            case "followedUp" -> en ? "Answered later" : "Ghi nhận, trả lời sau";
            case "chart_kinds" -> en ? "Received by kind" : "Tiếp nhận theo loại";
            case "chart_timeliness" -> en ? "Resolved early, on time, late" : "Giải quyết trước hạn, đúng hạn, trễ hạn";
            case "chart_topics" -> en ? "Forum opinions by topic" : "Ý kiến tại diễn đàn theo chủ đề";
            case "chart_natures" -> en ? "Opinions by nature" : "Ý kiến theo tính chất";
            case "chart_forums_per_unit" -> en ? "Forums held per unit" : "Số diễn đàn theo đơn vị";
            case "chart_flow" -> en ? "Events in the period" : "Sự kiện trong kỳ";
            default -> key;
        };
    }

    /** A named period (yyyy, yyyy-H1/H2, yyyy-Qn, yyyy-MM) or from/to; default: the current half-year. */
    record Period(String code, LocalDate from, LocalDate to, boolean custom) {

        static Period of(String period, String from, String to) {
            if (from != null && !from.isBlank() && to != null && !to.isBlank()) {
                try {
                    LocalDate start = LocalDate.parse(from.strip());
                    LocalDate end = LocalDate.parse(to.strip());
                    if (!end.isBefore(start)) {
                        return new Period(start + "_" + end, start, end, true);
                    }
                } catch (DateTimeParseException e) {
                    // fall through to the named period
                }
            }
            String code = period != null && period.matches("\\d{4}(-(H[12]|Q[1-4]|\\d{2}))?") ? period : current();
            int year = Integer.parseInt(code.substring(0, 4));
            if (code.length() == 4) {
                return new Period(code, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), false);
            }
            String part = code.substring(5);
            if (part.startsWith("H")) {
                LocalDate start = LocalDate.of(year, part.equals("H1") ? 1 : 7, 1);
                return new Period(code, start, start.plusMonths(6).minusDays(1), false);
            }
            if (part.startsWith("Q")) {
                LocalDate start = LocalDate.of(year, 3 * (part.charAt(1) - '0') - 2, 1);
                return new Period(code, start, start.plusMonths(3).minusDays(1), false);
            }
            int month = Math.max(1, Math.min(12, Integer.parseInt(part)));
            LocalDate start = LocalDate.of(year, month, 1);
            return new Period(String.format("%d-%02d", year, month), start, start.plusMonths(1).minusDays(1), false);
        }

        static String current() {
            LocalDate today = Reference.today();
            return today.getYear() + (today.getMonthValue() <= 6 ? "-H1" : "-H2");
        }

        String query() {
            return custom ? "from=" + from + "&to=" + to : "period=" + code;
        }

        /** The last six half-years and the last three years. */
        static List<PeriodOption> options(Period selected, boolean en) {
            List<PeriodOption> options = new ArrayList<>();
            LocalDate today = Reference.today();
            int year = today.getYear();
            int half = today.getMonthValue() <= 6 ? 1 : 2;
            for (int i = 0; i < 6; i++) {
                String code = year + "-H" + half;
                String label = en ? (half == 1 ? "First half " : "Second half ") + year
                        : (half == 1 ? "6 tháng đầu năm " : "6 tháng cuối năm ") + year;
                options.add(new PeriodOption(code, label, code.equals(selected.code())));
                if (half == 2) {
                    half = 1;
                } else {
                    half = 2;
                    year--;
                }
            }
            for (int y = today.getYear(); y > today.getYear() - 3; y--) {
                String code = Integer.toString(y);
                options.add(new PeriodOption(code, (en ? "Year " : "Năm ") + y, code.equals(selected.code())));
            }
            return options;
        }
    }
}
