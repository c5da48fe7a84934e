package vn.langnghe.servicekit.openapi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import vn.langnghe.servicekit.http.IfMatch;
import vn.langnghe.servicekit.problem.Problem;

/**
 * Completes the OpenAPI document each service publishes with what the shared edge does for every operation, so
 * that the document and the answers agree (the contract tests check both through Prism):
 * <ul>
 *   <li>the RFC 9457 {@code Problem} schema, and the problem answers of {@code /api} operations: 400 (bad input),
 *       500, 503 (database unavailable) everywhere; 401/403 where a token is required; 404 where a path names a
 *       resource; 422 (refused input) on POST; 409 (not in this state) on POST or DELETE to a named resource; 412/428 where
 *       the operation reads {@code If-Match}; 415 where it takes a body ({@link vn.langnghe.servicekit.problem.ProblemMappers}).
 *       Answers only some operations give (410 Gone, 429 Too Many Requests) are annotated on them;</li>
 *   <li>JSON {@code null} for every property not listed as required, and for map values: the generator knows only
 *       Java types, and in Java an unannotated field may be null (a report hides a figure as null, an unclassified
 *       submission has a null topic). Required properties stay non-null.</li>
 * </ul>
 * Registered by {@code mp.openapi.filter} in each service's configuration.
 */
public class PublishedContract implements OASFilter {

    static final String PROBLEM_SCHEMA = "Problem";
    private static final String API_PREFIX = "/api/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(PROBLEM_SCHEMA, problemSchema());
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().forEach((path, item) -> {
                if (path.startsWith(API_PREFIX)) {
                    item.getOperations().forEach((method, operation) -> addProblemAnswers(path, method, operation));
                }
            });
        }
        Set<Schema> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        if (openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().getSchemas().values().forEach(schema -> allowNulls(schema, seen));
        }
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values()
                    .forEach(operation -> inlineSchemas(operation).forEach(schema -> allowNulls(schema, seen))));
        }
    }

    static void addProblemAnswers(String path, PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean namesResource = path.contains("{");
        boolean post = method == PathItem.HttpMethod.POST;
        boolean readsIfMatch = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && IfMatch.HEADER.equalsIgnoreCase(p.getName()));

        problem(responses, "400", "Dữ liệu không hợp lệ / Invalid input (the errors name each field)");
        if (responses.hasAPIResponse("401")) { // a public operation (published minutes) has none
            problem(responses, "401", "Thiếu hoặc sai token / A valid bearer token is required");
            problem(responses, "403", "Không có quyền / Not allowed for this role or unit");
        }
        if (namesResource) {
            problem(responses, "404", "Không tìm thấy / No such resource (or not yours to see)");
        }
        if ((post || method == PathItem.HttpMethod.DELETE) && namesResource) {
            problem(responses, "409", "Không thực hiện được ở trạng thái này / Not possible in the current state");
        }
        if (readsIfMatch) {
            problem(responses, "412", "Phiên bản đã thay đổi / If-Match is not the current version: read again");
            problem(responses, "428", "Thiếu If-Match / If-Match with the version you read is required");
        }
        if (operation.getRequestBody() != null) {
            problem(responses, "415", "Sai kiểu dữ liệu / Unsupported Content-Type for the body");
        }
        if (post) {
            problem(responses, "422", "Bị từ chối / Refused input, or an Idempotency-Key reused with another body");
        }
        problem(responses, "500", "Lỗi hệ thống / Internal error");
        problem(responses, "503", "Tạm thời không phục vụ / The service's database is unavailable: retry later");
    }

    /** Sets {@code code} to a problem answer, keeping a description the operation gave it. */
    private static void problem(APIResponses responses, String code, String description) {
        APIResponse existing = responses.getAPIResponse(code);
        APIResponse response = existing != null ? existing : OASFactory.createAPIResponse();
        if (response.getDescription() == null || response.getDescription().isBlank() || existing == null
                || isGeneratedDescription(response.getDescription())) {
            response.setDescription(description);
        }
        Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA)));
        response.setContent(content);
        responses.addAPIResponse(code, response);
    }

    /** The generator's stock texts ("Not Authorized", "Bad Request"...), replaced by ours. */
    private static boolean isGeneratedDescription(String description) {
        return List.of("Bad Request", "Not Authorized", "Not Allowed", "Not Found", "OK").contains(description);
    }

    static Schema problemSchema() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", text).addProperty("message", text)
                .required(List.of("field", "message"));
        return OASFactory.createSchema()
                .description("RFC 9457 problem details; errors names each offending field")
                .addType(Schema.SchemaType.OBJECT)
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri"))
                .addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", text)
                .addProperty("instance", text)
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError))
                .required(List.of("type", "title", "status"));
    }

    private static List<Schema> inlineSchemas(Operation operation) {
        List<Schema> schemas = new ArrayList<>();
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            operation.getRequestBody().getContent().getMediaTypes().values()
                    .forEach(media -> schemas.add(media.getSchema()));
        }
        if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
            operation.getResponses().getAPIResponses().values().forEach(response -> {
                if (response.getContent() != null) {
                    response.getContent().getMediaTypes().values().forEach(media -> schemas.add(media.getSchema()));
                }
            });
        }
        return schemas;
    }

    /** Lets every property not listed as required, and every map value, be JSON null; walks nested schemas. */
    static void allowNulls(Schema schema, Set<Schema> seen) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        Map<String, Schema> properties = schema.getProperties();
        if (properties != null && !properties.isEmpty()) {
            List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
            Map<String, Schema> relaxed = new LinkedHashMap<>();
            properties.forEach((name, property) -> {
                allowNulls(property, seen);
                relaxed.put(name, required.contains(name) ? property : orNull(property, seen));
            });
            schema.setProperties(relaxed);
        }
        Schema values = schema.getAdditionalPropertiesSchema();
        if (values != null) {
            allowNulls(values, seen);
            schema.setAdditionalPropertiesSchema(orNull(values, seen));
        }
        allowNulls(schema.getItems(), seen);
        for (List<Schema> group : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (group != null) {
                group.forEach(member -> allowNulls(member, seen));
            }
        }
    }

    private static Schema orNull(Schema schema, Set<Schema> seen) {
        if (schema.getRef() != null) {
            Schema either = OASFactory.createSchema()
                    .anyOf(List.of(schema, OASFactory.createSchema().addType(Schema.SchemaType.NULL)));
            seen.add(either);
            return either;
        }
        List<Schema.SchemaType> types = schema.getType();
        if (types != null && !types.isEmpty() && !types.contains(Schema.SchemaType.NULL)) {
            schema.addType(Schema.SchemaType.NULL);
            if (schema.getEnumeration() != null && !schema.getEnumeration().contains(null)) {
                schema.addEnumeration(null);
            }
        }
        return schema;
    }
}
