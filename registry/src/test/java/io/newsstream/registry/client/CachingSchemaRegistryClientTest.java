package io.newsstream.registry.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.newsstream.registry.server.RegistryServer;
import io.newsstream.registry.server.store.InMemorySchemaStore;
import io.newsstream.schema.RawArticle;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class CachingSchemaRegistryClientTest {

    private static final Schema ARTICLE = RawArticle.getClassSchema();

    @Test
    void shouldRegisterLookUpAndFetchAgainstTheServer() {
        try (RegistryServer server = inMemoryServer(0);
             CachingSchemaRegistryClient client = new CachingSchemaRegistryClient(server.url(), Map.of())) {
            int id = client.register("news.articles.raw-value", ARTICLE);
            CachingSchemaRegistryClient other = new CachingSchemaRegistryClient(server.url(), Map.of());

            assertThat(other.getId("news.articles.raw-value", ARTICLE)).isEqualTo(id);
            assertThat(other.getById(id)).isEqualTo(ARTICLE);
            assertThat(other.register("news.articles.raw-value", ARTICLE)).isEqualTo(id);
        }
    }

    @Test
    void shouldCarryConfluentsErrorCodeOnA4xx() {
        try (RegistryServer server = inMemoryServer(0);
             CachingSchemaRegistryClient client = new CachingSchemaRegistryClient(server.url(), Map.of())) {
            client.register("a-value", ARTICLE);

            assertThatThrownBy(() -> client.getById(42))
                    .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                        assertThat(e.status()).isEqualTo(404);
                        assertThat(e.errorCode()).isEqualTo(40403);
                    });
            assertThatThrownBy(() -> client.getId("a-value", Schema.create(Schema.Type.STRING)))
                    .isInstanceOfSatisfying(SchemaRegistryException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(40403));
        }
    }

    @Test
    void shouldServeFromItsCacheOnceTheRegistryIsGone() {
        CachingSchemaRegistryClient client;
        int id;
        try (RegistryServer server = inMemoryServer(0)) {
            client = new CachingSchemaRegistryClient(server.url(), Map.of(ClientConfig.RETRY_MAX_MS, 0));
            id = client.register("a-value", ARTICLE);
        }

        assertThat(client.getById(id)).isEqualTo(ARTICLE);
        assertThat(client.register("a-value", ARTICLE)).isEqualTo(id);
    }

    @Test
    void shouldFailOverToTheNextUrlWhenOneRefusesConnections() throws IOException {
        int deadPort = freePort();
        try (RegistryServer server = inMemoryServer(0);
             CachingSchemaRegistryClient client = new CachingSchemaRegistryClient(
                     "http://localhost:" + deadPort + "," + server.url(), Map.of(ClientConfig.RETRY_MAX_MS, 0))) {

            assertThat(client.register("a-value", ARTICLE)).isEqualTo(1);
        }
    }

    @Test
    void shouldRetryUntilARegistryThatWasDownComesUp() throws Exception {
        int port = freePort();
        try (CachingSchemaRegistryClient client = new CachingSchemaRegistryClient("http://localhost:" + port,
                Map.of(ClientConfig.RETRY_MAX_MS, "10000"))) {
            CompletableFuture<Integer> id = CompletableFuture.supplyAsync(() -> client.register("a-value", ARTICLE));
            Thread.sleep(400);
            assertThat(id).isNotDone();

            try (RegistryServer server = inMemoryServer(port)) {
                assertThat(id.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            }
        }
    }

    @Test
    void shouldGiveUpWithAClearErrorAfterTheRetryTime() throws IOException {
        int port = freePort();
        try (CachingSchemaRegistryClient client = new CachingSchemaRegistryClient("http://localhost:" + port,
                Map.of(ClientConfig.RETRY_MAX_MS, 300))) {

            assertThatThrownBy(() -> client.getById(1))
                    .isInstanceOf(SchemaRegistryUnavailableException.class)
                    .hasMessageContaining("localhost:" + port)
                    .hasMessageContaining("300 ms");
        }
    }

    @Test
    void shouldSendBasicAuthFromUserInfo() throws IOException {
        AtomicReference<String> authorization = new AtomicReference<>();
        HttpServer fake = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        fake.createContext("/", exchange -> {
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = "{\"schema\":\"\\\"string\\\"\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        fake.start();
        try (CachingSchemaRegistryClient client = new CachingSchemaRegistryClient(
                "http://localhost:" + fake.getAddress().getPort(),
                Map.of(ClientConfig.BASIC_AUTH_SOURCE, "USER_INFO", ClientConfig.BASIC_AUTH_USER_INFO, "fred:s3cret"))) {

            assertThat(client.getById(5)).isEqualTo(Schema.create(Schema.Type.STRING));
            assertThat(authorization.get()).isEqualTo("Basic ZnJlZDpzM2NyZXQ=");
        } finally {
            fake.stop(0);
        }
    }

    @Test
    void shouldKeepTheSecretOutOfItsDescription() {
        ClientConfig config = ClientConfig.parse("http://localhost:1",
                Map.of(ClientConfig.BASIC_AUTH_SOURCE, "USER_INFO", ClientConfig.BASIC_AUTH_USER_INFO, "fred:s3cret"));

        assertThat(config.toString()).doesNotContain("s3cret").doesNotContain("ZnJlZDpzM2NyZXQ");
    }

    @Test
    void shouldShareOneInMemoryRegistryPerMockScopeUntilDropped() {
        SchemaRegistryClient first = SchemaRegistryClients.create("mock://client-test", Map.of());
        int id = first.register("a-value", ARTICLE);

        assertThat(SchemaRegistryClients.create("mock://client-test", Map.of()).getById(id)).isEqualTo(ARTICLE);
        SchemaRegistryClients.dropScope("mock://client-test");
        assertThatThrownBy(() -> SchemaRegistryClients.create("mock://client-test", Map.of()).getById(id))
                .isInstanceOf(SchemaRegistryException.class);
        SchemaRegistryClients.dropScope("client-test");
    }

    private static RegistryServer inMemoryServer(int port) {
        return RegistryServer.start(new RegistryServer.Config("localhost", port, null, null, 1, Map.of()),
                new InMemorySchemaStore());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
