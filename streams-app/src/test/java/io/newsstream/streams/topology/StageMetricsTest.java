package io.newsstream.streams.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsstream.registry.client.SchemaRegistryClients;
import io.newsstream.schema.CleanedArticle;
import io.newsstream.schema.RawArticle;
import io.newsstream.streams.config.TopicNames;
import io.newsstream.streams.config.TopologyConfig;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stage metrics ({@link StageMetrics}) as the topology records them, read back from the test
 * driver's Kafka metrics, and the dead letters as the handlers count them ({@link DeadLetterCounter}).
 */
class StageMetricsTest {

    private static final TopicNames TOPICS = TopicNames.defaults();
    private static final Instant MAY_28 = Instant.parse("2023-05-28T12:00:00Z");

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private String scope;
    private NewsSerdes serdes;
    private TopologyTestDriver driver;
    private TestInputTopic<String, RawArticle> raw;

    @BeforeEach
    void setUp() {
        scope = "stage-metrics-test-" + UUID.randomUUID();
        serdes = new NewsSerdes("mock://" + scope, Map.of());
        final Properties props = NewsTopologyTest.driverProperties();
        props.put(DeadLetterCounter.CONFIG, new DeadLetterCounter(meters));
        driver = new TopologyTestDriver(NewsTopology.build(TopologyConfig.defaults(), serdes), props);
        raw = driver.createInputTopic(TOPICS.raw(), serdes.key().serializer(), serdes.raw().serializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
        SchemaRegistryClients.dropScope(scope);
        meters.close();
    }

    @Test
    void shouldCountTheArticlesEachStagePassedOn() {
        raw.pipeInput(new TestRecord<>("a1", article("a1", "Azerbaijan and Israel signed a deal."), MAY_28));
        raw.pipeInput(new TestRecord<>("a2", article("a2", "Armenia held elections on Sunday."), MAY_28));
        raw.pipeInput(new TestRecord<>("empty", article("empty", "  \n "), MAY_28));

        assertThat(metric("articles-cleaned-total", Map.of())).isEqualTo(2.0);
        assertThat(metric("articles-tagged-total", Map.of())).isEqualTo(2.0);
    }

    @Test
    void shouldCountDeadLettersByStageAndReason() {
        raw.pipeInput(new TestRecord<>("empty-1", article("empty-1", "   "), MAY_28));
        raw.pipeInput(new TestRecord<>("empty-2", article("empty-2", "\n\n"), MAY_28));
        raw.pipeInput(new TestRecord<>("big", article("big", "Azerbaijan. ".repeat(200_000)), MAY_28));
        final TestInputTopic<String, byte[]> garbage = driver.createInputTopic(TOPICS.raw(), new StringSerializer(),
                new ByteArraySerializer());
        garbage.pipeInput("bad", "not avro at all".getBytes(StandardCharsets.UTF_8));
        raw.pipeInput(new TestRecord<>("good", article("good", "Azerbaijan."), MAY_28));

        assertThat(deadLetters("clean", "EMPTY")).isEqualTo(2.0);
        assertThat(deadLetters("clean", "TOO_LARGE")).isEqualTo(1.0);
        assertThat(deadLetters("deserialize", "DESERIALIZATION_ERROR")).isEqualTo(1.0);
        assertThat(meters.get(DeadLetterCounter.METER).counters()).hasSize(3);
        assertThat(metric("articles-cleaned-total", Map.of())).isEqualTo(1.0);
    }

    @Test
    void shouldSumTheCharactersEachCleaningRuleRemoved() throws IOException {
        for (Path file : NewsTopologyTest.seedFiles()) {
            final String id = file.getFileName().toString().replace(".txt", "");
            raw.pipeInput(new TestRecord<>(id, RawArticle.newBuilder().setId(id).setBody(Files.readString(file))
                    .setFetchedAt(MAY_28).build(), MAY_28));
        }

        final Map<String, Double> expected = new TreeMap<>();
        driver.createOutputTopic(TOPICS.cleaned(), serdes.key().deserializer(), serdes.cleaned().deserializer())
                .readValuesToList().stream()
                .map(CleanedArticle::getRemovals)
                .forEach(removals -> removals.forEach(r -> expected.merge(r.getRule(), (double) r.getChars(), Double::sum)));
        assertThat(expected).as("the seeds exercise several rules").hasSizeGreaterThan(2);
        final Map<String, Double> recorded = new TreeMap<>();
        driver.metrics().forEach((name, metric) -> {
            if (name.group().equals(StageMetrics.GROUP) && name.name().equals("removed-chars-total")) {
                recorded.merge(name.tags().get("rule"), value(metric), Double::sum);
            }
        });
        assertThat(recorded).isEqualTo(expected);
    }

    @Test
    void shouldRecordTheLatencyOfTheCleanAndTagStages() {
        raw.pipeInput(new TestRecord<>("a1", article("a1", "Officials in Azerbaijan welcomed the Israeli delegation."), MAY_28));

        for (String stage : new String[] {CleanProcessor.STAGE, TagProcessor.STAGE}) {
            final double avg = metric("stage-latency-avg", Map.of("stage", stage));
            final double max = metric("stage-latency-max", Map.of("stage", stage));
            assertThat(avg).as(stage + " average").isPositive();
            assertThat(max).as(stage + " maximum").isGreaterThanOrEqualTo(avg);
        }
    }

    @Test
    void shouldTagEveryStageMetricWithItsThread() {
        raw.pipeInput(new TestRecord<>("a1", article("a1", "Azerbaijan."), MAY_28));

        assertThat(driver.metrics().keySet().stream().filter(n -> n.group().equals(StageMetrics.GROUP)))
                .isNotEmpty()
                .allSatisfy(n -> assertThat(n.tags()).containsKey(StageMetrics.THREAD_ID));
    }

    /** The sum over every metric of this name in the stage group whose tags include {@code tags}. */
    private double metric(final String name, final Map<String, String> tags) {
        return driver.metrics().entrySet().stream()
                .filter(e -> e.getKey().group().equals(StageMetrics.GROUP) && e.getKey().name().equals(name)
                        && e.getKey().tags().entrySet().containsAll(tags.entrySet()))
                .mapToDouble(e -> value(e.getValue()))
                .sum();
    }

    private double deadLetters(final String stage, final String reason) {
        final Counter counter = meters.find(DeadLetterCounter.METER).tags("stage", stage, "reason", reason).counter();
        return counter == null ? 0.0 : counter.count();
    }

    private static double value(final Metric metric) {
        return ((Number) metric.metricValue()).doubleValue();
    }

    private static RawArticle article(final String id, final String body) {
        return RawArticle.newBuilder().setId(id).setTitle("Test article").setBody(body).setPublishedAt(MAY_28)
                .setFetchedAt(MAY_28).build();
    }
}
