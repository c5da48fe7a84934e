package vn.langnghe.console.services;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.langnghe.console.ConsoleConfig;

/**
 * Calls the three services with the signed-in person's bearer token. The services authorise every call: the
 * console never widens what a person may see or do. Errors come back as {@link ServiceError}.
 */
@ApplicationScoped
public class Services {

    public enum Target { INTAKE, FORUM, REPORTING }

    /** A successful answer: status, body and the version from the ETag (null when none). */
    public record Reply<T>(int status, T body, String etag) {
        @SuppressWarnings("unchecked")
        <U> Reply<U> cast() {
            return (Reply<U>) this;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json;
    private final ConsoleConfig config;

    Services(ObjectMapper mapper, ConsoleConfig config) {
        this.json = mapper.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        this.config = config;
    }

    public <T> T get(Target target, String path, String token, Class<T> type) {
        return getReply(target, path, token, json.constructType(type)).<T>cast().body();
    }

    public <T> T get(Target target, String path, String token, TypeReference<T> type) {
        return getReply(target, path, token, json.constructType(type)).<T>cast().body();
    }

    public <T> Reply<T> getWithVersion(Target target, String path, String token, Class<T> type) {
        return getReply(target, path, token, json.constructType(type)).cast();
    }

    /** GET as text in another representation, e.g. {@code text/csv}. */
    public String getText(Target target, String path, String token, String accept) {
        HttpRequest request = request(target, path, token).setHeader("Accept", accept).GET().build();
        return send(target, request, json.constructType(String.class)).<String>cast().body();
    }

    /** GET that answers empty on 404 (an endpoint or a record that is not there). */
    public Optional<JsonNode> find(Target target, String path, String token) {
        try {
            return Optional.of(get(target, path, token, JsonNode.class));
        } catch (ServiceError e) {
            if (e.status() == 404 || e.status() == 405) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** POST a JSON body; {@code ifMatch} is the version the person saw (null: none sent). */
    public <T> Reply<T> post(Target target, String path, String token, Object body, String ifMatch, Class<T> type) {
        HttpRequest.Builder request = request(target, path, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body)));
        if (ifMatch != null && !ifMatch.isBlank()) {
            request.header("If-Match", "\"" + ifMatch.replace("\"", "") + "\"");
        }
        return send(target, request.build(), json.constructType(type)).cast();
    }

    /** An SSE stream (or any long response) as an InputStream; the caller closes it. */
    public HttpResponse<InputStream> stream(Target target, String path, String token, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(target, path)).header("Accept", "text/event-stream")
                .GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() >= 400) {
                try (InputStream body = response.body()) {
                    throw error(response.statusCode(), body.readAllBytes());
                }
            }
            return response;
        } catch (IOException e) {
            throw ServiceError.unreachable(target.name().toLowerCase() + "-service", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ServiceError.unreachable(target.name().toLowerCase() + "-service", e);
        }
    }

    public ObjectMapper json() {
        return json;
    }

    private byte[] bytes(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write the request body", e);
        }
    }

    private Reply<Object> getReply(Target target, String path, String token, JavaType type) {
        return send(target, request(target, path, token).GET().build(), type);
    }

    private HttpRequest.Builder request(Target target, String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(target, path)).timeout(config.callTimeout())
                .setHeader("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private URI uri(Target target, String path) {
        String base = switch (target) {
            case INTAKE -> config.intakeUrl();
            case FORUM -> config.forumUrl();
            case REPORTING -> config.reportingUrl();
        };
        return URI.create(base.replaceAll("/+$", "") + path);
    }

    private Reply<Object> send(Target target, HttpRequest request, JavaType type) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw ServiceError.unreachable(target.name().toLowerCase() + "-service", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ServiceError.unreachable(target.name().toLowerCase() + "-service", e);
        }
        if (response.statusCode() >= 400) {
            throw error(response.statusCode(), response.body());
        }
        String etag = response.headers().firstValue("ETag").map(t -> t.replace("W/", "").replace("\"", ""))
                .orElse(null);
        Object body = null;
        if (response.body().length > 0 && type.getRawClass() != Void.class) {
            try {
                body = type.getRawClass() == String.class ? new String(response.body(), StandardCharsets.UTF_8)
                        : json.readValue(response.body(), type);
            } catch (IOException e) {
                throw new ServiceError(502, "unexpected answer from " + target.name().toLowerCase() + "-service",
                        e.getMessage(), List.of());
            }
        }
        return new Reply<>(response.statusCode(), body, etag);
    }

    private ServiceError error(int status, byte[] body) {
        String title = "HTTP " + status;
        String detail = null;
        List<ServiceError.FieldError> errors = new ArrayList<>();
        try {
            JsonNode problem = json.readTree(body);
            if (problem != null && problem.isObject()) {
                title = problem.path("title").asText(title);
                detail = problem.hasNonNull("detail") ? problem.get("detail").asText() : null;
                for (JsonNode e : problem.path("errors")) {
                    errors.add(new ServiceError.FieldError(e.path("field").asText(""),
                            e.path("message").asText(e.path("detail").asText(""))));
                }
            }
        } catch (IOException | RuntimeException e) {
            String text = new String(body, StandardCharsets.UTF_8).strip();
            detail = text.isEmpty() ? null : text.substring(0, Math.min(300, text.length()));
        }
        return new ServiceError(status, title, detail, errors);
    }
}
