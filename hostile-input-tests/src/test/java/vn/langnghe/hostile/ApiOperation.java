package vn.langnghe.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One operation of a service's published OpenAPI document: what the hostile cases are generated from, so an
 * endpoint added to a service is covered without touching these tests.
 *
 * @param bodySchema the request body's schema with every {@code $ref} resolved, or null without a body
 * @param roles the roles its security requirement names; empty for "any authenticated caller"; null when the
 *     operation declares no security at all (public)
 */
record ApiOperation(String service, String method, String path, List<Parameter> parameters, String bodyMediaType,
        JsonNode bodySchema, List<String> roles) {

    record Parameter(String name, String in, boolean required, JsonNode schema) {}

    String key() {
        return method + " " + path;
    }

    List<Parameter> in(String location) {
        return parameters.stream().filter(p -> p.in().equals(location)).toList();
    }

    boolean hasHeader(String name) {
        return parameters.stream().anyMatch(p -> p.in().equals("header") && p.name().equalsIgnoreCase(name));
    }

    @Override
    public String toString() {
        return service + " " + key();
    }

    /** GET {@code /q/openapi?format=json} of a running service, every operation under /api and /open311. */
    static List<ApiOperation> published(String service, String baseUrl, ObjectMapper json) {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(baseUrl + "/q/openapi?format=json"))
                            .timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(service + " answered " + answer.statusCode() + " for its OpenAPI document");
            }
            return parse(service, json.readTree(answer.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<ApiOperation> parse(String service, JsonNode document) {
        JsonNode components = document.path("components").path("schemas");
        List<ApiOperation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/") && !path.getKey().startsWith("/open311/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (op.getKey().equals("parameters")) {
                    continue;
                }
                JsonNode node = op.getValue();
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode p : node.path("parameters")) {
                    parameters.add(new Parameter(p.path("name").asText(), p.path("in").asText(),
                            p.path("required").asBoolean(false), resolve(p.path("schema"), components, 0)));
                }
                String mediaType = null;
                JsonNode bodySchema = null;
                Iterator<Map.Entry<String, JsonNode>> content = node.path("requestBody").path("content").fields();
                if (content.hasNext()) {
                    Map.Entry<String, JsonNode> first = content.next();
                    mediaType = first.getKey();
                    bodySchema = resolve(first.getValue().path("schema"), components, 0);
                }
                operations.add(new ApiOperation(service, op.getKey().toUpperCase(), path.getKey(),
                        List.copyOf(parameters), mediaType, bodySchema, node.has("security") ? rolesOf(node) : null));
            }
        }
        return List.copyOf(operations);
    }

    private static List<String> rolesOf(JsonNode operation) {
        List<String> roles = new ArrayList<>();
        for (JsonNode requirement : operation.path("security")) {
            for (Iterator<JsonNode> scopes = requirement.elements(); scopes.hasNext(); ) {
                scopes.next().forEach(role -> roles.add(role.asText()));
            }
        }
        return List.copyOf(roles);
    }

    /** Inlines {@code $ref}s (the documents have no recursive schemas; the depth bound guards against one). */
    private static JsonNode resolve(JsonNode schema, JsonNode components, int depth) {
        if (depth > 20 || schema == null || schema.isMissingNode()) {
            return schema;
        }
        if (schema.has("$ref")) {
            String name = schema.path("$ref").asText().replace("#/components/schemas/", "");
            return resolve(components.path(name), components, depth + 1);
        }
        if (!schema.isObject()) {
            return schema;
        }
        // A nullable reference is published as anyOf [the reference, {type: null}]: generate the referenced one.
        for (String either : new String[] {"anyOf", "oneOf"}) {
            for (JsonNode member : schema.path(either)) {
                if (!member.path("type").asText("").equals("null")) {
                    return resolve(member, components, depth + 1);
                }
            }
        }
        var copy = schema.deepCopy();
        var object = (com.fasterxml.jackson.databind.node.ObjectNode) copy;
        if (schema.has("properties")) {
            var properties = object.putObject("properties");
            schema.path("properties").fields().forEachRemaining(e ->
                    properties.set(e.getKey(), resolve(e.getValue(), components, depth + 1)));
        }
        if (schema.has("items")) {
            object.set("items", resolve(schema.path("items"), components, depth + 1));
        }
        return copy;
    }
}
