package vn.langnghe.servicekit.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.junit.jupiter.api.Test;

class PublishedContractTest {

    private static Schema string() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    }

    private static OpenAPI document(String path, PathItem.HttpMethod method, Operation operation) {
        PathItem item = OASFactory.createPathItem();
        switch (method) {
            case GET -> item.GET(operation);
            case POST -> item.POST(operation);
            default -> throw new IllegalArgumentException(method.toString());
        }
        return OASFactory.createOpenAPI().paths(OASFactory.createPaths().addPathItem(path, item));
    }

    @Test
    void aCommandOnANamedStreamWithIfMatch_documentsEveryProblemTheEdgeAnswers() {
        Operation command = OASFactory.createOperation()
                .addParameter(OASFactory.createParameter().name("If-Match").in(Parameter.In.HEADER))
                .requestBody(OASFactory.createRequestBody())
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse().description("OK"))
                        .addAPIResponse("401", OASFactory.createAPIResponse().description("Not Authorized"))
                        .addAPIResponse("403", OASFactory.createAPIResponse().description("Not Allowed")));
        OpenAPI openAPI = document("/api/v1/things/{id}/close", PathItem.HttpMethod.POST, command);

        new PublishedContract().filterOpenAPI(openAPI);

        assertThat(command.getResponses().getAPIResponses()).containsOnlyKeys(
                "200", "400", "401", "403", "404", "409", "412", "415", "422", "428", "500", "503");
        assertThat(command.getResponses().getAPIResponse("412").getContent().getMediaType("application/problem+json")
                .getSchema().getRef()).isEqualTo("#/components/schemas/Problem");
        assertThat(openAPI.getComponents().getSchemas()).containsKey("Problem");
    }

    @Test
    void aPublicReadOfACollection_getsNeither401NorTheCommandAnswers() {
        Operation read = OASFactory.createOperation().responses(OASFactory.createAPIResponses()
                .addAPIResponse("200", OASFactory.createAPIResponse().description("OK")));
        new PublishedContract().filterOpenAPI(document("/api/v1/things", PathItem.HttpMethod.GET, read));

        assertThat(read.getResponses().getAPIResponses()).containsOnlyKeys("200", "400", "500", "503");
    }

    @Test
    void operationsOutsideApi_areLeftAsTheyAre() {
        Operation open311 = OASFactory.createOperation().responses(OASFactory.createAPIResponses()
                .addAPIResponse("200", OASFactory.createAPIResponse().description("OK")));
        new PublishedContract().filterOpenAPI(document("/open311/v2/services.{format}", PathItem.HttpMethod.GET, open311));

        assertThat(open311.getResponses().getAPIResponses()).containsOnlyKeys("200");
    }

    @Test
    void optionalPropertiesAndMapValuesMayBeNull_requiredOnesMayNot() {
        Schema view = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("id", string())
                .addProperty("topic", string())
                .addProperty("unit", OASFactory.createSchema().ref("Unit"))
                .addProperty("byKind", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                        .additionalPropertiesSchema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)))
                .required(List.of("id"));
        OpenAPI openAPI = OASFactory.createOpenAPI()
                .components(OASFactory.createComponents().addSchema("View", view));

        new PublishedContract().filterOpenAPI(openAPI);

        Schema relaxed = openAPI.getComponents().getSchemas().get("View");
        assertThat(relaxed.getProperties().get("id").getType()).containsExactly(Schema.SchemaType.STRING);
        assertThat(relaxed.getProperties().get("topic").getType())
                .containsExactly(Schema.SchemaType.STRING, Schema.SchemaType.NULL);
        assertThat(relaxed.getProperties().get("unit").getAnyOf()).hasSize(2);
        assertThat(relaxed.getProperties().get("unit").getAnyOf().get(1).getType())
                .containsExactly(Schema.SchemaType.NULL);
        assertThat(relaxed.getProperties().get("byKind").getAdditionalPropertiesSchema().getType())
                .contains(Schema.SchemaType.NULL);
    }
}
