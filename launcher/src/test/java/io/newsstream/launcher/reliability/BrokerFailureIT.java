package io.newsstream.launcher.reliability;

import io.newsstream.launcher.TestClusters;
import io.newsstream.launcher.TestStackExtension;
import io.newsstream.producer.ArticlePublisher;
import io.newsstream.schema.RawArticle;
import io.newsstream.streams.app.StreamsApp;
import io.newsstream.streams.config.StreamsAppConfig;
import io.newsstream.streams.config.TopicNames;
import io.newsstream.streams.config.TopologyConfig;
import kafka.server.BrokerServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A broker stopped mid-stream and brought back: three brokers, every topic (ours, the internal
 * ones, the schemas topic) at replication 3 with {@code min.insync.replicas=2}; the app keeps
 * RUNNING and every article is counted exactly once.
 */
@Tag("integration")
class BrokerFailureIT {

    private static final TopicNames TOPICS = TopicNames.defaults();
    private static final int ARTICLES = Integer.getInteger("broker.articles", 900);

    @TempDir
    static Path work;

    @RegisterExtension
    static final TestStackExtension STACK = TestStackExtension.threeBrokers(TOPICS);

    @Test
    void shouldKeepRunningAndCountExactlyWhenABrokerStopsAndReturns() throws Exception {
        final List<RawArticle> corpus = Corpus.articles("broker", ARTICLES, 3L);
        final Set<String> ids = Corpus.ids(corpus);
        final StreamsAppConfig config = new StreamsAppConfig("broker-failure-it", STACK.bootstrapServers(), STACK.registryUrl(),
                work.resolve("state"), "127.0.0.1", TestClusters.freePort(), "localhost", 1, 3, "exactly_once_v2", 100, TopologyConfig.defaults(),
                Map.of());
        final int third = ARTICLES / 3;
        final int victim = STACK.cluster().brokers().keySet().iterator().next();
        final BrokerServer broker = STACK.cluster().brokers().get(victim);
        try (StreamsApp app = new StreamsApp(config, Map.of());
             ArticlePublisher publisher = Publishing.publisher(STACK.bootstrapServers(), STACK.registryUrl(), TOPICS.raw())) {
            app.start();
            Publishing.publish(publisher, corpus.subList(0, third));
            awaitRunning(app);

            broker.shutdown();
            broker.awaitShutdown();
            report("broker %d stopped", victim);
            Publishing.publish(publisher, corpus.subList(third, 2 * third));
            Thread.sleep(5_000);
            assertThat(app.isRunning()).as("RUNNING with a broker down").isTrue();

            broker.startup();
            report("broker %d started again", victim);
            Publishing.publish(publisher, corpus.subList(2 * third, ARTICLES));

            final CountsApi api = new CountsApi(app.httpPort());
            final Outputs outputs = new Outputs(STACK.bootstrapServers(), STACK.registryUrl());
            final Outputs.Tagged tagged = Awaits.taggedAndCounted(api, outputs, TOPICS.tagged(), ids, Duration.ofSeconds(180));
            Thread.sleep(3_000);
            final Outputs.Tagged settled = outputs.tagged(TOPICS.tagged());
            assertThat(settled.duplicates()).as("ids on the tagged topic more than once").isEmpty();
            assertThat(settled.occurrences().keySet()).isEqualTo(ids);
            assertThat(api.allTimeCounts()).as("all-time counts over HTTP").contains(tagged.expectedCounts());
            assertThat(outputs.latestCounts(TOPICS.counts())).isEqualTo(tagged.expectedCounts());
            awaitRunning(app);
            report("%d articles counted exactly once across 1 broker stop and restart", ARTICLES);
        }
    }

    private static void awaitRunning(final StreamsApp app) throws InterruptedException {
        final long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!app.isRunning()) {
            assertThat(System.nanoTime()).as("RUNNING within 60 s").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static void report(final String format, final Object... args) {
        System.out.printf("[BrokerFailureIT] " + format + "%n", args);
    }
}
