package vn.langnghe.hostile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.langnghe.hostile.HostileRequest.Refusal;
import vn.langnghe.testsupport.tokens.TokenMinter;
import vn.langnghe.testsupport.tokens.TokenSpec;
import vn.langnghe.testsupport.tokens.Tokens;

/** Applies a hostile case to the valid request of an operation. */
final class HostileRequests {

    /** Stands for a raw value spliced into the serialised body (bytes no JSON library would write). */
    private static final String RAW = "@@HOSTILE-RAW@@";
    static final int BODY_LIMIT = 10 * 1024 * 1024;
    private static final byte[][] INVALID_UTF8 = {
        {(byte) 0xC3, (byte) 0x28}, {(byte) 0xFF, (byte) 0xFE}, {(byte) 0xC0, (byte) 0xAF},
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
        {(byte) 0xE2, (byte) 0x82}};

    private final ObjectMapper json;
    private final TokenMinter otherIssuer;

    HostileRequests(ObjectMapper json) {
        this.json = json;
        // Same signing key as the services trust, another issuer.
        this.otherIssuer = TokenMinter.fromPrivateKeyPem(java.nio.file.Path.of(System.getProperty(Tokens.DIR_PROPERTY),
                "signing-key.pem"), "https://evil.example/issuer");
    }

    HostileRequest apply(ValidRequest valid, HostileCase c) {
        return new Builder(valid, c).build();
    }

    /** The valid request as it is, without a case: to check the starting point itself. */
    HostileRequest unchanged(ValidRequest valid) {
        return new Builder(valid, null).build();
    }

    private final class Builder {
        final ValidRequest valid;
        final HostileCase c;
        final Map<String, String> path;
        final Map<String, String> query; // values percent-encoded as they go on the wire
        final Map<String, String> headers;
        ObjectNode body;
        TokenSpec caller;
        String token;
        byte[] raw;
        String rawContentType;
        String description;
        String target;
        Refusal refusal = Refusal.NONE;

        Builder(ValidRequest valid, HostileCase c) {
            this.valid = valid;
            this.c = c;
            this.path = new LinkedHashMap<>(valid.pathValues());
            this.query = new LinkedHashMap<>();
            valid.query().forEach((name, value) -> query.put(name, encode(value)));
            this.headers = new LinkedHashMap<>(valid.headers());
            this.body = valid.body() == null ? null : valid.body().deepCopy();
            this.caller = valid.caller();
            this.description = c == null ? "the valid request" : c.attack().name();
        }

        HostileRequest build() {
            switch (c == null ? null : c.attack()) {
                case null -> { }
                case WRONG_TYPE -> wrongType();
                case MISSING_REQUIRED -> missing();
                case OVERSIZED -> oversized();
                case UNKNOWN_FIELD -> unknownField();
                case DEEP_JSON -> deep();
                case HUGE_BODY -> huge();
                case INVALID_UTF8 -> invalidUtf8();
                case UNNORMALISED_UNICODE -> text(Normalizer.normalize(
                        HostileCases.VIETNAMESE.get(c.pick() % HostileCases.VIETNAMESE.size()), Normalizer.Form.NFD));
                case CONTROL_CHARACTERS -> text("Nội dung" + HostileCases.CONTROLS.get(c.pick()
                        % HostileCases.CONTROLS.size()) + "kiểm thử");
                case INJECTION_IN_BODY -> text(c.payload());
                case INJECTION_IN_PATH -> inPath(c.payload());
                case INJECTION_IN_QUERY -> inQuery(c.payload());
                case NOT_JSON -> notJson();
                case NO_TOKEN, FORGED_TOKEN, EXPIRED_TOKEN, WRONG_ISSUER_TOKEN, UNSIGNED_TOKEN, GARBAGE_TOKEN ->
                        badToken();
                case OTHER_ROLE_TOKEN -> otherRole();
                case OTHER_UNIT_TOKEN -> {
                    if (caller != null) {
                        caller = Callers.elsewhere(caller);
                        description = "the caller's role elsewhere: " + caller.subject();
                    }
                }
                case FOREIGN_IDS -> foreignIds();
                case REPLAYED_KEY -> replayed();
            }
            if (token == null && caller != null) {
                token = Tokens.shared().mint(caller);
            }
            Map<String, String> sent = new LinkedHashMap<>(headers);
            if (token != null) {
                sent.put("Authorization", "Bearer " + token);
            }
            byte[] bytes = raw != null ? raw : body == null ? null : serialise(body, null);
            if (bytes != null) {
                sent.putIfAbsent("Content-Type", rawContentType != null ? rawContentType
                        : valid.operation().bodyMediaType() != null ? valid.operation().bodyMediaType()
                        : "application/json");
            }
            return new HostileRequest(valid.operation(), c, valid.operation().method(), pathAndQuery(), sent, bytes,
                    description, target, refusal);
        }

        // ---- body fields

        void wrongType() {
            List<String> fields = leaves(body);
            if (fields.isEmpty()) {
                inQuery(List.of("NaN", "-1", "1e309", "[]", "{}", "true").get(c.pick() % 6));
                return;
            }
            String field = fields.get(c.pick() % fields.size());
            JsonNode current = get(body, field);
            List<JsonNode> others = new ArrayList<>(List.of(json.getNodeFactory().numberNode(12345),
                    json.getNodeFactory().booleanNode(true), json.createArrayNode().add("x"),
                    json.createObjectNode().put("a", 1), json.getNodeFactory().textNode("not-a-" + field),
                    json.getNodeFactory().numberNode(1.5e308)));
            others.removeIf(o -> o.getNodeType() == current.getNodeType());
            JsonNode replacement = others.get(c.pick() % others.size());
            set(body, field, replacement);
            aimAt(field, "wrong type at " + field + ": " + replacement);
        }

        void missing() {
            List<String> required = required(valid.operation().bodySchema(), "", body);
            if (body == null || required.isEmpty()) {
                if (!path.isEmpty()) {
                    String name = pick(new ArrayList<>(path.keySet()));
                    path.put(name, "");
                    description = "empty path parameter " + name;
                } else if (body != null && !leaves(body).isEmpty()) {
                    String field = pick(leaves(body));
                    remove(body, field);
                    description = "optional field left out: " + field;
                } else {
                    description = "nothing to leave out: the valid request";
                }
                return;
            }
            String field = pick(required);
            remove(body, field);
            aimAt(field, "required field left out: " + field);
        }

        void oversized() {
            List<String> fields = leaves(body);
            if (fields.isEmpty()) {
                // under Vert.x's 4,096-byte request line, so the service's own bounds are what answers
                inQuery("x".repeat(2_000 + c.pick()));
                return;
            }
            String field = pick(fields);
            JsonNode schema = schemaAt(valid.operation().bodySchema(), field);
            JsonNode current = get(body, field);
            if (current.isTextual() || current.isNumber()) {
                int max = schema == null ? 0 : schema.path("maxLength").asInt(0);
                int length = max > 0 ? max + 1 + c.pick() % 100 : 100_000;
                set(body, field, json.getNodeFactory().textNode("ệ".repeat(length)));
                aimAt(field, "string of " + length + " characters at " + field);
            } else {
                // an array or object field: replace by an array far beyond any maxItems, of copies of the array's
                // own first item (the bound is the point, not the items; a thousand bad items would also make the
                // contract proxy's list of the request's violations too long to carry the answer's)
                JsonNode item = current.isArray() && !current.isEmpty() ? current.get(0)
                        : json.getNodeFactory().textNode("vỉa hè");
                ArrayNode many = json.createArrayNode();
                for (int i = 0; i < 1000 + c.pick(); i++) {
                    many.add(item.deepCopy());
                }
                set(body, field, many);
                aimAt(field, "array of " + many.size() + " items at " + field);
            }
        }

        void unknownField() {
            if (body == null) {
                query.put("unknownParameter" + c.pick(), encode(c.payload()));
                description = "undeclared query parameter = " + Printable.of(c.payload(), 80);
                return;
            }
            String name = List.of("__proto__", "isAdmin", "unitIdOverride", "version", "actor").get(c.pick() % 5);
            body.put(name, c.payload());
            aimAt(name, "unknown field " + name);
        }

        void deep() {
            int depth = 10_000;
            String nested = "[".repeat(depth) + "]".repeat(depth);
            if (body == null || leaves(body).isEmpty()) {
                raw = nested.getBytes(StandardCharsets.UTF_8);
                rawContentType = "application/json";
                description = "a body nested " + depth + " deep";
                return;
            }
            String field = pick(leaves(body));
            set(body, field, json.getNodeFactory().textNode(RAW));
            raw = serialise(body, nested.getBytes(StandardCharsets.UTF_8));
            description = "field " + field + " nested " + depth + " deep";
        }

        void huge() {
            String field = body == null || leaves(body).isEmpty() ? "padding" : pick(leaves(body));
            ObjectNode big = body == null ? json.createObjectNode() : body;
            set(big, field, json.getNodeFactory().textNode("a".repeat(BODY_LIMIT + 1024)));
            raw = serialise(big, null);
            rawContentType = valid.operation().bodyMediaType() != null ? valid.operation().bodyMediaType()
                    : "application/json";
            description = raw.length + " bytes body (field " + field + ")";
        }

        void invalidUtf8() {
            byte[] bad = INVALID_UTF8[c.pick() % INVALID_UTF8.length];
            List<String> fields = leaves(body);
            if (fields.isEmpty()) {
                inQuery(null);
                String name = target;
                query.put(name, "%" + String.format("%02X", bad[0] & 0xff) + "%" + String.format("%02X", bad[1] & 0xff));
                description = "invalid UTF-8 percent-encoded in query parameter " + name;
                target = null;
                return;
            }
            String field = pick(fields);
            set(body, field, json.getNodeFactory().textNode(RAW));
            ByteArrayOutputStream value = new ByteArrayOutputStream();
            value.writeBytes("\"Nguy".getBytes(StandardCharsets.UTF_8));
            value.writeBytes(bad);
            value.writeBytes("n\"".getBytes(StandardCharsets.UTF_8));
            raw = serialise(body, value.toByteArray());
            description = "invalid UTF-8 " + hex(bad) + " in " + field;
        }

        void text(String value) {
            List<String> strings = leaves(body).stream().filter(f -> get(body, f).isTextual()).toList();
            if (strings.isEmpty()) {
                inQuery(value);
                return;
            }
            String field = pick(strings);
            set(body, field, json.getNodeFactory().textNode(value));
            aimAt(field, "text " + Printable.of(value, 80) + " in " + field);
        }

        void notJson() {
            List<byte[]> bodies = List.of("{\"kind\": ".getBytes(StandardCharsets.UTF_8),
                    "<submission><kind>TIP</kind></submission>".getBytes(StandardCharsets.UTF_8),
                    "kind=TIP&unitId=HP".getBytes(StandardCharsets.UTF_8), new byte[] {0, 1, 2, 3, (byte) 0xff},
                    "[]".getBytes(StandardCharsets.UTF_8), "null".getBytes(StandardCharsets.UTF_8),
                    "\"just a string\"".getBytes(StandardCharsets.UTF_8), "{}{}".getBytes(StandardCharsets.UTF_8));
            raw = bodies.get(c.pick() % bodies.size());
            List<String> types = List.of("application/json", "text/plain", "application/xml",
                    "application/x-www-form-urlencoded", "multipart/form-data; boundary=x");
            rawContentType = c.pick() % 3 == 0 ? types.get(c.pick() % types.size())
                    : valid.operation().bodyMediaType() != null ? valid.operation().bodyMediaType() : "application/json";
            description = "body " + Printable.of(new String(raw, StandardCharsets.UTF_8), 60) + " as " + rawContentType;
        }

        // ---- path and query

        void inPath(String value) {
            if (path.isEmpty()) {
                inQuery(value);
                return;
            }
            String name = pick(new ArrayList<>(path.keySet()));
            path.put(name, encode(value));
            description = "path parameter " + name + " = " + Printable.of(value, 80);
        }

        /** Puts the value into a declared query parameter (or an undeclared one); null only picks the name. */
        void inQuery(String value) {
            List<ApiOperation.Parameter> declared = valid.operation().in("query");
            String name = declared.isEmpty() ? "q" : declared.get(c.pick() % declared.size()).name();
            target = name;
            if (value != null) {
                query.put(name, encode(value));
                description = description + ": query parameter " + name + " = " + Printable.of(value, 80);
            }
        }

        // ---- callers

        void badToken() {
            TokenSpec spec = caller != null ? caller : Callers.ofRole("officer");
            token = switch (c.attack()) {
                case NO_TOKEN -> null;
                case FORGED_TOKEN -> Tokens.shared().forged(spec);
                case EXPIRED_TOKEN -> Tokens.shared().expired(spec);
                case WRONG_ISSUER_TOKEN -> otherIssuer.mint(spec);
                case UNSIGNED_TOKEN -> unsigned(Tokens.shared().mint(spec));
                case GARBAGE_TOKEN -> List.of("abc.def.ghi", "null", "Bearer", "eyJhbGciOiJub25lIn0.e30.",
                        "' OR 1=1 --").get(c.pick() % 5);
                default -> throw new IllegalStateException();
            };
            caller = null;
            if (valid.operation().roles() != null) {
                refusal = Refusal.UNAUTHENTICATED;
            }
        }

        void otherRole() {
            TokenSpec outsider = Callers.withoutTheRole(valid.operation());
            if (outsider != null) {
                caller = outsider;
                refusal = Refusal.NOT_SUCCESSFUL;
                description = "role " + outsider.groups() + " not admitted";
            } else {
                description = "every role admitted: the valid caller";
            }
        }

        void foreignIds() {
            if (!valid.foreignPathValues().isEmpty()) {
                path.putAll(valid.foreignPathValues());
                refusal = Refusal.NOT_SUCCESSFUL;
                description = "ids of another unit or partner: " + valid.foreignPathValues();
            } else if (valid.query().containsKey("unit") && caller != null && caller.unitId() != null) {
                query.put("unit", encode(SeedData.OTHER_CITY));
                refusal = Refusal.NOT_SUCCESSFUL;
                description = "a unit outside the caller's: " + SeedData.OTHER_CITY;
            } else {
                description = "no id of another unit applies: the valid request";
            }
        }

        void replayed() {
            if (valid.replayedKey() == null || body == null) {
                text(c.payload());
                description = "no replayable key; " + description;
                return;
            }
            if (valid.replayableKeyField().equals("Idempotency-Key")) {
                headers.put("Idempotency-Key", valid.replayedKey());
            } else {
                body.put(valid.replayableKeyField(), valid.replayedKey());
            }
            List<String> strings = leaves(body).stream().filter(f -> get(body, f).isTextual()
                    && !f.equals(valid.replayableKeyField()) && schemaAt(valid.operation().bodySchema(), f) != null
                    && !schemaAt(valid.operation().bodySchema(), f).has("enum")
                    && !schemaAt(valid.operation().bodySchema(), f).has("format")
                    && !f.toLowerCase().contains("unit") && !f.equals("topic")).toList();
            if (!strings.isEmpty()) {
                set(body, pick(strings), json.getNodeFactory().textNode("Nội dung khác " + c.pick()));
            }
            refusal = Refusal.NOT_SUCCESSFUL;
            description = valid.replayableKeyField() + " " + valid.replayedKey() + " replayed with another body";
        }

        // ---- helpers

        void aimAt(String field, String what) {
            target = field;
            description = what;
        }

        <T> T pick(List<T> options) {
            return options.get(c.pick() % options.size());
        }

        String pathAndQuery() {
            String result = valid.operation().path();
            for (Map.Entry<String, String> p : path.entrySet()) {
                result = result.replace("{" + p.getKey() + "}", p.getValue());
            }
            if (!query.isEmpty()) {
                StringBuilder q = new StringBuilder();
                query.forEach((k, v) -> q.append(q.isEmpty() ? "?" : "&").append(k).append('=')
                        .append(v));
                result += q;
            }
            return result;
        }

        byte[] serialise(ObjectNode object, byte[] rawValue) {
            String media = valid.operation().bodyMediaType() == null ? "application/json"
                    : valid.operation().bodyMediaType();
            byte[] text;
            byte[] placeholder;
            if (media.equals("application/x-www-form-urlencoded")) {
                StringBuilder form = new StringBuilder();
                object.fields().forEachRemaining(e -> form.append(form.isEmpty() ? "" : "&").append(encode(e.getKey()))
                        .append('=').append(encode(e.getValue().isTextual() ? e.getValue().asText()
                                : e.getValue().toString())));
                text = form.toString().getBytes(StandardCharsets.UTF_8);
                placeholder = encode(RAW).getBytes(StandardCharsets.UTF_8); // the raw value goes in unencoded
            } else {
                try {
                    text = (json.writeValueAsString(object) + (media.equals("application/x-ndjson") ? "\n" : ""))
                            .getBytes(StandardCharsets.UTF_8);
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
                placeholder = ("\"" + RAW + "\"").getBytes(StandardCharsets.UTF_8);
            }
            return rawValue == null ? text : splice(text, placeholder, rawValue);
        }
    }

    // ---- JSON paths "a.b[0].c"

    static List<String> leaves(ObjectNode body) {
        List<String> out = new ArrayList<>();
        if (body != null) {
            collect(body, "", out);
        }
        return out;
    }

    private static void collect(JsonNode node, String prefix, List<String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
                out.add(path);
                collect(e.getValue(), path, out);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                if (node.get(i).isContainerNode()) {
                    collect(node.get(i), prefix + "[" + i + "]", out);
                }
            }
        }
    }

    private static List<String> required(JsonNode schema, String prefix, JsonNode value) {
        List<String> out = new ArrayList<>();
        if (schema == null || value == null || !value.isObject()) {
            return out;
        }
        for (JsonNode name : schema.path("required")) {
            String path = prefix.isEmpty() ? name.asText() : prefix + "." + name.asText();
            if (value.has(name.asText())) {
                out.add(path);
                out.addAll(required(schema.path("properties").path(name.asText()), path, value.get(name.asText())));
            }
        }
        return out;
    }

    static JsonNode get(JsonNode root, String path) {
        JsonNode node = root;
        for (String step : steps(path)) {
            node = step.startsWith("[") ? node.get(Integer.parseInt(step.substring(1, step.length() - 1)))
                    : node.get(step);
        }
        return node;
    }

    private static JsonNode schemaAt(JsonNode schema, String path) {
        JsonNode node = schema;
        for (String step : steps(path)) {
            if (node == null) {
                return null;
            }
            node = step.startsWith("[") ? node.get("items") : node.path("properties").get(step);
        }
        return node;
    }

    static void set(JsonNode root, String path, JsonNode value) {
        List<String> steps = steps(path);
        JsonNode parent = root;
        for (String step : steps.subList(0, steps.size() - 1)) {
            parent = step.startsWith("[") ? parent.get(Integer.parseInt(step.substring(1, step.length() - 1)))
                    : parent.get(step);
        }
        String last = steps.get(steps.size() - 1);
        if (last.startsWith("[")) {
            ((ArrayNode) parent).set(Integer.parseInt(last.substring(1, last.length() - 1)), value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
    }

    static void remove(JsonNode root, String path) {
        List<String> steps = steps(path);
        JsonNode parent = root;
        for (String step : steps.subList(0, steps.size() - 1)) {
            parent = step.startsWith("[") ? parent.get(Integer.parseInt(step.substring(1, step.length() - 1)))
                    : parent.get(step);
        }
        ((ObjectNode) parent).remove(steps.get(steps.size() - 1));
    }

    private static List<String> steps(String path) {
        List<String> steps = new ArrayList<>();
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            if (bracket < 0) {
                steps.add(part);
            } else {
                steps.add(part.substring(0, bracket));
                for (String index : part.substring(bracket).split("(?=\\[)")) {
                    steps.add(index);
                }
            }
        }
        return steps;
    }

    static String leafName(String path) {
        List<String> steps = steps(path);
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (!steps.get(i).startsWith("[")) {
                return steps.get(i);
            }
        }
        return path;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String unsigned(String jwt) {
        String[] parts = jwt.split("\\.");
        String header = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + parts[1] + ".";
    }

    private static byte[] splice(byte[] text, byte[] placeholder, byte[] value) {
        int at = indexOf(text, placeholder);
        if (at < 0) {
            throw new IllegalStateException("placeholder not found");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length + value.length);
        out.write(text, 0, at);
        out.writeBytes(value);
        out.write(text, at + placeholder.length, text.length - at - placeholder.length);
        return out.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(String.format("%02X ", b & 0xff));
        }
        return out.toString().trim();
    }
}
