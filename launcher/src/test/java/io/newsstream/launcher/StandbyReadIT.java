package io.newsstream.launcher;

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
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the instance that owns a country cannot be reached, another instance answers from its
 * standby replica and says so: instance B advertises 127.0.0.2, where nothing listens, while it
 * keeps processing, so every query instance A would forward to B must fall back to A's standby.
 */
@Tag("integration")
class StandbyReadIT {

    private static final String[][] COUNTRIES = {{"AZ", "Azerbaijan"}, {"IL", "Israel"}, {"FR", "France"}, {"JP", "Japan"},
        {"BR", "Brazil"}, {"KE", "Kenya"}, {"NO", "Norway"}, {"CL", "Chile"}};
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path stateRoot;

    @RegisterExtension
    static final TestStackExtension STACK = TestStackExtension.singleNode(TopicNames.defaults());

    @Test
    void shouldAnswerFromAStandbyAndFlagItWhenTheOwnerCannotBeReached() throws Exception {
        final int portA = TestClusters.freePort();
        final int portB = TestClusters.freePort();
        try (StreamsApp a = app(portA, "127.0.0.1", "a"); StreamsApp b = app(portB, "127.0.0.2", "b")) {
            a.start();
            b.start();
            final Map<String, Long> expected = publish(120);

            final long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            final Map<String, Long> seen = new TreeMap<>();
            final List<String> reasons = new ArrayList<>();
            int stale = 0;
            while (true) {
                seen.clear();
                reasons.clear();
                stale = 0;
                for (String[] country : COUNTRIES) {
                    final HttpResponse<String> response = get(portA, "/api/v1/countries/" + country[0]);
                    if (response.statusCode() == 200) {
                        seen.put(country[0], JSON.readTree(response.body()).get("total").asLong());
                        stale += response.headers().firstValue("X-Newsstream-Stale").isPresent() ? 1 : 0;
                        response.headers().firstValue("X-Newsstream-Stale-Reason").ifPresent(reasons::add);
                    }
                }
                if (seen.equals(expected) && stale > 0) {
                    break;
                }
                assertThat(System.nanoTime()).as("exact answers, some from a standby, within 180 s: %s (stale %d), expected %s",
                        seen, stale, expected).isLessThan(deadline);
                Thread.sleep(500);
            }
            assertThat(stale).as("countries owned by the unreachable instance answered from a standby").isPositive();
            assertThat(reasons).hasSize(stale).allSatisfy(reason -> assertThat(reason).contains("standby"));
        }
    }

    private static StreamsApp app(final int port, final String advertised, final String name) {
        return new StreamsApp(new StreamsAppConfig("standby-read-it", STACK.bootstrapServers(), STACK.registryUrl(),
                stateRoot.resolve(name), "127.0.0.1", port, advertised, 1, 1, "exactly_once_v2", 100,
                TopologyConfig.defaults(), Map.of()), Map.of());
    }

    /** Articles each naming one country once; the expected counts, summed directly. */
    private static Map<String, Long> publish(final int n) {
        final Map<String, Long> expected = new TreeMap<>();
        final List<RawArticle> articles = new ArrayList<>();
        final Instant base = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
        for (int i = 0; i < n; i++) {
            final String[] country = COUNTRIES[i % COUNTRIES.length];
            expected.merge(country[0], 1L, Long::sum);
            final Instant t = base.plus(Duration.ofMinutes(i));
            articles.add(RawArticle.newBuilder().setId("standby-" + i).setTitle("Report " + i)
                    .setBody("Delegates from " + country[1] + " arrived on Monday for talks number " + i + ".")
                    .setPublishedAt(t).setFetchedAt(t).build());
        }
        try (ArticlePublisher publisher = new ArticlePublisher(new ProducerSettings(STACK.bootstrapServers(), STACK.registryUrl(),
                TopicNames.defaults().raw(), Map.of()))) {
            articles.forEach(publisher::send);
            assertThat(publisher.flush()).allMatch(ArticlePublisher.Published::ok);
        }
        return expected;
    }

    private static HttpResponse<String> get(final int port, final String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(40)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
