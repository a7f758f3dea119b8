package io.newsstream.streams.app;

import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.newsstream.registry.client.SchemaRegistryClients;
import io.newsstream.schema.RawArticle;
import io.newsstream.streams.config.TopicNames;
import io.newsstream.streams.config.TopologyConfig;
import io.newsstream.streams.topology.DeadLetterCounter;
import io.newsstream.streams.topology.DeadLetterDeserializationHandler;
import io.newsstream.streams.topology.DeadLetterProcessingHandler;
import io.newsstream.streams.topology.NewsSerdes;
import io.newsstream.streams.topology.NewsTopology;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code /metrics} shows of the application's own metrics. The stage metrics are recorded by
 * the real topology in a test driver; Micrometer's Kafka binder then maps them exactly as it maps
 * a running client's ({@code KafkaStreamsMetrics} and {@code KafkaClientMetrics} share that code
 * and differ only in where the metrics come from, here the driver's, handed over in a
 * {@code MockProducer}, the one Kafka client that takes metrics from outside).
 */
class MetricsScrapeTest {

    private static final TopicNames TOPICS = TopicNames.defaults();
    private static final Instant MAY_28 = Instant.parse("2023-05-28T12:00:00Z");

    private final Metrics metrics = new Metrics();
    private String scope;
    private TopologyTestDriver driver;

    @BeforeEach
    void setUp() {
        scope = "scrape-test-" + UUID.randomUUID();
        final NewsSerdes serdes = new NewsSerdes("mock://" + scope, Map.of());
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "newsstream-scrape-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, TOPICS.deadLetter());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class.getName());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class.getName());
        props.put(DeadLetterCounter.CONFIG, metrics.deadLetterCounter());
        driver = new TopologyTestDriver(NewsTopology.build(TopologyConfig.defaults(), serdes), props);
        final TestInputTopic<String, RawArticle> raw = driver.createInputTopic(TOPICS.raw(), serdes.key().serializer(),
                serdes.raw().serializer());
        raw.pipeInput(new TestRecord<>("a1", article("a1", "Azerbaijan and Israel signed a deal.\n\nShare this article"), MAY_28));
        raw.pipeInput(new TestRecord<>("empty", article("empty", " "), MAY_28));
    }

    @AfterEach
    void tearDown() {
        metrics.close();
        driver.close();
        SchemaRegistryClients.dropScope(scope);
    }

    @Test
    void shouldShowTheStageMetricsAndDeadLettersInThePrometheusScrape() {
        final List<String> lines = scrapeDriverMetrics().filter(l -> l.contains("newsstream")).toList();

        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("kafka_newsstream_articles_cleaned_total{").endsWith(" 1.0"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("kafka_newsstream_articles_tagged_total{").endsWith(" 1.0"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("kafka_newsstream_articles_cleaned_rate{"));
        assertThat(lines).contains("kafka_newsstream_articles_dead_lettered_total{reason=\"EMPTY\",stage=\"clean\"} 1.0");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("kafka_newsstream_removed_chars_total{").contains("rule=\""));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("kafka_newsstream_stage_latency_avg{").contains("stage=\"clean\""));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("kafka_newsstream_stage_latency_max{").contains("stage=\"tag\""));
        assertThat(lines).filteredOn(l -> l.startsWith("kafka_newsstream_articles_cleaned_total{"))
                .allSatisfy(l -> assertThat(l).contains("thread_id=\""));
    }

    /** The scrape once the test driver's Kafka metrics are bound, as the app binds its client's. */
    private Stream<String> scrapeDriverMetrics() {
        final MockProducer<byte[], byte[]> metricsHolder = new MockProducer<>();
        driver.metrics().forEach(metricsHolder::setMockMetrics);
        metrics.bind(new KafkaClientMetrics(metricsHolder));
        return metrics.scrape().lines();
    }

    private static RawArticle article(final String id, final String body) {
        return RawArticle.newBuilder().setId(id).setTitle("Test article").setBody(body).setPublishedAt(MAY_28)
                .setFetchedAt(MAY_28).build();
    }

    @Test
    void shouldShowTheStateMetricsOfKeyValueAndWindowStoresAlike() {
        // Kafka Streams tags key-value stores "rocksdb-state-id" and window stores
        // "rocksdb-window-state-id"; under one metric name Prometheus used to drop the latter.
        final List<String> puts = scrapeDriverMetrics().filter(l -> l.startsWith("kafka_stream_state_put_rate{")).toList();
        assertThat(puts).anySatisfy(l -> assertThat(l).contains("state_id=\"country-counts\""));
        assertThat(puts).anySatisfy(l -> assertThat(l).contains("state_id=\"country-counts-hourly\""));
        assertThat(puts).anySatisfy(l -> assertThat(l).contains("state_id=\"co-mentions-daily\""));
        assertThat(puts).noneSatisfy(l -> assertThat(l).contains("rocksdb_"));
    }
}
