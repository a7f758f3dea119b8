package io.newsstream.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsstream.producer.ArticlePublisher;
import io.newsstream.producer.ArticleReader;
import io.newsstream.producer.ProducerSettings;
import io.newsstream.streams.app.StreamsApp;
import io.newsstream.streams.config.StreamsAppConfig;
import io.newsstream.streams.config.TopicNames;
import io.newsstream.streams.config.TopologyConfig;
import io.newsstream.streams.topology.StoreNames;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.CloseOptions.GroupMembershipOperation;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole pipeline on a real Kafka broker (Kafka's own KafkaClusterTestKit, KRaft): the
 * registry keeping schemas in Kafka, the producer publishing the seeds, the streams app counting
 * them, and the counts read back through the HTTP API; then a restart on the same state.
 */
@Tag("integration")
class PipelineIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path stateDir;

    @RegisterExtension
    static final TestStackExtension STACK = TestStackExtension.singleNode(TopicNames.defaults());

    @Test
    void shouldCountTheSeedsAndServeThemOverHttpAcrossARestart() throws Exception {
        final int port = freePort();
        final StreamsAppConfig config = new StreamsAppConfig("pipeline-it", STACK.bootstrapServers(), STACK.registryUrl(),
                stateDir, "127.0.0.1", port, "localhost", 1, 1, "exactly_once_v2", 100, TopologyConfig.defaults(), Map.of());
        final List<String> ids = publishSeeds();

        final JsonNode top;
        final Map<String, Long> expected;
        final long timelineSum;
        final String timelinePath = "/api/v1/countries/AZ/timeline?from=2023-05-01T00:00:00Z&to=2023-06-09T00:00:00Z&interval=P1D";
        try (StreamsApp app = new StreamsApp(config, Map.of())) {
            app.start();
            awaitArticles(port, ids);
            expected = countsFromArticleViews(port, ids);
            awaitCounts(port, expected);
            top = get(port, "/api/v1/countries/top?limit=3");
            assertThat(List.of(top.get(0).get("country").asText(), top.get(1).get("country").asText(),
                    top.get(2).get("country").asText())).containsExactlyInAnyOrder("IL", "AZ", "IR");
            assertThat(get(port, "/api/v1/countries/AZ").get("total").asLong()).isPositive();
            assertThat(get(port, "/api/v1/articles/000_027d5da43cc261d5").get("countries").has("GE")).isTrue();
            assertThat(get(port, "/api/v1/countries/AZ/related?limit=3").findValuesAsText("country")).contains("IL");
            // Window queries see what the last commit flushed (every 100 ms here), so wait for it.
            final long timelineDeadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            JsonNode timeline = get(port, timelinePath);
            while (timeline.get("points").findValues("count").stream().mapToLong(JsonNode::asLong).sum() == 0
                    && System.nanoTime() < timelineDeadline) {
                Thread.sleep(200);
                timeline = get(port, timelinePath);
            }
            assertThat(timeline.get("points")).hasSize(40);
            timelineSum = timeline.get("points").findValues("count").stream().mapToLong(JsonNode::asLong).sum();
            assertThat(timelineSum).isPositive();
            // The seeds are from 2023, far older than the window retention by the wall clock: the
            // windowed changelogs must not let the broker delete them (StreamsAppConfig).
            assertThat(changelogRetentionMs("pipeline-it-" + StoreNames.COUNTRY_COUNTS_HOURLY + "-changelog"))
                    .isEqualTo(Long.MAX_VALUE);
            assertThat(get(port, "/api/v1/countries/top?window=P7D&at=2023-06-01T00:00:00Z")).isNotEmpty();
            assertThat(pagedArticleIds(port, "IL", 2)).hasSize(ids.size()).doesNotHaveDuplicates();
            assertThat(status(port, "/api/v1/countries/top?window=sometimes")).isEqualTo(400);
            assertThat(status(port, "/api/v1/countries/AZ/articles?cursor=bogus")).isEqualTo(400);
            assertThat(status(port, "/api/v1/countries/A1")).isEqualTo(400);
            final String metrics = HTTP.send(request(port, "/metrics"), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics).contains("kafka_stream_").contains("jvm_memory_used_bytes");
            assertThat(status(port, "/api/v1/countries/ZZ")).isEqualTo(404);
        }

        // Closed as an instance among several closes: still a member until its session times out.
        assertThat(groupMembers("pipeline-it")).as("members after a close that remains in the group").isEqualTo(1);

        publishSeeds(); // published again while the app is down: must not change any count
        final StreamsApp app = new StreamsApp(config, Map.of());
        try {
            app.start();
            awaitArticles(port, ids);
            Thread.sleep(2_000); // give a double count, if there were one, the time to show
            assertThat(allCounts(port)).isEqualTo(expected);
            assertThat(get(port, "/api/v1/countries/top?limit=3")).isEqualTo(top);
            assertThat(get(port, timelinePath).get("points").findValues("count").stream().mapToLong(JsonNode::asLong).sum())
                    .as("windowed counts across the restart").isEqualTo(timelineSum);

            final HttpResponse<String> posted = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/articles"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"id\": \"posted-1\", \"title\": \"Pushed\", "
                            + "\"text\": \"Norway and Chile signed a fisheries agreement on Tuesday.\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
            awaitArticles(port, List.of("posted-1"));
            assertThat(get(port, "/api/v1/articles/posted-1").get("countries").has("NO")).isTrue();
        } finally {
            // Closed as local mode closes it: the group is left at once, so the next start need not
            // wait out this member's session.
            app.close(GroupMembershipOperation.LEAVE_GROUP);
        }
        assertThat(groupMembers("pipeline-it")).as("members after a close that leaves the group").isZero();
    }

    private static int groupMembers(final String groupId) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, STACK.bootstrapServers()))) {
            return admin.describeConsumerGroups(List.of(groupId)).all().get().get(groupId).members().size();
        }
    }

    private static List<String> publishSeeds() throws IOException {
        final Path seeds = seedsDir();
        final ProducerSettings settings = new ProducerSettings(STACK.bootstrapServers(), STACK.registryUrl(),
                TopicNames.defaults().raw(), Map.of());
        final List<String> ids = new ArrayList<>();
        try (ArticlePublisher publisher = new ArticlePublisher(settings)) {
            new ArticleReader(Clock.systemUTC()).readAll(seeds).forEach(a -> {
                ids.add(a.getId());
                publisher.send(a);
            });
            assertThat(publisher.flush()).allMatch(ArticlePublisher.Published::ok);
        }
        return ids;
    }

    private static void awaitArticles(final int port, final List<String> ids) throws Exception {
        final long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        for (String id : ids) {
            while (status(port, "/api/v1/articles/" + id) != 200) {
                assertThat(System.nanoTime()).as("article %s counted within 90 s", id).isLessThan(deadline);
                Thread.sleep(200);
            }
        }
    }

    /** Every article id naming {@code country}, read page by page following nextCursor. */
    private static List<String> pagedArticleIds(final int port, final String country, final int pageSize) throws Exception {
        final List<String> seen = new ArrayList<>();
        String cursor = "";
        do {
            final JsonNode page = get(port, "/api/v1/countries/" + country + "/articles?limit=" + pageSize + "&cursor=" + cursor);
            assertThat(page.get("articles").size()).isLessThanOrEqualTo(pageSize);
            page.get("articles").forEach(a -> seen.add(a.get("id").asText()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);
        return seen;
    }

    /** What the counts must be: the sum of the {@code countries} of every article view. */
    private static Map<String, Long> countsFromArticleViews(final int port, final List<String> ids) throws Exception {
        final Map<String, Long> expected = new TreeMap<>();
        for (String id : ids) {
            get(port, "/api/v1/articles/" + id).get("countries").fields()
                    .forEachRemaining(e -> expected.merge(e.getKey(), e.getValue().asLong(), Long::sum));
        }
        return expected;
    }

    private static Map<String, Long> allCounts(final int port) throws Exception {
        final Map<String, Long> counts = new TreeMap<>();
        get(port, "/api/v1/countries/top?limit=300").forEach(row -> counts.put(row.get("country").asText(), row.get("count").asLong()));
        return counts;
    }

    private static void awaitCounts(final int port, final Map<String, Long> expected) throws Exception {
        final long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!allCounts(port).equals(expected)) {
            assertThat(System.nanoTime()).as("counts %s reached within 60 s", expected).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static JsonNode get(final int port, final String path) throws Exception {
        final HttpResponse<String> response = HTTP.send(request(port, path), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static int status(final int port, final String path) throws Exception {
        return HTTP.send(request(port, path), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static HttpRequest request(final int port, final String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30)).build();
    }

    static Path seedsDir() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("seeds"))) {
            dir = dir.getParent();
        }
        assertThat(dir).isNotNull();
        return dir.resolve("seeds");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static long changelogRetentionMs(final String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, STACK.bootstrapServers()))) {
            final ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            return Long.parseLong(admin.describeConfigs(List.of(resource)).all().get().get(resource)
                    .get(TopicConfig.RETENTION_MS_CONFIG).value());
        }
    }
}
