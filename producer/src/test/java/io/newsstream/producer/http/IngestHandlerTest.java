package io.newsstream.producer.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.newsstream.producer.ArticleDigest;
import io.newsstream.producer.ArticlePublisher;
import io.newsstream.producer.ingest.MockPublishers;
import io.newsstream.schema.RawArticle;
import org.apache.kafka.clients.producer.MockProducer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The handler mounted on a Javalin server of its own, publishing to a MockProducer. */
class IngestHandlerTest {

    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MockProducer<String, RawArticle> producer = MockPublishers.producer();
    private Javalin app;

    @BeforeEach
    void start() {
        final ArticlePublisher publisher = MockPublishers.publisher(producer);
        final IngestHandler handler = new IngestHandler(publisher, Clock.fixed(NOW, ZoneOffset.UTC), 1024, Duration.ofSeconds(5));
        app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            handler.mount(cfg.routes);
        }).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void shouldPublishAValidArticleAndAnswer202WithItsId() throws Exception {
        final HttpResponse<String> response = post("""
                {"id": "wire-1", "title": "Talks", "text": "Azerbaijan and Armenia met.", "url": "https://x.example/1",
                 "source": "wire", "publishedAt": "2024-05-01T09:00:00Z"}""");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(response.body()).get("id").asText()).isEqualTo("wire-1");
        final RawArticle sent = producer.history().get(0).value();
        assertThat(sent.getBody()).isEqualTo("Azerbaijan and Armenia met.");
        assertThat(sent.getPublishedAt()).isEqualTo(Instant.parse("2024-05-01T09:00:00Z"));
        assertThat(sent.getFetchedAt()).isEqualTo(NOW);
        assertThat(producer.history().get(0).key()).isEqualTo("wire-1");
    }

    @Test
    void shouldDeriveTheIdFromTheContentWhenAbsent() throws Exception {
        final HttpResponse<String> response = post("{\"title\": \"T\", \"body\": \"Text.\"}");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(response.body()).get("id").asText()).isEqualTo(ArticleDigest.id("post_", "T", "Text."));
    }

    @Test
    void shouldAnswer400NamingAMissingText() throws Exception {
        final JsonNode error = expect(400, "{\"title\": \"no body\"}");

        assertThat(error.get("field").asText()).isEqualTo("text");
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void shouldAnswer400NamingABadDate() throws Exception {
        assertThat(expect(400, "{\"text\": \"x\", \"publishedAt\": \"yesterday\"}").get("field").asText()).isEqualTo("publishedAt");
    }

    @Test
    void shouldAnswer400NamingAnUnknownField() throws Exception {
        assertThat(expect(400, "{\"txt\": \"x\"}").get("message").asText()).contains("unknown field 'txt'");
    }

    @Test
    void shouldAnswer400ForABodyThatIsNotJson() throws Exception {
        assertThat(expect(400, "not json").get("message").asText()).contains("not valid JSON");
    }

    @Test
    void shouldAnswer413ForABodyOverTheLimit() throws Exception {
        final JsonNode error = expect(413, "{\"text\": \"" + "x".repeat(2000) + "\"}");

        assertThat(error.get("message").asText()).contains("1024 bytes");
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void shouldAnswer503WhenKafkaRefusesTheArticle() throws Exception {
        producer.sendException = new org.apache.kafka.common.errors.TimeoutException("no broker");

        assertThat(expect(503, "{\"text\": \"x\"}").get("message").asText()).contains("try again");
    }

    private JsonNode expect(final int status, final String body) throws Exception {
        final HttpResponse<String> response = post(body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> post(final String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + IngestHandler.PATH))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
