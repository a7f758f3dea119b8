package io.newsstream.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsstream.producer.ArticlePublisher;
import io.newsstream.producer.ProducerSettings;
import io.newsstream.schema.RawArticle;
import io.newsstream.streams.app.StreamsApp;
import io.newsstream.streams.config.StreamsAppConfig;
import io.newsstream.streams.config.TopicNames;
import io.newsstream.streams.config.TopologyConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three instances of the app with one application id on a real broker: every instance answers
 * every query with the same answer, equal to counts computed directly from the generated input;
 * with one instance stopped mid-way, queries keep answering and become exact again.
 */
@Tag("integration")
class MultiInstanceIT {

    /** Countries whose English names the tagger reads unambiguously, so the input alone gives the expected counts. */
    private static final List<String[]> COUNTRIES = List.of(
            new String[] {"AZ", "Azerbaijan"}, new String[] {"IL", "Israel"}, new String[] {"FR", "France"},
            new String[] {"JP", "Japan"}, new String[] {"BR", "Brazil"}, new String[] {"KE", "Kenya"},
            new String[] {"NO", "Norway"}, new String[] {"VN", "Vietnam"}, new String[] {"EG", "Egypt"},
            new String[] {"CL", "Chile"});
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path stateRoot;

    @RegisterExtension
    static final TestStackExtension STACK = TestStackExtension.singleNode(TopicNames.defaults(), 6);

    @Test
    void shouldGiveTheSameExactAnswersFromEveryInstanceAndSurviveLosingOne() throws Exception {
        final List<StreamsApp> apps = new ArrayList<>();
        final List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            final int port = PipelineIT.freePort();
            final StreamsAppConfig config = new StreamsAppConfig("multi-instance-it", STACK.bootstrapServers(), STACK.registryUrl(),
                    stateRoot.resolve("instance-" + i), "127.0.0.1", port, "127.0.0.1", 1, 1, "exactly_once_v2", 100,
                    TopologyConfig.defaults(), Map.of());
            final StreamsApp app = new StreamsApp(config, Map.of());
            app.start();
            apps.add(app);
            ports.add(port);
        }
        try {
            final Map<String, Long> expected = new TreeMap<>();
            final List<RawArticle> corpus = corpus(600, expected);
            publish(corpus.subList(0, 300));
            awaitEveryInstance(ports, partialExpected(corpus.subList(0, 300)));

            apps.get(2).close(); // one instance goes away mid-stream
            final List<Integer> survivors = ports.subList(0, 2);
            publish(corpus.subList(300, 600));
            final long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
            int answered = 0;
            Map<String, Long> seen;
            while (!(seen = counts(survivors.get(0))).equals(expected)) {
                assertThat(System.nanoTime()).as("counts exact again within 240 s: %s, expected %s", seen, expected).isLessThan(deadline);
                for (int port : survivors) {
                    final HttpResponse<String> top = get(port, "/api/v1/countries/top?limit=50");
                    if (top.statusCode() == 200) {
                        answered++;
                    }
                }
                Thread.sleep(250);
            }
            assertThat(answered).as("queries answered while the group rebalanced").isPositive();
            awaitEveryInstance(survivors, expected);
            for (int port : survivors) {
                for (String[] country : COUNTRIES) {
                    final JsonNode view = JSON.readTree(get(port, "/api/v1/countries/" + country[0]).body());
                    assertThat(view.get("total").asLong()).as("%s on :%d", country[0], port).isEqualTo(expected.get(country[0]));
                }
                assertThat(get(port, "/api/v1/countries/AZ/related?limit=20").body())
                        .isEqualTo(get(survivors.get(0), "/api/v1/countries/AZ/related?limit=20").body());
            }
        } finally {
            for (StreamsApp app : apps) {
                app.close();
            }
        }
    }

    /** Articles naming two distinct countries from the list, once each; expected counts summed directly. */
    private static List<RawArticle> corpus(final int n, final Map<String, Long> expected) {
        final Random random = new Random(42);
        final List<RawArticle> out = new ArrayList<>();
        // Recent event times: windowed changelogs are deleted by the broker once their records are
        // older (by wall clock) than the window retention, which would turn restores into re-initialisations.
        final Instant base = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
        for (int i = 0; i < n; i++) {
            final String[] a = COUNTRIES.get(random.nextInt(COUNTRIES.size()));
            String[] b = a;
            while (b == a) {
                b = COUNTRIES.get(random.nextInt(COUNTRIES.size()));
            }
            expected.merge(a[0], 1L, Long::sum);
            expected.merge(b[0], 1L, Long::sum);
            final Instant t = base.plus(Duration.ofMinutes(i));
            out.add(RawArticle.newBuilder().setId("gen-" + i).setTitle("Report number " + i)
                    .setBody("Delegates from " + a[1] + " arrived on Monday for talks.\n\nThe meeting with " + b[1]
                            + " lasted " + (i % 7 + 2) + " hours and ended with a statement number " + i + ".")
                    .setPublishedAt(t).setFetchedAt(t).build());
        }
        return out;
    }

    private static Map<String, Long> partialExpected(final List<RawArticle> articles) {
        final Map<String, Long> expected = new TreeMap<>();
        for (RawArticle article : articles) {
            for (String[] country : COUNTRIES) {
                if (article.getBody().contains(country[1])) {
                    expected.merge(country[0], 1L, Long::sum);
                }
            }
        }
        return expected;
    }

    private static void publish(final List<RawArticle> articles) {
        try (ArticlePublisher publisher = new ArticlePublisher(new ProducerSettings(STACK.bootstrapServers(), STACK.registryUrl(),
                TopicNames.defaults().raw(), Map.of()))) {
            articles.forEach(publisher::send);
            assertThat(publisher.flush()).allMatch(ArticlePublisher.Published::ok);
        }
    }

    private static void awaitEveryInstance(final List<Integer> ports, final Map<String, Long> expected) throws Exception {
        final long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        for (int port : ports) {
            Map<String, Long> seen;
            while (!(seen = counts(port)).equals(expected)) {
                assertThat(System.nanoTime()).as("instance :%d reaches %s, has %s", port, expected, seen).isLessThan(deadline);
                Thread.sleep(250);
            }
        }
    }

    private static Map<String, Long> counts(final int port) throws Exception {
        final HttpResponse<String> response = get(port, "/api/v1/countries/top?limit=300");
        final Map<String, Long> counts = new TreeMap<>();
        if (response.statusCode() == 200) {
            JSON.readTree(response.body()).forEach(row -> counts.put(row.get("country").asText(), row.get("count").asLong()));
        }
        return counts;
    }

    private static HttpResponse<String> get(final int port, final String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
