package vn.langnghe.testsupport.prism;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * One disagreement Prism found between an exchange and the OpenAPI document, as listed in its
 * {@code sl-violations} header: {@code location} starts with {@code request} or {@code response}
 * (then e.g. {@code body}, {@code query}, a property path), {@code severity} is Error, Warning, Information or
 * Hint. An undeclared 4xx/5xx status is a Warning in Prism's eyes, an undeclared 2xx an Error.
 */
public record Violation(List<String> location, String severity, String code, String message) {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Prism cuts an over-long header and puts this in front. */
    private static final String TRUNCATED = "Too many violations! ";

    public boolean aboutRequest() {
        return !location.isEmpty() && location.getFirst().equals("request");
    }

    public boolean aboutResponse() {
        return !location.isEmpty() && location.getFirst().equals("response");
    }

    /** Error or Warning: the exchange does not match the document. Information and Hint are advice. */
    public boolean isDisagreement() {
        return "Error".equals(severity) || "Warning".equals(severity);
    }

    @Override
    public String toString() {
        return severity + " at " + String.join(".", location) + (code == null ? "" : " [" + code + "]") + ": "
                + message;
    }

    /** The violations in a header value; an unparseable (cut) value becomes one Error that quotes it. */
    public static List<Violation> parseHeader(String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        if (header.startsWith(TRUNCATED)) {
            return List.of(new Violation(List.of("response"), "Error", "truncated", header));
        }
        try {
            List<Violation> violations = new ArrayList<>();
            for (JsonNode node : JSON.readTree(header)) {
                List<String> location = new ArrayList<>();
                node.path("location").forEach(part -> location.add(part.asText()));
                JsonNode code = node.get("code");
                violations.add(new Violation(List.copyOf(location), node.path("severity").asText(),
                        code == null || code.isNull() ? null : code.asText(), node.path("message").asText()));
            }
            return violations;
        } catch (JsonProcessingException e) {
            return List.of(new Violation(List.of("response"), "Error", "unparseable", header));
        }
    }
}
