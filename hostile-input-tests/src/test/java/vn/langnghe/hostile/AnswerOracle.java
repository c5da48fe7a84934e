package vn.langnghe.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.langnghe.testsupport.prism.Violation;

/**
 * What every answer to a hostile request must be: never a 5xx; every 4xx an RFC 9457 problem (under
 * {@code /open311/}, GeoReport v2's error list, as that facade documents) that names the field a validation
 * failure is about; nothing written by a refused request; a 401 without a valid token; no success where the
 * case must be refused; nothing served as HTML.
 */
final class AnswerOracle {

    private final ObjectMapper json;
    private final boolean enforceContract;
    /**
     * Response disagreements with the documents, by operation, when they are reported rather than enforced: each
     * with the first case that caused it.
     */
    private final Map<String, Map<String, String>> contractFindings = new java.util.concurrent.ConcurrentSkipListMap<>();

    /**
     * @param enforceContract a response that disagrees with the OpenAPI document fails the case; otherwise it is
     *     collected for {@link #contractReport()}
     */
    AnswerOracle(ObjectMapper json, boolean enforceContract) {
        this.json = json;
        this.enforceContract = enforceContract;
    }

    /** Empty when enforced, or when every answer agreed. */
    String contractReport() {
        if (contractFindings.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(contractFindings.size() + " operation(s) answered outside their"
                + " OpenAPI document (Prism; reported, not enforced: -Dlangnghe.hostile.contract=report):");
        contractFindings.forEach((operation, findings) -> {
            out.append("\n  ").append(operation);
            findings.entrySet().stream().limit(5).forEach(f -> out.append("\n    ").append(f.getKey())
                    .append("\n      e.g. ").append(Printable.of(f.getValue(), 160)));
        });
        return out.toString();
    }

    /** The broken rules, empty when the answer is fine. */
    List<String> violations(HostileRequest request, HttpProbe.Answer answer, Map<String, String> written) {
        List<String> broken = new ArrayList<>();
        int status = answer.status();
        if (status >= 500) {
            broken.add("answered " + status);
        }
        if (status >= 400 && status < 500) {
            // A body over the limit is refused before any resource, Open311's included, as a problem.
            if (request.pathAndQuery().startsWith("/open311/") && status != 413) {
                geoReportError(answer, broken);
            } else {
                problem(request, answer, broken);
            }
            if (!written.isEmpty()) {
                broken.add("refused with " + status + " but wrote " + written);
            }
        }
        if (request.refusal() == HostileRequest.Refusal.UNAUTHENTICATED && status != 401) {
            broken.add("no valid token, yet answered " + status + " instead of 401");
        }
        if (request.refusal() == HostileRequest.Refusal.NOT_SUCCESSFUL && status < 300) {
            broken.add("must be refused, yet answered " + status);
        }
        // Prism's findings: the request is hostile on purpose, the answer must still be as documented.
        for (Violation v : Violation.parseHeader(answer.header("sl-violations"))) {
            if (v.isDisagreement() && v.aboutResponse()) {
                if (enforceContract) {
                    broken.add("the answer disagrees with the OpenAPI document: " + v);
                } else {
                    contractFindings.computeIfAbsent(request.operation().toString(),
                            k -> new java.util.concurrent.ConcurrentSkipListMap<>()).putIfAbsent(
                            "answered " + status + ": " + v.toString().replaceAll("\\d+\\.", "N."),
                            request.description());
                }
            }
        }
        if (status < 300 && answer.contentType().startsWith("text/html")) {
            broken.add("served text/html");
        }
        return broken;
    }

    private void problem(HostileRequest request, HttpProbe.Answer answer, List<String> broken) {
        if (!answer.contentType().startsWith("application/problem+json")) {
            broken.add("4xx as " + (answer.contentType().isEmpty() ? "no content type" : answer.contentType())
                    + " instead of application/problem+json: " + Printable.of(answer.body(), 200));
            return;
        }
        JsonNode problem;
        try {
            problem = json.readTree(answer.body());
        } catch (Exception e) {
            broken.add("problem+json that is not JSON: " + Printable.of(answer.body(), 200));
            return;
        }
        if (!problem.path("title").isTextual()) {
            broken.add("problem without a title: " + Printable.of(answer.body(), 200));
        }
        if (problem.path("status").asInt() != answer.status()) {
            broken.add("problem status " + problem.path("status") + " differs from the HTTP status " + answer.status());
        }
        if (problem.has("type") && !problem.path("type").isTextual()) {
            broken.add("problem type is not a URI string");
        }
        if (answer.status() == 400 && request.targetField() != null && namesFields(request.hostileCase().attack())) {
            String field = HostileRequests.leafName(request.targetField());
            if (!answer.body().contains(field)) {
                broken.add("400 does not name the field " + field + ": " + Printable.of(answer.body(), 300));
            }
        }
    }

    /** Attacks aimed at one field, whose 400 must say which. */
    private static boolean namesFields(Attack attack) {
        return switch (attack) {
            case WRONG_TYPE, MISSING_REQUIRED, OVERSIZED, UNKNOWN_FIELD, CONTROL_CHARACTERS -> true;
            default -> false;
        };
    }

    private void geoReportError(HttpProbe.Answer answer, List<String> broken) {
        if (answer.contentType().startsWith("application/json")) {
            try {
                JsonNode errors = json.readTree(answer.body());
                if (!errors.isArray() || errors.isEmpty() || !errors.get(0).has("code")
                        || !errors.get(0).has("description")) {
                    broken.add("Open311 error not a list of {code, description}: " + Printable.of(answer.body(), 200));
                }
            } catch (Exception e) {
                broken.add("Open311 error that is not JSON: " + Printable.of(answer.body(), 200));
            }
        } else if (answer.contentType().startsWith("text/xml") || answer.contentType().startsWith("application/xml")) {
            if (!answer.body().contains("<errors>")) {
                broken.add("Open311 XML error without <errors>: " + Printable.of(answer.body(), 200));
            }
        } else {
            broken.add("Open311 4xx as " + answer.contentType() + ": " + Printable.of(answer.body(), 200));
        }
    }
}
