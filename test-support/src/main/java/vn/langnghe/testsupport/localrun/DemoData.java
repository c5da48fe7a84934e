package vn.langnghe.testsupport.localrun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.langnghe.testsupport.tokens.TokenMinter;
import vn.langnghe.testsupport.tokens.TokenSpec;

/**
 * Demo data drawn from the seed articles, loaded through the public APIs so it produces real events:
 * the Hải Phòng listening forums of December 2019 (seed 004) with opinions on the topics the articles
 * name, answers on the spot, follow-ups and published minutes; and submissions of every kind and channel,
 * in every state, in Hà Nội, Hải Phòng, Nghệ An, Cà Mau and HCM City (some at risk, some overdue),
 * imported as each province's officer. Skipped when the first demo forum is already there.
 */
final class DemoData {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEPUTY = "Phó Giám đốc Công an thành phố";

    /** Hải Phòng forums of seed 004: host district (as in 2019), venue ward or commune, day in Dec 2019. */
    private record ForumPlan(String host, String venue, String venueName, int day, List<String> topics) {}

    private static final List<ForumPlan> FORUMS = List.of(
            new ForumPlan("HP-LECHAN", "HP-LECHAN-ANDUONG", "Nhà văn hóa phường An Dương", 3,
                    List.of("THEFT", "SCHOOL_GATE_CONGESTION", "LOAN_SHARKS", "PRAISE")),
            new ForumPlan("HP-LECHAN", "HP-LECHAN-DUHANGKENH", "Hội trường phường Dư Hàng Kênh", 5,
                    List.of("PUBLIC_DISORDER", "TRAFFIC_SAFETY", "DRUGS", "PRAISE")),
            new ForumPlan("HP-LECHAN", "HP-LECHAN-VINHNIEM", "Hội trường phường Vĩnh Niệm", 10,
                    List.of("OVERLOADED_VEHICLES", "INTERSECTION_CONFLICTS", "POLLUTION", "GRASSROOTS_STAFFING")),
            new ForumPlan("HP-KIENAN", "HP-KIENAN-VANDAU", "Hội trường phường Văn Đẩu", 12,
                    List.of("PATROLS", "REPORT_HANDLING", "LEGAL_EDUCATION", "PRAISE")),
            new ForumPlan("HP-ANDUONG", "HP-ANDUONG-DONGTHAI", "Hội trường xã Đông Thái", 17,
                    List.of("THEFT", "OVERLOADED_VEHICLES", "DRUGS", "PATROLS")));

    private static final Map<String, String> SUMMARIES = Map.ofEntries(
            Map.entry("THEFT", "Đề nghị tăng cường phòng chống trộm cắp tài sản trong khu dân cư"),
            Map.entry("SCHOOL_GATE_CONGESTION", "Ùn tắc giao thông tại cổng trường giờ tan học"),
            Map.entry("LOAN_SHARKS", "Phản ánh hoạt động tín dụng đen, cho vay nặng lãi"),
            Map.entry("PRAISE", "Đánh giá cao lực lượng công an phường trong giữ gìn an ninh trật tự"),
            Map.entry("PUBLIC_DISORDER", "Thanh thiếu niên tụ tập gây rối trật tự công cộng ban đêm"),
            Map.entry("TRAFFIC_SAFETY", "Mất an toàn giao thông trên tuyến đường liên phường"),
            Map.entry("DRUGS", "Đề nghị đấu tranh, ngăn chặn tệ nạn ma túy"),
            Map.entry("OVERLOADED_VEHICLES", "Xe tự chế, quá khổ, quá tải lưu thông trong khu dân cư"),
            Map.entry("INTERSECTION_CONFLICTS", "Xung đột giao thông tại ngã tư, cần phân luồng giờ cao điểm"),
            Map.entry("POLLUTION", "Ô nhiễm môi trường từ cơ sở sản xuất gần khu dân cư"),
            Map.entry("GRASSROOTS_STAFFING", "Đề nghị bổ sung quân số cho công an cơ sở"),
            Map.entry("PATROLS", "Đề nghị tăng cường tuần tra, kiểm soát ban đêm"),
            Map.entry("REPORT_HANDLING", "Góp ý về cách tiếp nhận, xử lý tin báo của công dân"),
            Map.entry("LEGAL_EDUCATION", "Đề nghị tăng cường tuyên truyền, phổ biến pháp luật cho thanh niên"));

    /** Where submissions are received today: a ward or commune of each province of the seeds. */
    private static final Map<String, String> WARDS = new LinkedHashMap<>();

    static {
        WARDS.put("HP", "HP-LECHAN-ANDUONG");
        WARDS.put("HN", "HN-THANHTRI-THANHLIET");
        WARDS.put("NA", "NA-HOANGMAI-QUYNHXUAN");
        WARDS.put("CM", "CM-CAMAU-P5");
        WARDS.put("HCM", "HCM-Q1-BENNGHE");
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String intake;
    private final String forum;
    private final TokenMinter tokens;
    private final PrintStream out;
    private final String organiser;

    DemoData(String intakeUrl, String forumUrl, TokenMinter tokens, PrintStream out) {
        this.intake = intakeUrl;
        this.forum = forumUrl;
        this.tokens = tokens;
        this.out = out;
        this.organiser = tokens.mint(TokenSpec.organiser("HP").withSubject("demo-organiser-HP"));
    }

    /** Loads everything, or nothing when the first demo forum already exists. */
    void load() {
        long started = System.nanoTime();
        UUID first = forumId(0);
        if (send("GET", forum + "/api/v1/forums/" + first, organiser, null, null).statusCode() == 200) {
            out.println("Demo data is already there: skipped.");
            return;
        }
        out.println("Loading demo data from the seed articles ...");
        for (int i = 0; i < FORUMS.size(); i++) {
            loadForum(i, FORUMS.get(i));
        }
        int cases = 0;
        for (Map.Entry<String, String> province : WARDS.entrySet()) {
            cases += importRegister(province.getKey(), province.getValue());
        }
        out.printf("  %d Hải Phòng forums (Dec 2019) and %d submissions in 5 provinces, in %d s%n", FORUMS.size(), cases,
                (System.nanoTime() - started) / 1_000_000_000);
    }

    private static UUID forumId(int index) {
        return UUID.nameUUIDFromBytes(("langnghe-demo-forum-" + index).getBytes(StandardCharsets.UTF_8));
    }

    private void loadForum(int index, ForumPlan plan) {
        UUID id = forumId(index);
        LocalDate day = LocalDate.of(2019, 12, plan.day());
        String base = forum + "/api/v1/forums/" + id;
        Map<String, Object> schedule = new LinkedHashMap<>();
        schedule.put("id", id.toString());
        schedule.put("sessionKind", "FORUM");
        schedule.put("hostUnitId", plan.host());
        schedule.put("venueUnitId", plan.venue());
        schedule.put("venueName", plan.venueName());
        schedule.put("startsAt", day + "T08:00:00");
        schedule.put("delegationHead", Map.of("unitId", "HP", "title", DEPUTY));
        schedule.put("invitedGroups", List.of("FATHERLAND_FRONT", "VETERANS", "YOUTH_UNION", "WOMENS_UNION",
                "RESIDENTIAL_GROUP", "CITIZEN_REPRESENTATIVE"));
        schedule.put("effectiveOn", day.minusDays(7).toString());
        expect(201, "POST", forum + "/api/v1/forums", schedule, null);
        expect(200, "POST", base + "/open", Map.of("effectiveOn", day.toString(), "attendanceByGroup", List.of(
                Map.of("group", "FATHERLAND_FRONT", "count", 6), Map.of("group", "VETERANS", "count", 12),
                Map.of("group", "YOUTH_UNION", "count", 15), Map.of("group", "WOMENS_UNION", "count", 14),
                Map.of("group", "RESIDENTIAL_GROUP", "count", 40 + index * 7),
                Map.of("group", "CITIZEN_REPRESENTATIVE", "count", 25))), "\"1\"");
        for (int o = 0; o < plan.topics().size(); o++) {
            String topic = plan.topics().get(o);
            UUID opinion = UUID.nameUUIDFromBytes(("langnghe-demo-opinion-" + index + "-" + o)
                    .getBytes(StandardCharsets.UTF_8));
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("opinionId", opinion.toString());
            record.put("speakerGroup", o % 2 == 0 ? "RESIDENTIAL_GROUP" : "CITIZEN_REPRESENTATIVE");
            record.put("topic", topic);
            record.put("tags", List.of());
            record.put("nature", topic.equals("PRAISE") ? "PRAISE" : o % 2 == 0 ? "REQUEST" : "SUGGESTION");
            record.put("publicSummary", SUMMARIES.get(topic));
            record.put("effectiveOn", day.toString());
            expect(201, "POST", base + "/opinions", record, null);
            String on = base + "/opinions/" + opinion;
            if (o == 1 && topic.equals("REPORT_HANDLING")) { // really a complaint: escalated to intake
                expect(200, "POST", on + "/escalate", Map.of("kindRequested", "COMPLAINT",
                        "effectiveOn", day.toString()), null);
            } else if (o == 1) { // taken under advisement: a follow-up owed by the city police
                expect(200, "POST", on + "/follow-up", Map.of("ownerUnitId", "HP", "dueOn", "2020-01-15",
                        "effectiveOn", day.toString()), null);
            } else {
                expect(200, "POST", on + "/answer", Map.of("answeredByUnitId", "HP", "answeredByTitle", DEPUTY,
                        "answerSummary", "Đã giải thích, tiếp thu và chỉ đạo công an phường triển khai ngay",
                        "effectiveOn", day.toString()), null);
            }
        }
        long version = version(base);
        expect(200, "POST", base + "/close", Map.of("minutesSummary", "Diễn đàn \"Công an lắng nghe ý kiến nhân dân\" tại "
                + plan.venueName() + ": " + plan.topics().size() + " ý kiến, đã trả lời tại chỗ và tiếp thu",
                "effectiveOn", day.toString()), "\"" + version + "\"");
        expect(200, "POST", base + "/publish-minutes", Map.of("effectiveOn", day.plusDays(2).toString()),
                "\"" + (version + 1) + "\"");
    }

    /** A register of one ward with every kind and channel in every state; returns how many cases. */
    private int importRegister(String province, String ward) {
        LocalDate t = LocalDate.now(VIETNAM);
        List<Map<String, Object>> lines = new ArrayList<>();
        lines.add(line(province, "tip-valuable", "TIP", "HOTLINE", ward, t.minusDays(3), null,
                step("classified", t.minusDays(3), "TIP", "DRUGS"), "verificationStartedOn", t.minusDays(2),
                "ratedValuableOn", t.minusDays(1)));
        lines.add(line(province, "tip-answered", "TIP", "SUGGESTION_BOX", ward, t.minusDays(20), null,
                step("classified", t.minusDays(19), "TIP", "THEFT"),
                "answered", Map.of("on", t.minusDays(10).toString(), "answerSummary", "Cảm ơn người cung cấp tin")));
        lines.add(line(province, "crime-at-risk", "CRIME_REPORT", "HOTLINE", ward, t.minusDays(17), reporter(province),
                step("classified", t.minusDays(17), "CRIME_REPORT", "THEFT"),
                "accepted", Map.of("on", t.minusDays(16).toString(), "complex", false)));
        lines.add(line(province, "crime-overdue", "CRIME_REPORT", "RECEPTION_DESK", ward, t.minusDays(40),
                reporter(province), step("classified", t.minusDays(40), "CRIME_REPORT", "LOAN_SHARKS"),
                "accepted", Map.of("on", t.minusDays(39).toString(), "complex", false),
                "verificationStartedOn", t.minusDays(38)));
        lines.add(line(province, "denunciation-overdue", "DENUNCIATION", "MAIL", ward, t.minusDays(35),
                reporter(province), step("classified", t.minusDays(34), "DENUNCIATION", "REPORT_HANDLING"),
                "accepted", Map.of("on", t.minusDays(33).toString(), "complex", false)));
        lines.add(line(province, "denunciation-anonymous", "DENUNCIATION", "SUGGESTION_BOX", ward, t.minusDays(5), null,
                step("classified", t.minusDays(4), "DENUNCIATION", "SOCIAL_EVILS"),
                "verificationStartedOn", t.minusDays(3)));
        lines.add(line(province, "complaint-unaccepted", "COMPLAINT", "RECEPTION_DESK", ward, t.minusDays(12),
                reporter(province)));
        lines.add(line(province, "complaint-answered", "COMPLAINT", "PARTNER_PORTAL", ward, t.minusDays(60),
                reporter(province), step("classified", t.minusDays(59), "COMPLAINT", "ADMIN_PROCEDURES"),
                "accepted", Map.of("on", t.minusDays(58).toString(), "complex", false),
                "verificationStartedOn", t.minusDays(50),
                "concluded", Map.of("on", t.minusDays(40).toString(), "conclusion", "PARTLY_FOUNDED"),
                "answered", Map.of("on", t.minusDays(38).toString(), "answerSummary", "Đã cấp căn cước, rút kinh nghiệm")));
        lines.add(line(province, "complaint-concluded", "COMPLAINT", "RECEPTION_DESK", ward, t.minusDays(28),
                reporter(province), step("classified", t.minusDays(27), "COMPLAINT", "REPORT_HANDLING"),
                "accepted", Map.of("on", t.minusDays(26).toString(), "complex", true),
                "verificationStartedOn", t.minusDays(20),
                "concluded", Map.of("on", t.minusDays(2).toString(), "conclusion", "UNFOUNDED")));
        lines.add(line(province, "petition-duplicate", "PETITION", "HOTLINE", ward, t.minusDays(8), null,
                step("classified", t.minusDays(8), "PETITION", "SIDEWALK_ORDER")));
        lines.add(line(province, "complaint-not-accepted", "COMPLAINT", "MAIL", ward, t.minusDays(25),
                reporter(province), "notAccepted", Map.of("on", t.minusDays(20).toString(), "legalReason", "TIME_BARRED")));
        lines.add(line(province, "petition-transferred", "PETITION", "MAIL", ward, t.minusDays(30), null,
                step("classified", t.minusDays(29), "PETITION", "POLLUTION"),
                "transferred", Map.of("on", t.minusDays(28).toString(), "toAgency", "UBND phường",
                        "reason", "thuộc thẩm quyền chính quyền địa phương")));
        lines.add(line(province, "petition-open", "PETITION", "RESIDENT_MEETING", ward, t.minusDays(9), null,
                step("classified", t.minusDays(8), "PETITION", "SIDEWALK_ORDER")));
        lines.add(line(province, "petition-withdrawn", "PETITION", "HOTLINE", ward, t.minusDays(15), reporter(province),
                "withdrawnOn", t.minusDays(10)));
        lines.add(line(province, "petition-2019", "PETITION", "SUGGESTION_BOX", ward, LocalDate.of(2019, 11, 4), null,
                step("classified", LocalDate.of(2019, 11, 5), "PETITION", "TRAFFIC_SAFETY"),
                "answered", Map.of("on", LocalDate.of(2019, 11, 20).toString(), "answerSummary", "Đã lắp biển báo")));
        StringBuilder file = new StringBuilder();
        for (Map<String, Object> line : lines) {
            file.append(json(line)).append('\n');
        }
        String officer = tokens.mint(TokenSpec.officer(province).withSubject("demo-officer-" + province));
        importAndWait(province, officer, file.toString());
        // The import report lists skipped lines with their submission ids: a second, no-op run finds the
        // two petitions to merge (merges cannot be imported).
        mergeDuplicate(officer, importAndWait(province, officer, file.toString()));
        return lines.size();
    }

    private JsonNode importAndWait(String province, String officer, String ndjson) {
        HttpResponse<String> accepted = send("POST", intake + "/api/v1/imports", officer, ndjson,
                "application/x-ndjson");
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("demo import for " + province + " refused: " + accepted.body());
        }
        String job = URI.create(intake).resolve(accepted.headers().firstValue("Location").orElseThrow()).toString();
        for (int poll = 0; poll < 600; poll++) {
            JsonNode state = read(send("GET", job, officer, null, null).body());
            switch (state.path("state").asText()) {
                case "SUCCEEDED" -> {
                    return state;
                }
                case "FAILED" -> throw new IllegalStateException("demo import for " + province + " failed: "
                        + state.path("report"));
                default -> pause();
            }
        }
        throw new IllegalStateException("demo import for " + province + " did not finish");
    }

    /** The duplicate petition is merged into the open one, over REST as an officer would. */
    private void mergeDuplicate(String officer, JsonNode job) {
        String duplicate = null;
        String original = null;
        for (JsonNode entry : job.path("report")) {
            String ref = entry.path("externalRef").asText();
            if (ref.endsWith("-petition-duplicate")) {
                duplicate = entry.path("submissionId").asText();
            } else if (ref.endsWith("-petition-open")) {
                original = entry.path("submissionId").asText();
            }
        }
        if (duplicate == null || original == null) {
            throw new IllegalStateException("the demo re-import did not report the petitions to merge: " + job);
        }
        String url = intake + "/api/v1/submissions/" + duplicate;
        String etag = send("GET", url, officer, null, null).headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> merged = send("POST", url + "/merge", officer,
                json(Map.of("mergedInto", original)), "application/json", etag);
        if (merged.statusCode() != 200) {
            throw new IllegalStateException("demo merge answered " + merged.statusCode() + ": " + merged.body());
        }
    }

    private static Map<String, Object> line(String province, String ref, String kind, String channel, String unit,
            LocalDate receivedOn, Map<String, Object> reporter, Object... steps) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("externalRef", "DEMO-" + province + "-" + ref);
        line.put("kind", kind);
        line.put("channel", channel);
        line.put("unitId", unit);
        line.put("receivedOn", receivedOn.toString());
        line.put("description", "Nội dung phản ánh minh họa (dữ liệu mẫu)");
        if (reporter != null) {
            line.put("reporter", reporter);
        }
        // steps: name/value pairs, or a ready pair from step(...)
        for (int i = 0; i < steps.length; ) {
            if (steps[i] instanceof Object[] pair) {
                line.put((String) pair[0], pair[1]);
                i += 1;
            } else {
                Object value = steps[i + 1];
                line.put((String) steps[i], value instanceof LocalDate date ? date.toString() : value);
                i += 2;
            }
        }
        return line;
    }

    /** The classification step of a line: {@code "classified", {on, kind, topic, tags, publicSummary}}. */
    private static Object[] step(String name, LocalDate on, String kind, String topic) {
        return new Object[] {name, Map.of("on", on.toString(), "kind", kind, "topic", topic, "tags", List.of(),
                "publicSummary", "Tóm tắt công khai (dữ liệu mẫu): " + topic.toLowerCase().replace('_', ' '))};
    }

    private static Map<String, Object> reporter(String province) {
        return Map.of("fullName", "Công dân mẫu " + province, "phone", "0900000" + Math.abs(province.hashCode() % 1000));
    }

    private long version(String url) {
        HttpResponse<String> response = send("GET", url, organiser, null, null);
        return Long.parseLong(response.headers().firstValue("ETag").orElseThrow().replace("\"", ""));
    }

    private void expect(int status, String method, String url, Object body, String ifMatch) {
        HttpResponse<String> response = send(method, url, organiser, json(body), "application/json", ifMatch);
        if (response.statusCode() != status) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    private HttpResponse<String> send(String method, String url, String token, String body, String type) {
        return send(method, url, token, body, type, null);
    }

    private HttpResponse<String> send(String method, String url, String token, String body, String type,
            String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (type != null) {
            request.header("Content-Type", type);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable answer: " + body, e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
