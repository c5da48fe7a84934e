package vn.langnghe.intake.open311;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import vn.langnghe.servicekit.problem.Problem;

/**
 * Describes the Open311 GeoReport v2 facade in intake-service's published document as it answers, since its
 * methods return plain responses the generator cannot see into: every answer in JSON or XML after the path's
 * extension; failures as GeoReport error lists ({@link Open311Errors}) for the statuses the shared exception
 * mappers give; a body over the limit as the 413 problem every service gives before any resource; and the form a
 * request is filed with, as fields rather than one string.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BOTH)
public class Open311Contract implements OASFilter {

    static final String PREFIX = "/open311/";
    static final String ERRORS_SCHEMA = "GeoReportErrors";
    private static final String JSON = "application/json";
    private static final String XML = "text/xml";
    private static final String FORM = "application/x-www-form-urlencoded";
    /** The form fields GeoReport v2 names for POST Service Request; {@code attribute[...]} come on top. */
    private static final List<String> FORM_FIELDS = List.of("service_code", "jurisdiction_id", "lat", "long",
            "address_string", "address_id", "email", "device_id", "account_id", "first_name", "last_name", "phone",
            "description", "media_url", "api_key");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(ERRORS_SCHEMA, errorsSchema());
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith(PREFIX)) {
                item.getOperations().forEach(Open311Contract::describe);
            }
        });
    }

    static void describe(PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        APIResponse ok = responses.getAPIResponse("200");
        if (ok != null) {
            ok.setContent(OASFactory.createContent().addMediaType(JSON, OASFactory.createMediaType()
                    .schema(OASFactory.createSchema())).addMediaType(XML, OASFactory.createMediaType()));
        }
        List<String> failures = method == PathItem.HttpMethod.POST
                ? List.of("400", "401", "403", "404", "409", "415", "422", "500", "503")
                : List.of("400", "401", "403", "404", "500", "503");
        for (String status : failures) {
            APIResponse response = responses.getAPIResponse(status);
            if (response == null) {
                response = OASFactory.createAPIResponse();
                responses.addAPIResponse(status, response);
            }
            response.setDescription("GeoReport v2 error list / Danh sách lỗi theo GeoReport v2");
            response.setContent(errors());
        }
        if (operation.getRequestBody() != null) {
            responses.addAPIResponse("413", OASFactory.createAPIResponse()
                    .description("Nội dung quá lớn / Body over the size limit (refused before any resource)")
                    .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                            .schema(OASFactory.createSchema().ref("Problem")))));
            Content form = operation.getRequestBody().getContent();
            if (form != null && form.hasMediaType(FORM)) {
                form.getMediaType(FORM).setSchema(formSchema());
            }
        }
    }

    private static Content errors() {
        MediaType json = OASFactory.createMediaType().schema(OASFactory.createSchema().ref(ERRORS_SCHEMA));
        return OASFactory.createContent().addMediaType(JSON, json).addMediaType(XML, OASFactory.createMediaType());
    }

    static Schema errorsSchema() {
        Schema error = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("code", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("description", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .required(List.of("code", "description"));
        return OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(error).minItems(1)
                .description("GeoReport v2 errors: one {code, description} per problem; XML <errors><error>");
    }

    private static Schema formSchema() {
        Schema form = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("GeoReport v2 POST Service Request fields, plus attribute[<code>] for a service's"
                        + " attributes (here attribute[report_anonymously] = true|false)")
                .additionalPropertiesSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
        FORM_FIELDS.forEach(name -> form.addProperty(name,
                OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        return form;
    }
}
