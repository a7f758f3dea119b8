package io.newsstream.launcher.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsstream.launcher.TestClusters;
import io.newsstream.launcher.TestStackExtension;
import io.newsstream.producer.ArticlePublisher;
import io.newsstream.streams.app.StreamsApp;
import io.newsstream.streams.config.ApiSecurityConfig;
import io.newsstream.streams.config.ServerTimeouts;
import io.newsstream.streams.config.StreamsAppConfig;
import io.newsstream.streams.config.TopicNames;
import io.newsstream.streams.config.TopologyConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile HTTP input against the API as it is really served: the real {@link StreamsApp} (Javalin
 * on Jetty, the real store queries) over a real single-node Kafka cluster with a few counted
 * articles. Requests go over a plain socket, byte for byte as written here, so nothing is
 * normalised or refused on the client side.
 *
 * <p>Every refusal must be a 4xx whose body is the API's JSON error ({@code status}, {@code message})
 * and never carries a stack trace; no path serves anything but the bundled dashboard assets; slow
 * and idle connections are closed within the configured timeouts.
 */
@Tag("integration")
class HostileInputIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration HEADER_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(3);
    private static final List<String> ASSETS = List.of("index.html", "app.js", "styles.css", "world.json");

    @TempDir
    static Path stateDir;

    @RegisterExtension
    static final TestStackExtension STACK = TestStackExtension.singleNode(TopicNames.defaults());
    private static StreamsApp app;
    private static RawHttp http;
    private static List<byte[]> assets;

    @BeforeAll
    static void startApp() throws Exception {
        final TopicNames topics = TopicNames.defaults();
        final int port = TestClusters.freePort();
        app = new StreamsApp(new StreamsAppConfig("hostile-input-it", STACK.bootstrapServers(), STACK.registryUrl(), stateDir,
                "127.0.0.1", port, "localhost", 1, 1, "exactly_once_v2", 100, TopologyConfig.defaults(), Map.of()),
                Map.of(), ApiSecurityConfig.open(), new ServerTimeouts(IDLE_TIMEOUT, HEADER_TIMEOUT, Duration.ofSeconds(30)));
        app.start();
        try (ArticlePublisher publisher = Publishing.publisher(STACK.bootstrapServers(), STACK.registryUrl(), topics.raw())) {
            Publishing.publish(publisher, Corpus.articles("hostile", 20, 7L));
        }
        http = new RawHttp(port);
        assets = new ArrayList<>();
        for (String asset : ASSETS) {
            try (InputStream in = Objects.requireNonNull(StreamsApp.class.getResourceAsStream("/public/" + asset), asset)) {
                assets.add(in.readAllBytes());
            }
        }
        awaitCounted();
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void shouldNeverServeAFileOutsideTheBundledAssets() throws Exception {
        final List<String> targets = List.of(
                "/../../../../etc/passwd",
                "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                "/%2E%2E/%2E%2E/%2E%2E/etc/passwd",
                "/..%2f..%2f..%2f..%2fetc%2fpasswd",
                "/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                "/..%5c..%5c..%5cetc%5cpasswd",
                "/..;/..;/..;/etc/passwd",
                "/%252e%252e/%252e%252e/etc/passwd",
                "/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd",
                "/app.js/../../../../etc/passwd",
                "/../openapi.yaml",
                "/%2e%2e/openapi.yaml",
                "/..%2fopenapi.yaml",
                "/..%2flogback.xml",
                "/%2e%2e/io/newsstream/streams/app/StreamsApp.class",
                "/..%2fio%2fnewsstream%2fstreams%2fapp%2fStreamsApp.class",
                "/public/../openapi.yaml",
                "/api/v1/../../../etc/passwd",
                "/api/v1/countries/..%2f..%2f..%2f..%2fetc%2fpasswd",
                "/api/v1/countries/%2e%2e/%2e%2e/%2e%2e/openapi.yaml",
                "/api/v1/articles/..%2f..%2f..%2f..%2fetc%2fpasswd",
                "/api/v1/articles/%2e%2e",
                "/internal/v1/../../../../etc/passwd",
                "/x/../app.js");
        for (String target : targets) {
            final RawHttp.Response response = http.get(target);
            final String text = new String(response.body(), StandardCharsets.ISO_8859_1);
            assertThat(text).as("GET %s: %s", target, response).doesNotContain("root:", "openapi:", "<configuration", "\u00ca\u00fe\u00ba\u00be");
            if (response.status() < 400) {
                assertThat(response.status()).as("GET %s", target).isEqualTo(200);
                assertThat(assets).as("GET %s served one of the bundled assets: %s", target, response)
                        .anyMatch(asset -> Arrays.equals(asset, response.body()));
            } else {
                assertJsonError(target, response, 400, 499);
            }
        }
    }

    @Test
    void shouldServeTheBundledAssetsThemselves() throws Exception {
        for (int i = 0; i < ASSETS.size(); i++) {
            final RawHttp.Response response = http.get("/" + ASSETS.get(i));
            assertThat(response.status()).as(ASSETS.get(i)).isEqualTo(200);
            assertThat(response.body()).as(ASSETS.get(i)).isEqualTo(assets.get(i));
        }
    }

    @Test
    void shouldRefuseAnOversizedRequestLineWith414Json() throws Exception {
        final String target = "/api/v1/countries/top?limit=5&pad=" + "a".repeat(100_000);
        assertJsonError("100 kB query string", http.get(target), 414, 414);
    }

    @Test
    void shouldRefuseOversizedHeadersWith431Json() throws Exception {
        assertJsonError("100 kB header", http.get("/api/v1/countries/top", "X-Pad: " + "b".repeat(100_000)), 431, 431);
    }

    @Test
    void shouldRefuseInvalidUtf8InPathAndQueryWith400Json() throws Exception {
        for (String target : List.of(
                "/api/v1/countries/%C3%28",
                "/api/v1/countries/%FF/timeline",
                "/api/v1/articles/%FF",
                "/api/v1/articles/%C3%28",
                "/%FF",
                "/api/v1/countries/top?limit=%FF",
                "/api/v1/countries/top?window=%C3%28",
                "/api/v1/countries/top?%FF%FE=1",
                "/api/v1/countries/top?limit=%G1",
                "/api/v1/countries/AZ?x=%",
                "/api/v1/countries/AZ/articles?cursor=%C3%28")) {
            assertJsonError(target, http.get(target), 400, 400);
        }
    }

    @Test
    void shouldRefuseOutOfRangeOrMalformedLimitsAndWindowsWith400Json() throws Exception {
        final List<String> targets = new ArrayList<>();
        for (String limit : List.of("-1", "0", "301", "2147483648", "99999999999999999999", "abc", "1.5", "1e3", "", "%20", "0x10")) {
            targets.add("/api/v1/countries/top?limit=" + limit);
            targets.add("/api/v1/countries/AZ/related?limit=" + limit);
        }
        targets.add("/api/v1/countries/AZ/articles?limit=101");
        targets.add("/api/v1/countries/AZ/articles?limit=-5");
        for (String window : List.of("-P1D", "PT0S", "P0D", "PT-1H", "banana", "P999999999Y", "P9999999999999999999D",
                "PT9999999999999999999H", "P106751991167300D")) {
            targets.add("/api/v1/countries/top?window=" + window);
            targets.add("/api/v1/countries/AZ/related?window=" + window);
        }
        for (String at : List.of("%2B1000000000-01-01T00:00:00Z", "-1000000000-01-01T00:00:00Z", "yesterday")) {
            targets.add("/api/v1/countries/top?window=P7D&at=" + at);
            targets.add("/api/v1/countries/AZ/related?window=P7D&at=" + at);
        }
        targets.add("/api/v1/countries/AZ/timeline?interval=PT1M");
        targets.add("/api/v1/countries/AZ/timeline?from=-1000000000-01-01T00:00:00Z");
        targets.add("/api/v1/countries/AZ/timeline?to=-1000000000-01-01T00:00:00Z");
        targets.add("/api/v1/countries/AZ/timeline?from=2024-01-01T00:00:00Z&to=%2B1000000000-12-31T23:59:59Z");
        targets.add("/api/v1/countries/AZ/timeline?from=2024-02-01T00:00:00Z&to=2024-01-01T00:00:00Z");
        targets.add("/api/v1/countries/AZ/articles?cursor=garbage");
        targets.add("/api/v1/countries/AZ/articles?cursor=" + "A".repeat(4_000));
        for (String target : targets) {
            assertJsonError(target, http.get(target), 400, 400);
        }
    }

    @Test
    void shouldAnswerUnknownOrMalformedCountryCodesWith4xxJson() throws Exception {
        for (String target : List.of("/api/v1/countries/ZZ", "/api/v1/countries/zz/timeline", "/api/v1/countries/QQ/related",
                "/api/v1/countries/XX/articles", "/api/v1/countries/A1", "/api/v1/countries/AZE", "/api/v1/countries/%00%00",
                "/api/v1/countries/" + "A".repeat(3_000), "/api/v1/countries/%20%20")) {
            assertJsonError(target, http.get(target), 400, 404);
        }
    }

    @Test
    void shouldRefuseQueryParametersAnEndpointDoesNotTakeWith400Json() throws Exception {
        for (String target : List.of("/api/v1/countries/AZ/timeline?window=P7D", "/api/v1/countries/top?limt=3",
                "/api/v1/countries/AZ?window=P7D", "/api/v1/articles/x?pretty", "/api/v1/countries/AZ/related?cursor=x")) {
            assertJsonError(target, http.get(target), 400, 400);
        }
        assertThat(http.get("/api/v1/countries/AZ/timeline?window=P7D").text())
                .contains("unknown query parameter 'window'").contains("from, to, interval");
    }

    @Test
    void shouldTellAClientThatDoesNotAcceptAnEventStreamWhatToSendWith406Json() throws Exception {
        assertJsonError("stream without Accept", http.get("/api/v1/stream"), 406, 406);
        assertJsonError("stream, Accept: */*", http.get("/api/v1/stream", "Accept: */*"), 406, 406);
        assertThat(http.get("/api/v1/stream", "Accept: application/json").text()).contains("Accept: text/event-stream");
    }

    @Test
    void shouldRefuseOversizedArticleBodiesWith413Json() throws Exception {
        final byte[] body = ("{\"id\": \"big\", \"title\": \"Big\", \"text\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        assertJsonError("2 MiB POST", http.post("/api/v1/articles", body), 413, 413);
        assertJsonError("2 MiB chunked POST", postChunked(body), 413, 413);
    }

    @Test
    void shouldCutOffAClientThatSendsHeadersOneByteASecond() throws Exception {
        try (Socket socket = http.open()) {
            socket.setSoTimeout(1_000);
            final OutputStream out = socket.getOutputStream();
            final InputStream in = socket.getInputStream();
            out.write("GET /api/v1/countries/top HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            final long started = System.nanoTime();
            boolean closed = false;
            while (!closed && elapsed(started).compareTo(Duration.ofSeconds(30)) < 0) {
                try {
                    out.write('a');
                    out.flush();
                    closed = in.read() < 0;
                } catch (SocketTimeoutException stillOpen) {
                    // no answer within a second: the server is still waiting; send the next byte
                } catch (IOException reset) {
                    closed = true;
                }
                assertThat(http.get("/health/live").status()).as("other clients served meanwhile").isEqualTo(200);
            }
            final Duration cutOff = elapsed(started);
            report("slow-header client cut off after %d ms (header timeout %d ms)", cutOff.toMillis(), HEADER_TIMEOUT.toMillis());
            assertThat(closed).as("connection closed by the server").isTrue();
            assertThat(cutOff).isBetween(HEADER_TIMEOUT.minusMillis(100), HEADER_TIMEOUT.multipliedBy(2).plusSeconds(2));
        }
    }

    @Test
    void shouldCloseAnIdleConnectionAfterTheIdleTimeout() throws Exception {
        try (Socket socket = http.open()) {
            socket.setSoTimeout(30_000);
            final long started = System.nanoTime();
            final int read = readOrReset(socket.getInputStream());
            final Duration closedAfter = elapsed(started);
            report("idle connection closed after %d ms (idle timeout %d ms)", closedAfter.toMillis(), IDLE_TIMEOUT.toMillis());
            assertThat(read).as("end of stream, nothing sent").isEqualTo(-1);
            assertThat(closedAfter).isBetween(IDLE_TIMEOUT.minusMillis(100), IDLE_TIMEOUT.plusSeconds(3));
        }
    }

    /** The answer is a refusal in [min, max] whose body is the API's JSON error, without a stack trace. */
    private static void assertJsonError(final String what, final RawHttp.Response response, final int min, final int max)
            throws IOException {
        assertThat(response.status()).as("%s: %s", what, response).isBetween(min, max);
        assertThat(response.contentType()).as("%s: %s", what, response).startsWith("application/json");
        final String text = response.text();
        assertThat(text).as("%s: no stack trace", what).doesNotContain("Exception", "\tat ", "at io.", "at org.",
                "at java.", "at kotlin.", "<html");
        final JsonNode json = JSON.readTree(text);
        assertThat(json.path("status").asInt()).as("%s: %s", what, text).isEqualTo(response.status());
        assertThat(json.path("message").asText()).as("%s: %s", what, text).isNotBlank();
    }

    private static RawHttp.Response postChunked(final byte[] body) throws IOException {
        final StringBuilder head = new StringBuilder("POST /api/v1/articles HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                .append("Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
        final java.io.ByteArrayOutputStream chunked = new java.io.ByteArrayOutputStream();
        for (int at = 0; at < body.length; at += 64 * 1024) {
            final int n = Math.min(64 * 1024, body.length - at);
            chunked.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            chunked.write(body, at, n);
            chunked.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        chunked.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return http.send(head.toString(), chunked.toByteArray());
    }

    private static int readOrReset(final InputStream in) {
        try {
            return in.read();
        } catch (IOException reset) {
            return -1;
        }
    }

    private static void awaitCounted() throws Exception {
        final CountsApi api = new CountsApi(app.httpPort());
        final long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (api.allTimeCounts().map(Map::isEmpty).orElse(true)) {
            assertThat(System.nanoTime()).as("articles counted within 120 s").isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    private static Duration elapsed(final long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    private static void report(final String format, final Object... args) {
        System.out.printf("[HostileInputIT] " + format + "%n", args);
    }
}
