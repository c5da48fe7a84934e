package vn.langnghe.intake.open311;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.langnghe.contracts.events.Channel;
import vn.langnghe.contracts.reference.TopicTaxonomy;
import vn.langnghe.contracts.reference.UnitTree;
import vn.langnghe.intake.application.NewSubmission;
import vn.langnghe.intake.application.RequestFingerprint;
import vn.langnghe.intake.application.SubmissionRow;
import vn.langnghe.intake.application.SubmissionService;
import vn.langnghe.intake.application.TrackingCodes;
import vn.langnghe.intake.domain.submission.SubmissionRefused;
import vn.langnghe.personal.PersonalIdentity;
import vn.langnghe.servicekit.problem.InvalidInput;
import vn.langnghe.servicekit.security.Caller;
import vn.langnghe.servicekit.security.Roles;
import vn.langnghe.servicekit.text.Text;

/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2) in front of the native submissions, for
 * tips and petitions only. The partner's bearer token replaces {@code api_key} (which is ignored);
 * {@code jurisdiction_id} is the receiving unit's code and is required to file a request. Answers are JSON
 * or XML after the path's extension; failures are GeoReport error lists ({@link Open311Errors}).
 */
@Path("/open311/v2")
@Tag(name = "Open311 GeoReport v2 (tips, petitions)")
public class Open311Resource {

    private static final String FORMAT = "{format: json|xml}";
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter W3C = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final int MAX_RESULTS = 1000;
    private static final Duration DEFAULT_WINDOW = Duration.ofDays(90);
    private static final int MAX_PARAMETERS = 100;

    private final SubmissionService service;
    private final Open311Requests requests;
    private final Open311Services services;
    private final UnitTree units;
    private final Caller caller;
    private final RequestFingerprint fingerprint;
    private final ObjectMapper json;

    Open311Resource(SubmissionService service, Open311Requests requests, TopicTaxonomy topics, UnitTree units,
            Caller caller, RequestFingerprint fingerprint, ObjectMapper json) {
        this.service = service;
        this.requests = requests;
        this.services = new Open311Services(topics);
        this.units = units;
        this.caller = caller;
        this.fingerprint = fingerprint;
        this.json = json;
    }

    @GET
    @Path("/services." + FORMAT)
    @Authenticated
    @Operation(summary = "GeoReport v2 service list: TIP-<TOPIC> and PETITION-<TOPIC> (never the sensitive kinds)")
    public Response services(@PathParam("format") String format, @QueryParam("jurisdiction_id") String jurisdiction) {
        checkJurisdiction(jurisdiction);
        List<Map<String, Object>> list = services.all().stream().map(Open311Services::listEntry).toList();
        return Open311Document.response(200, Open311Document.Format.of(format), "services", "service", list, json);
    }

    @GET
    @Path("/services/{service_code: [A-Za-z0-9_-]+}." + FORMAT)
    @Authenticated
    @Operation(summary = "GeoReport v2 service definition (its one attribute: report_anonymously)")
    public Response service(@PathParam("service_code") String code, @PathParam("format") String format,
            @QueryParam("jurisdiction_id") String jurisdiction) {
        checkJurisdiction(jurisdiction);
        Open311Services.Service s = services.find(code)
                .orElseThrow(() -> new NotFoundException("no service " + code + " (tips and petitions only)"));
        Open311Document.Format f = Open311Document.Format.of(format);
        return Response.ok(Open311Document.renderObject(f, "service_definition", Open311Services.definition(s), json),
                f.mediaType()).build();
    }

    @POST
    @Path("/requests." + FORMAT)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.PARTNER)
    @Operation(summary = "GeoReport v2 POST Service Request (form-encoded; jurisdiction_id = the receiving unit)")
    public Response create(@PathParam("format") String format, String body) {
        String clientId = ownClient();
        Map<String, String> form = parseForm(body);
        Map<String, String> attributes = new TreeMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith("attribute[") && name.endsWith("]")) {
                attributes.put(name.substring("attribute[".length(), name.length() - 1), value);
            }
        });
        String code = bounded(form, "service_code", 80);
        if (code == null) {
            throw new InvalidInput("service_code", "required");
        }
        Open311Services.Service s = services.find(code).orElseThrow(() -> new InvalidInput("service_code",
                "not a service of this endpoint (tips and petitions only; see services.json)"));
        String unit = bounded(form, "jurisdiction_id", 64);
        if (unit == null) {
            throw new InvalidInput("jurisdiction_id", "required: the code of the receiving police unit"
                    + " (GET /api/v1/reference/units)");
        }
        BigDecimal lat = coordinate(form, "lat", 90);
        BigDecimal lon = coordinate(form, "long", 180);
        if ((lat == null) != (lon == null)) {
            throw new InvalidInput(lat == null ? "lat" : "long", "lat and long go together");
        }
        String address = bounded(form, "address_string", 500);
        String addressId = bounded(form, "address_id", 100);
        if (lat == null && address == null && addressId == null) {
            throw new InvalidInput("lat", "a location is required: lat and long, address_string or address_id");
        }
        boolean anonymous = switch (attributes.getOrDefault(Open311Services.ANONYMOUS, "false").strip()) {
            case "true" -> true;
            case "false", "" -> false;
            default -> throw new InvalidInput("attribute[" + Open311Services.ANONYMOUS + "]", "true or false");
        };
        PersonalIdentity reporter = null;
        String first = bounded(form, "first_name", 100);
        String last = bounded(form, "last_name", 100);
        String email = bounded(form, "email", 254);
        String phone = bounded(form, "phone", 32);
        if (!anonymous && (first != null || last != null || email != null || phone != null)) {
            String name = first == null ? last : last == null ? first : first + " " + last;
            reporter = new PersonalIdentity(name, phone, null, null, email);
        }
        String caseText = caseText(bounded(form, "description", 20_000), address, addressId, lat, lon,
                bounded(form, "media_url", 2000));
        NewSubmission request = new NewSubmission(s.kind(), Channel.PARTNER_PORTAL, unit, null, s.topic().code(),
                caseText, reporter, null);

        // No key in Open311: an identical form from the same client on the same day is a retry (FixMyStreet
        // resends when it saw no answer) and gets the original request back.
        form.remove("api_key");
        String canonical = "open311/v2 " + new TreeMap<>(form);
        String key = "open311:" + service.today() + ":" + fingerprint.of(canonical);
        SubmissionService.Submitted submitted;
        try {
            submitted = service.submit(request, clientId, caller.subject(), key, canonical);
        } catch (SubmissionRefused refused) {
            if ("unitId".equals(refused.field())) {
                throw SubmissionRefused.field("jurisdiction_id", refused.code(), refused.getMessage());
            }
            throw refused;
        }
        SubmissionRow row = submitted.row();
        requests.remember(row.id(), clientId, s.code(), lat, lon);
        Map<String, Object> created = Open311Document.element();
        created.put("service_request_id", row.id().toString());
        created.put("token", row.trackingCode());
        created.put("service_notice", notice(row));
        created.put("account_id", null);
        return Open311Document.response(200, Open311Document.Format.of(format), "service_requests", "request",
                List.of(created), json);
    }

    @GET
    @Path("/requests." + FORMAT)
    @RolesAllowed(Roles.PARTNER)
    @Operation(summary = "GeoReport v2 GET Service Requests: the calling client's own, newest first (at most 1000)")
    public Response list(@PathParam("format") String format, @QueryParam("service_request_id") String ids,
            @QueryParam("service_code") String codes, @QueryParam("start_date") String start,
            @QueryParam("end_date") String end, @QueryParam("status") String status,
            @QueryParam("jurisdiction_id") String jurisdiction) {
        String clientId = ownClient();
        Open311Requests.Query query;
        if (ids != null && !ids.isBlank()) { // the spec: service_request_id overrides every other argument
            List<UUID> wanted = new ArrayList<>();
            for (String id : ids.split(",")) {
                uuid(id.strip()).ifPresent(wanted::add);
            }
            query = new Open311Requests.Query(wanted, null, null, null, null, null, MAX_RESULTS);
        } else {
            Instant to = end == null || end.isBlank() ? null : instant("end_date", end, false);
            Instant from = start == null || start.isBlank() ? null : instant("start_date", start, true);
            if (from == null && to == null) {
                from = Instant.now().minus(DEFAULT_WINDOW);
            }
            if (from != null && to != null && to.isBefore(from)) {
                throw new InvalidInput("end_date", "is before start_date");
            }
            query = new Open311Requests.Query(null, list("service_code", codes), from, to, status(status),
                    Text.clean("jurisdiction_id", jurisdiction), MAX_RESULTS);
        }
        List<Map<String, Object>> found = requests.find(clientId, query).stream().map(this::request).toList();
        return Open311Document.response(200, Open311Document.Format.of(format), "service_requests", "request", found,
                json);
    }

    @GET
    @Path("/requests/{service_request_id: [^/.]+}." + FORMAT)
    @RolesAllowed(Roles.PARTNER)
    @Operation(summary = "GeoReport v2 GET Service Request: one of the calling client's own")
    public Response one(@PathParam("service_request_id") String id, @PathParam("format") String format) {
        String clientId = ownClient();
        UUID wanted = uuid(id).orElseThrow(Open311Resource::notFound);
        List<Open311Requests.Entry> found = requests.find(clientId,
                new Open311Requests.Query(List.of(wanted), null, null, null, null, null, 1));
        if (found.isEmpty()) {
            throw notFound();
        }
        return Open311Document.response(200, Open311Document.Format.of(format), "service_requests", "request",
                List.of(request(found.getFirst())), json);
    }

    @GET
    @Path("/tokens/{token: [^/.]+}." + FORMAT)
    @RolesAllowed(Roles.PARTNER)
    @Operation(summary = "GeoReport v2 GET service_request_id from a token (the token is the tracking code)")
    public Response token(@PathParam("token") String token, @PathParam("format") String format) {
        String clientId = ownClient();
        if (token.length() > 20) {
            throw notFound();
        }
        List<Open311Requests.Entry> found = requests.byTrackingCode(clientId, TrackingCodes.normalise(token));
        if (found.isEmpty()) {
            throw notFound();
        }
        Map<String, Object> e = Open311Document.element();
        e.put("service_request_id", found.getFirst().id().toString());
        e.put("token", found.getFirst().trackingCode());
        return Open311Document.response(200, Open311Document.Format.of(format), "service_requests", "request",
                List.of(e), json);
    }

    // ------------------------------------------------------------------ answers

    /** A request as GeoReport v2 lists it: status and dates from the native record; never the citizen's text. */
    private Map<String, Object> request(Open311Requests.Entry r) {
        boolean closed = r.closedOn() != null;
        Map<String, Object> e = Open311Document.element();
        e.put("service_request_id", r.id().toString());
        e.put("status", closed ? "closed" : "open");
        e.put("status_notes", statusNotes(r.status()));
        e.put("service_name", services.find(r.serviceCode()).map(Open311Services.Service::name).orElse(r.serviceCode()));
        e.put("service_code", r.serviceCode());
        e.put("description", r.publicSummary()); // the officer's public summary, once classified
        e.put("agency_responsible", units.find(r.unitId()).map(u -> u.nameVi()).orElse(r.unitId()));
        e.put("service_notice", null);
        e.put("requested_datetime", w3c(r.requestedAt()));
        e.put("updated_datetime", w3c(r.updatedAt()));
        e.put("expected_datetime", closed || r.nextDue() == null ? null
                : r.nextDue().atTime(23, 59, 59).atZone(VIETNAM).toOffsetDateTime().format(W3C));
        e.put("address", null); // the address text is case text (it may point at a person's home)
        e.put("address_id", null);
        e.put("zipcode", null);
        e.put("lat", r.lat() == null ? null : r.lat().stripTrailingZeros().toPlainString());
        e.put("long", r.lon() == null ? null : r.lon().stripTrailingZeros().toPlainString());
        e.put("media_url", null);
        e.put("token", r.trackingCode());
        return e;
    }

    private static String notice(SubmissionRow row) {
        String due = row.nextDue() == null ? "" : " Hạn xử lý tiếp theo / next legal deadline: " + row.nextDue() + ".";
        return "Đã tiếp nhận, mã tra cứu " + row.trackingCode() + " / Received, tracking code " + row.trackingCode()
                + "." + due;
    }

    static String statusNotes(String status) {
        return switch (status) {
            case "RECEIVED" -> "Đã tiếp nhận / received";
            case "CLASSIFIED" -> "Đã phân loại / classified";
            case "ACCEPTED" -> "Đã thụ lý / accepted for handling";
            case "IN_VERIFICATION" -> "Đang xác minh / being verified";
            case "CONCLUDED" -> "Đã có kết luận / concluded";
            case "ANSWERED" -> "Đã trả lời / answered";
            case "TRANSFERRED" -> "Đã chuyển cơ quan có thẩm quyền / transferred to the competent agency";
            case "NOT_ACCEPTED" -> "Không thụ lý / not accepted";
            case "MERGED" -> "Đã gộp với một phản ánh trùng / merged with a duplicate";
            case "WITHDRAWN" -> "Đã rút / withdrawn";
            default -> status;
        };
    }

    private static String w3c(OffsetDateTime at) {
        return at == null ? null : at.atZoneSameInstant(VIETNAM).toOffsetDateTime().truncatedTo(ChronoUnit.SECONDS)
                .format(W3C);
    }

    // ------------------------------------------------------------------ input

    private String ownClient() {
        return caller.clientId().orElseThrow(() -> new InvalidInput("azp", "a partner token must name its client"));
    }

    private void checkJurisdiction(String jurisdiction) {
        String unit = Text.clean("jurisdiction_id", jurisdiction);
        // find, not existsOn: a code no unit ever had is the caller's mistake (400), not a failure (500)
        if (unit != null && !units.find(unit).map(u -> u.existsOn(service.today())).orElse(false)) {
            throw new InvalidInput("jurisdiction_id", "no such unit today");
        }
    }

    /** application/x-www-form-urlencoded, UTF-8; a repeated name keeps its last value. */
    private static Map<String, String> parseForm(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (body == null || body.isBlank()) {
            return form;
        }
        String[] pairs = body.split("&");
        if (pairs.length > MAX_PARAMETERS) {
            throw new InvalidInput("body", "at most " + MAX_PARAMETERS + " parameters");
        }
        for (String pair : pairs) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (name.length() > 100) {
                    throw new InvalidInput("body", "a parameter name is longer than 100 characters");
                }
                form.put(name, value);
            } catch (IllegalArgumentException e) {
                throw new InvalidInput("body", "not application/x-www-form-urlencoded");
            }
        }
        return form;
    }

    private static String bounded(Map<String, String> form, String name, int max) {
        String value = Text.clean(name, form.get(name));
        if (value != null && value.length() > max) {
            throw new InvalidInput(name, "at most " + max + " characters");
        }
        return value;
    }

    private static BigDecimal coordinate(Map<String, String> form, String name, int bound) {
        String value = bounded(form, name, 40);
        if (value == null) {
            return null;
        }
        try {
            BigDecimal d = new BigDecimal(value);
            if (d.abs().compareTo(BigDecimal.valueOf(bound)) > 0) {
                throw new InvalidInput(name, "between -" + bound + " and " + bound);
            }
            return d.setScale(6, RoundingMode.HALF_UP);
        } catch (NumberFormatException e) {
            throw new InvalidInput(name, "a decimal number (WGS84)");
        }
    }

    /** What the officer reads (encrypted case text): the citizen's words, then where and any media link. */
    private static String caseText(String description, String address, String addressId, BigDecimal lat,
            BigDecimal lon, String mediaUrl) {
        StringBuilder text = new StringBuilder(description == null ? "" : description);
        if (address != null || addressId != null || lat != null) {
            text.append(text.isEmpty() ? "" : "\n\n").append("Địa điểm / Location:");
            if (address != null) {
                text.append(' ').append(address);
            }
            if (addressId != null) {
                text.append(" [address_id ").append(addressId).append(']');
            }
            if (lat != null) {
                text.append(" (").append(lat.toPlainString()).append(", ").append(lon.toPlainString()).append(')');
            }
        }
        if (mediaUrl != null) {
            text.append("\n\nẢnh, video / Media: ").append(mediaUrl);
        }
        return text.isEmpty() ? null : text.toString();
    }

    private static Instant instant(String field, String value, boolean startOfDay) {
        String v = value.strip();
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException notADateTime) {
            try {
                LocalDate day = LocalDate.parse(v);
                return (startOfDay ? day.atStartOfDay(VIETNAM) : day.plusDays(1).atStartOfDay(VIETNAM).minusNanos(1))
                        .toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidInput(field, "a W3C date-time such as 2026-01-31T00:00:00+07:00");
            }
        }
    }

    private static List<String> list(String field, String value) {
        String clean = Text.clean(field, value);
        return clean == null ? null : Arrays.stream(clean.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
    }

    private static Boolean status(String value) {
        List<String> wanted = list("status", value);
        if (wanted == null) {
            return null;
        }
        boolean open = wanted.contains("open");
        boolean closed = wanted.contains("closed");
        if (wanted.stream().anyMatch(s -> !s.equals("open") && !s.equals("closed"))) {
            throw new InvalidInput("status", "open, closed, or both comma-separated");
        }
        return open == closed ? null : open;
    }

    private static java.util.Optional<UUID> uuid(String value) {
        try {
            return java.util.Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    private static NotFoundException notFound() {
        return new NotFoundException("no such service request (or not yours to see)");
    }
}
