package vn.langnghe.testsupport.prism;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A real Prism in front of a small JDK HTTP server whose answers agree, or not, with a 3.1 document. */
class PrismProxyTest {

    private static final String SPEC = """
            {"openapi": "3.1.0", "info": {"title": "things", "version": "1"},
             "paths": {
               "/things/{id}": {"get": {
                 "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
                 "responses": {
                   "200": {"description": "a thing", "content": {"application/json": {"schema": {
                     "type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}}}}},
                   "404": {"description": "none", "content": {"application/problem+json": {"schema": {
                     "type": "object", "required": ["status"], "properties": {"status": {"type": "integer"}}}}}}}}},
               "/things": {"post": {
                 "requestBody": {"required": true, "content": {"application/json": {"schema": {
                   "type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}}}}},
                 "responses": {
                   "201": {"description": "made"},
                   "400": {"description": "bad", "content": {"application/problem+json": {"schema": {
                     "type": "object", "required": ["status"], "properties": {"status": {"type": "integer"}}}}}}}}}}}
            """;

    private static HttpServer upstream;
    private static PrismProxy prism;

    @BeforeAll
    static void start() throws IOException {
        upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        upstream.createContext("/things", PrismProxyTest::answer);
        upstream.start();
        Path spec = Files.createTempFile("things-openapi-", ".json");
        Files.writeString(spec, SPEC);
        prism = PrismProxy.start(URI.create("http://127.0.0.1:" + upstream.getAddress().getPort()), spec);
    }

    @AfterAll
    static void stop() throws IOException {
        if (prism != null) {
            prism.close();
            Files.deleteIfExists(prism.specFile());
        }
        upstream.stop(0);
    }

    /** good: conforms; bad: lacks the required name; teapot: an undeclared status; POST: 201, or 400 if no name. */
    private static void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (exchange.getRequestMethod().equals("POST")) {
            if (body.contains("\"name\"")) {
                send(exchange, 201, null, "");
            } else {
                send(exchange, 400, "application/problem+json", "{\"status\": 400, \"title\": \"name is missing\"}");
            }
        } else if (path.endsWith("/good")) {
            send(exchange, 200, "application/json", "{\"name\": \"Lắng Nghe\"}");
        } else if (path.endsWith("/bad")) {
            send(exchange, 200, "application/json", "{\"title\": \"no name\"}");
        } else if (path.endsWith("/missing")) {
            send(exchange, 404, "application/problem+json", "{\"status\": 404}");
        } else {
            send(exchange, 418, "application/json", "{}");
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (type != null) {
            exchange.getResponseHeaders().add("Content-Type", type);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Test
    void answersThatAgreeWithTheDocumentPass() {
        given().baseUri(prism.baseUrl()).filter(new ContractCheck())
                .get("/things/good").then().statusCode(200);
        given().baseUri(prism.baseUrl()).filter(new ContractCheck())
                .get("/things/missing").then().statusCode(404);
        given().baseUri(prism.baseUrl()).filter(new ContractCheck()).contentType(ContentType.JSON)
                .body("{\"name\": \"x\"}").post("/things").then().statusCode(201);
    }

    @Test
    void aResponseBodyAgainstItsSchemaFails() {
        assertThatThrownBy(() -> given().baseUri(prism.baseUrl()).filter(new ContractCheck()).get("/things/bad"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("response.body")
                .hasMessageContaining("name");
    }

    @Test
    void anUndeclaredStatusFails() {
        assertThatThrownBy(() -> given().baseUri(prism.baseUrl()).filter(new ContractCheck()).get("/things/teapot"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("418");
    }

    @Test
    void anInvalidRequestFailsUnlessSentOnPurpose() {
        assertThatThrownBy(() -> given().baseUri(prism.baseUrl()).filter(new ContractCheck())
                .contentType(ContentType.JSON).body("{\"title\": \"x\"}").post("/things"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("request.body");

        // on purpose: forwarded unchanged, and the documented 400 passes
        given().baseUri(prism.baseUrl()).filter(new ContractCheck()).filter(ContractCheck.invalidRequestOnPurpose())
                .contentType(ContentType.JSON).body("{\"title\": \"x\"}").post("/things")
                .then().statusCode(400);
    }

    @Test
    void theHeaderListsWhatPrismFound() {
        String header = given().baseUri(prism.baseUrl()).get("/things/bad").header(ContractCheck.VIOLATIONS_HEADER);
        assertThat(Violation.parseHeader(header))
                .anySatisfy(v -> {
                    assertThat(v.aboutResponse()).isTrue();
                    assertThat(v.isDisagreement()).isTrue();
                });
    }
}
