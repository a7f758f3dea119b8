package io.newsstream.registry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsstream.registry.server.store.InMemorySchemaStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RegistryServerTest {

    private static final String V1 = SchemaRegistryServiceTest.V1;
    private static final String V2_REQUIRED = SchemaRegistryServiceTest.V2_REQUIRED;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper mapper = new ObjectMapper();
    private RegistryServer server;

    @BeforeEach
    void start() {
        server = RegistryServer.start(new RegistryServer.Config("localhost", 0, null, null, 1, Map.of()),
                new InMemorySchemaStore());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shouldRegisterAndAnswerTheSameIdForTheSameSchema() throws Exception {
        Answer first = post("/subjects/t-value/versions", schemaBody(V1));
        Answer second = post("/subjects/t-value/versions", schemaBody(V1));

        assertThat(first.status).isEqualTo(200);
        assertThat(first.json.toString()).isEqualTo("{\"id\":1}");
        assertThat(second.json.get("id").asInt()).isEqualTo(1);
        assertThat(first.contentType).isEqualTo("application/vnd.schemaregistry.v1+json");
    }

    @Test
    void shouldLookUpARegisteredSchemaWithSubjectIdVersionAndSchema() throws Exception {
        post("/subjects/t-value/versions", schemaBody(V1));

        Answer found = post("/subjects/t-value?normalize=false&deleted=false", schemaBody(V1));

        assertThat(found.json.get("subject").asText()).isEqualTo("t-value");
        assertThat(found.json.get("id").asInt()).isEqualTo(1);
        assertThat(found.json.get("version").asInt()).isEqualTo(1);
        assertThat(found.json.get("schema").asText()).isEqualTo(V1);
        assertThat(found.json.has("schemaType")).isFalse();
    }

    @Test
    void shouldServeASchemaByIdWithMaxIdWhenAsked() throws Exception {
        post("/subjects/t-value/versions", schemaBody(V1));
        post("/subjects/u-value/versions", schemaBody("\"string\""));

        Answer plain = get("/schemas/ids/1?fetchMaxId=false&subject=t-value");
        Answer withMax = get("/schemas/ids/1?fetchMaxId=true");

        assertThat(plain.json.toString()).isEqualTo("{\"schema\":" + mapper.writeValueAsString(V1) + "}");
        assertThat(withMax.json.get("maxId").asInt()).isEqualTo(2);
        assertThat(get("/schemas/ids/2/versions").json.toString()).isEqualTo("[{\"subject\":\"u-value\",\"version\":1}]");
    }

    @Test
    void shouldAnswerConfluentNotFoundShapes() throws Exception {
        post("/subjects/t-value/versions", schemaBody(V1));

        assertError(get("/subjects/nope/versions"), 404, 40401, "Subject 'nope' not found.");
        assertError(get("/subjects/t-value/versions/7"), 404, 40402, "Version 7 not found.");
        assertError(get("/schemas/ids/99"), 404, 40403, "Schema 99 not found");
        assertError(post("/subjects/nope", schemaBody(V1)), 404, 40401, "Subject 'nope' not found.");
        assertError(post("/subjects/t-value", schemaBody("\"int\"")), 404, 40403, "Schema not found");
        assertThat(get("/subjects/t-value/versions/abc").json.get("error_code").asInt()).isEqualTo(42202);
    }

    @Test
    void shouldAnswerAnyOtherPathWithConfluentsPlain404() throws Exception {
        assertError(get("/contexts/.x/subjects"), 404, 404, "HTTP 404 Not Found");
        assertError(post("/dek-registry/v1/keks", "{}"), 404, 404, "HTTP 404 Not Found");
        assertThat(get("/").json.toString()).isEqualTo("{}");
    }

    @Test
    void shouldRejectAnIncompatibleSchemaWith409AndSayItOnTheCompatibilityEndpoint() throws Exception {
        post("/subjects/t-value/versions", schemaBody(V1));

        Answer rejected = post("/subjects/t-value/versions", schemaBody(V2_REQUIRED));
        Answer check = post("/compatibility/subjects/t-value/versions/latest?verbose=true", schemaBody(V2_REQUIRED));

        assertThat(rejected.status).isEqualTo(409);
        assertThat(rejected.json.get("error_code").asInt()).isEqualTo(409);
        assertThat(check.json.get("is_compatible").asBoolean()).isFalse();
        assertThat(check.json.get("messages")).isNotEmpty();
    }

    @Test
    void shouldManageGlobalAndSubjectCompatibility() throws Exception {
        assertThat(get("/config").json.toString()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
        assertError(get("/config/t-value"), 404, 40408,
                "Subject 't-value' does not have subject-level compatibility configured");
        assertThat(get("/config/t-value?defaultToGlobal=true").json.get("compatibilityLevel").asText())
                .isEqualTo("BACKWARD");

        Answer put = send("PUT", "/config/t-value", "{\"compatibility\":\"full\"}", "application/json");

        assertThat(put.json.toString()).isEqualTo("{\"compatibility\":\"FULL\"}");
        assertThat(get("/config/t-value").json.get("compatibilityLevel").asText()).isEqualTo("FULL");
        assertThat(send("PUT", "/config", "{\"compatibility\":\"sideways\"}", "application/json")
                .json.get("error_code").asInt()).isEqualTo(42203);
    }

    @Test
    void shouldAcceptEveryConfluentRequestContentTypeAndRefuseOthers() throws Exception {
        for (String type : new String[] {"application/vnd.schemaregistry.v1+json",
                "application/vnd.schemaregistry+json", "application/json", "application/octet-stream"}) {
            assertThat(send("POST", "/subjects/t-value/versions", schemaBody(V1), type).status).isEqualTo(200);
        }
        assertThat(send("POST", "/subjects/t-value/versions", schemaBody(V1), "text/plain").status).isEqualTo(415);
    }

    @Test
    void shouldListSubjectsAndVersionsAndServeAVersion() throws Exception {
        post("/subjects/t-value/versions", schemaBody(V1));
        post("/subjects/t-value/versions", schemaBody(SchemaRegistryServiceTest.V2_DEFAULTED));

        assertThat(get("/subjects").json.toString()).isEqualTo("[\"t-value\"]");
        assertThat(get("/subjects/t-value/versions").json.toString()).isEqualTo("[1,2]");
        JsonNode latest = get("/subjects/t-value/versions/latest").json;
        assertThat(latest.get("version").asInt()).isEqualTo(2);
        assertThat(latest.get("id").asInt()).isEqualTo(2);
        assertThat(send("DELETE", "/subjects/t-value", null, null).json.toString()).isEqualTo("[1,2]");
        assertThat(get("/subjects").json.toString()).isEqualTo("[]");
    }

    @Test
    void shouldRefuseSchemaReferencesAndOtherSchemaTypesAs42201() throws Exception {
        assertThat(post("/subjects/t-value/versions", "{\"schema\":\"{}\",\"schemaType\":\"PROTOBUF\"}")
                .json.get("error_code").asInt()).isEqualTo(42201);
        assertThat(post("/subjects/t-value/versions", "{\"schema\":\"\\\"string\\\"\",\"references\":"
                + "[{\"name\":\"x\",\"subject\":\"y\",\"version\":1}]}").json.get("error_code").asInt()).isEqualTo(42201);
    }

    @Test
    void shouldNameTheSettingWhenThePortIsBusy() {
        RegistryServer.Config busy = new RegistryServer.Config("localhost", server.port(), null, null, 1, Map.of());

        assertThatThrownBy(() -> RegistryServer.start(busy, new InMemorySchemaStore()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("port " + server.port() + " is already in use; set --registry-port"
                        + " (NEWSSTREAM_REGISTRY_PORT)");
    }

    private void assertError(Answer answer, int status, int code, String message) {
        assertThat(answer.status).isEqualTo(status);
        assertThat(answer.json.get("error_code").asInt()).isEqualTo(code);
        assertThat(answer.json.get("message").asText()).isEqualTo(message);
        assertThat(answer.contentType).isEqualTo("application/vnd.schemaregistry.v1+json");
    }

    private String schemaBody(String schema) throws IOException {
        return mapper.createObjectNode().put("schema", schema).toString();
    }

    private Answer get(String path) throws Exception {
        return send("GET", path, null, null);
    }

    private Answer post(String path, String body) throws Exception {
        return send("POST", path, body, "application/vnd.schemaregistry.v1+json");
    }

    private Answer send(String method, String path, String body, String contentType) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), mapper.readTree(response.body()),
                response.headers().firstValue("Content-Type").orElse(""));
    }

    private record Answer(int status, JsonNode json, String contentType) {
    }
}
