package vn.langnghe.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.Year;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.langnghe.testsupport.tokens.TokenSpec;
import vn.langnghe.testsupport.tokens.Tokens;

/**
 * Builds the valid form of any published operation from its schema and the seeded data: path ids by parameter
 * name, bodies property by property (values chosen by the property's name, format or enum). An operation with a
 * path parameter or body media type it does not know fails loudly ("no generator"), so a new endpoint is never
 * silently skipped.
 */
final class ValidRequests {

    static final Set<String> BODY_MEDIA_TYPES = Set.of("application/json", "application/x-ndjson",
            "application/x-www-form-urlencoded");

    private final SeedData seed;
    private final ObjectMapper json;
    private final HttpProbe http;

    ValidRequests(SeedData seed, ObjectMapper json, HttpProbe http) {
        this.seed = seed;
        this.json = json;
        this.http = http;
    }

    /** Checks, without calling anything, that every operation has a generator. */
    static void requireGenerators(ApiOperation operation) {
        for (ApiOperation.Parameter p : operation.in("path")) {
            if (!PATH_PARAMETERS.contains(p.name())) {
                throw new IllegalStateException("no generator for the path parameter " + p.name() + " of "
                        + operation + ": teach ValidRequests.pathValue about it");
            }
        }
        if (operation.bodyMediaType() != null && !BODY_MEDIA_TYPES.contains(operation.bodyMediaType())) {
            throw new IllegalStateException("no generator for a " + operation.bodyMediaType() + " body of " + operation);
        }
    }

    private static final Set<String> PATH_PARAMETERS = Set.of("id", "opinionId", "jobId", "code", "format",
            "service_code", "service_request_id", "token", "name");

    ValidRequest of(ApiOperation operation, ServiceUnderTest service) {
        requireGenerators(operation);
        TokenSpec caller = Callers.of(operation);
        String role = caller == null ? "" : caller.groups().iterator().next();
        Map<String, String> path = new LinkedHashMap<>();
        Map<String, String> foreign = new LinkedHashMap<>();
        for (ApiOperation.Parameter p : operation.in("path")) {
            path.put(p.name(), pathValue(operation, p.name(), role, false));
            String elsewhere = pathValue(operation, p.name(), role, true);
            if (elsewhere != null) {
                foreign.put(p.name(), elsewhere);
            }
        }
        Map<String, String> query = new LinkedHashMap<>();
        for (ApiOperation.Parameter p : operation.in("query")) {
            String value = queryValue(operation, p.name());
            if (value != null) {
                query.put(p.name(), value);
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        ObjectNode body = operation.bodyMediaType() == null ? null : body(operation);
        String keyField = null;
        String replayed = null;
        if (operation.hasHeader("Idempotency-Key")) {
            headers.put("Idempotency-Key", UUID.randomUUID().toString());
            keyField = "Idempotency-Key";
            replayed = operation.service().equals("intake-service") ? seed.partnerSubmissionKey() : null;
        }
        if (body != null && operation.path().equals("/api/v1/forums")) {
            keyField = "id";
            replayed = seed.forum();
        } else if (body != null && operation.path().endsWith("/opinions")) {
            keyField = "opinionId";
            replayed = seed.opinion();
        }
        if (operation.hasHeader("If-Match") && caller != null) {
            String etag = currentETag(service, operation, path, caller);
            if (etag != null) {
                headers.put("If-Match", etag);
            }
        }
        return new ValidRequest(operation, path, foreign, query, headers, body, caller, keyField, replayed);
    }

    private String pathValue(ApiOperation operation, String name, String role, boolean foreign) {
        boolean partner = role.equals("partner");
        boolean admin = role.equals("admin");
        String service = operation.service();
        return switch (name) {
            case "id" -> switch (service) {
                case "intake-service" -> operation.path().startsWith("/api/v1/imports")
                        ? (foreign ? null : seed.importJob())
                        : foreign ? (admin ? null : partner ? seed.otherPartnerSubmission() : seed.otherUnitSubmission())
                        : partner ? seed.partnerSubmission() : seed.submission();
                case "forum-service" -> foreign ? seed.otherUnitForum() : seed.forum();
                case "reporting-service" -> foreign ? null : seed.rebuild();
                default -> throw new IllegalStateException(service);
            };
            case "opinionId" -> foreign ? seed.otherUnitOpinion() : seed.opinion();
            case "jobId" -> foreign ? null : seed.importJob();
            case "code" -> foreign ? (admin ? null : partner ? seed.trackingCode() : seed.otherUnitTrackingCode())
                    : partner ? seed.partnerTrackingCode() : seed.trackingCode();
            case "format" -> foreign ? null : "json";
            case "service_code" -> foreign ? null : seed.open311Service();
            case "service_request_id" -> foreign ? seed.otherPartnerSubmission() : seed.partnerSubmission();
            case "token" -> foreign ? seed.otherPartnerTrackingCode() : seed.partnerTrackingCode();
            case "name" -> foreign ? null : "flow";
            default -> throw new IllegalStateException("no generator for the path parameter " + name);
        };
    }

    /** Values for the query parameters a valid call usually carries; the others stay out of the valid form. */
    private String queryValue(ApiOperation operation, String name) {
        return switch (name) {
            case "subjectRef" -> seed.submission(); // the audit of a case's personal data
            case "purpose" -> "Xác minh nội dung đơn";
            case "limit" -> "10";
            case "unit" -> SeedData.CITY;
            case "period" -> operation.service().equals("reporting-service") ? String.valueOf(Year.now().getValue()) : null;
            case "q" -> "căn cước";
            case "jurisdiction_id" -> SeedData.WARD;
            // the event flow needs its period; the reports take "period" instead
            case "from" -> operation.path().endsWith("/event-flow") ? LocalDate.parse(SeedData.today()).minusDays(30).toString() : null;
            case "to" -> operation.path().endsWith("/event-flow") ? SeedData.today() : null;
            default -> null;
        };
    }

    private String currentETag(ServiceUnderTest service, ApiOperation operation, Map<String, String> path,
            TokenSpec caller) {
        int at = operation.path().indexOf("{id}");
        if (at < 0) {
            return null;
        }
        String resource = operation.path().substring(0, at) + path.get("id");
        String token = Tokens.shared().mint(caller.groups().contains("officer") && resource.contains("/forums/")
                ? TokenSpec.organiser(SeedData.CITY) : caller);
        // not the request under test: straight to the service, past the contract-checking proxy
        HttpProbe.Answer answer = http.send("GET", service.process().baseUrl() + resource,
                Map.of("Authorization", "Bearer " + token), null);
        return answer.status() == 200 ? answer.header("ETag") : null;
    }

    ObjectNode body(ApiOperation operation) {
        if (operation.bodyMediaType().equals("application/x-ndjson")) {
            ObjectNode line = json.createObjectNode();
            line.put("externalRef", "HOSTILE-" + UUID.randomUUID());
            line.put("kind", "PETITION");
            line.put("channel", "MAIL");
            line.put("unitId", SeedData.WARD);
            line.put("receivedOn", SeedData.today());
            line.put("description", "Đơn kiến nghị về đèn chiếu sáng ngõ 5");
            return line;
        }
        if (operation.bodyMediaType().equals("application/x-www-form-urlencoded")) {
            ObjectNode form = json.createObjectNode();
            form.put("jurisdiction_id", SeedData.WARD);
            form.put("service_code", seed.open311Service());
            form.put("description", "Đèn đường hỏng trước số 7 ngõ 12");
            form.put("lat", "20.8561");
            form.put("long", "106.6822");
            return form;
        }
        JsonNode value = valueFor("", operation.bodySchema());
        if (!(value instanceof ObjectNode object)) {
            throw new IllegalStateException("no generator for a non-object JSON body of " + operation);
        }
        return object;
    }

    private JsonNode valueFor(String name, JsonNode schema) {
        if (schema.has("enum")) {
            String preferred = PREFERRED_ENUM_VALUES.get(name);
            for (JsonNode option : schema.path("enum")) {
                if (option.asText().equals(preferred)) {
                    return option;
                }
            }
            return schema.path("enum").get(0);
        }
        String type = typeOf(schema);
        return switch (type) {
            case "object" -> {
                ObjectNode object = json.createObjectNode();
                schema.path("properties").fields().forEachRemaining(p ->
                        object.set(p.getKey(), valueFor(p.getKey(), p.getValue())));
                yield object;
            }
            case "array" -> {
                ArrayNode array = json.createArrayNode();
                array.add(valueFor(name, schema.path("items")));
                yield array;
            }
            case "integer", "number" -> json.getNodeFactory().numberNode(
                    Math.max(schema.path("minimum").asLong(0), name.toLowerCase().contains("count")
                            || name.toLowerCase().contains("attendance") ? 40 : 1));
            case "boolean" -> json.getNodeFactory().booleanNode(false);
            case "string" -> json.getNodeFactory().textNode(stringFor(name, schema));
            default -> throw new IllegalStateException("no generator for the JSON type " + type + " of " + name);
        };
    }

    /** OpenAPI 3.1 writes a nullable property's type as a list, e.g. ["string", "null"]: the non-null one. */
    private static String typeOf(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode each : type) {
                if (!each.asText().equals("null")) {
                    return each.asText();
                }
            }
        }
        return type.asText("object");
    }

    private String stringFor(String name, JsonNode schema) {
        String format = schema.path("format").asText("");
        LocalDate today = LocalDate.now(SeedData.VIETNAM);
        if (format.equals("date")) {
            return today.toString();
        }
        if (format.equals("date-time")) {
            return today + "T08:00:00";
        }
        if (format.equals("uuid")) {
            return name.equals("mergedInto") ? seed.partnerSubmission() : UUID.randomUUID().toString();
        }
        // A type the document describes by a pattern and an example (forum-service's local date-times).
        String example = schema.path("examples").path(0).asText("");
        if (example.matches("\\d{4}-\\d{2}-\\d{2}T.*")) {
            return today + "T08:00:00";
        }
        if (!example.isEmpty()) {
            return example;
        }
        return switch (name) {
            case "hostUnitId" -> SeedData.CITY;
            case "unitId", "venueUnitId", "answeredByUnitId", "ownerUnitId" -> SeedData.WARD;
            case "topic" -> "ADMIN_PROCEDURES";
            case "reasonCode" -> "COMPLEX";
            case "email" -> "hanh@example.vn";
            case "phone" -> "0912345678";
            case "idNumber" -> "001099012345";
            case "tags" -> "vỉa hè";
            default -> "Nội dung kiểm thử có dấu tiếng Việt";
        };
    }

    private static final Map<String, String> PREFERRED_ENUM_VALUES = Map.of(
            "kind", "COMPLAINT", "kindRequested", "COMPLAINT", "channel", "RECEPTION_DESK",
            "sessionKind", "FORUM", "speakerGroup", "RESIDENTIAL_GROUP", "group", "RESIDENTIAL_GROUP",
            "invitedGroups", "RESIDENTIAL_GROUP", "nature", "REQUEST", "conclusion", "FOUNDED",
            "legalReason", "OUT_OF_COMPETENCE");
}
