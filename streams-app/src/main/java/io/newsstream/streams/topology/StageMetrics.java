package io.newsstream.streams.topology;

import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.Avg;
import org.apache.kafka.common.metrics.stats.CumulativeCount;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.apache.kafka.common.metrics.stats.Max;
import org.apache.kafka.common.metrics.stats.Rate;
import org.apache.kafka.common.metrics.stats.WindowedCount;
import org.apache.kafka.streams.StreamsMetrics;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The stages' own metrics, made through Kafka Streams' custom-metrics API
 * ({@link StreamsMetrics#addSensor}), so they live where Kafka Streams' metrics live:
 * {@code KafkaStreams#metrics()}, JMX, {@code TopologyTestDriver#metrics()}, and {@code /metrics},
 * where Micrometer's Kafka Streams binder names each {@code kafka.<group without "-metrics">.<name>}
 * with the tags as labels. In group {@value #GROUP}, so in the Prometheus scrape:
 * <ul>
 *   <li>{@code kafka_newsstream_articles_cleaned_total}, {@code _rate}: articles the clean stage passed on</li>
 *   <li>{@code kafka_newsstream_articles_tagged_total}, {@code _rate}: articles the tag stage passed on</li>
 *   <li>{@code kafka_newsstream_removed_chars_total{rule}}: characters each cleaning rule removed</li>
 *   <li>{@code kafka_newsstream_stage_latency_avg{stage}}, {@code _max}: milliseconds per article in a
 *       stage (clean, tag), refused articles included, over Kafka's sample window</li>
 * </ul>
 * each also labelled {@code thread_id}. Dead letters are counted by {@link DeadLetterCounter}.
 *
 * <p>Sensors are per stream thread, like Kafka Streams' own thread-level metrics: every task of a
 * thread finds the same sensor by name and records into it. So a processor never removes them
 * when its task closes (the thread's other tasks still record); they last as long as the client.
 * Every metric of one name carries the same tag keys, which Prometheus requires.
 */
final class StageMetrics {

    /** The metric group of every newsstream stage metric. */
    static final String GROUP = "newsstream-metrics";
    static final String THREAD_ID = "thread-id";

    private final StreamsMetrics metrics;
    private final String threadId;
    private final Map<String, Sensor> removedChars = new HashMap<>();

    /** Call from a processor's {@code init}, which runs on the stream thread the sensors belong to. */
    StageMetrics(final StreamsMetrics metrics) {
        this.metrics = metrics;
        this.threadId = Thread.currentThread().getName();
    }

    /** {@code articles-<verb>-total} and {@code -rate}: one per article a stage passed on. */
    Sensor articles(final String verb) {
        final String name = "articles-" + verb;
        final Sensor sensor = metrics.addSensor(sensorName(name), Sensor.RecordingLevel.INFO);
        final Map<String, String> tags = tags();
        sensor.add(metricName(name + "-total", "Articles " + verb + " since the thread started", tags), new CumulativeCount());
        sensor.add(metricName(name + "-rate", "Articles " + verb + " per second", tags),
                new Rate(TimeUnit.SECONDS, new WindowedCount()));
        return sensor;
    }

    /** {@code stage-latency-avg} and {@code -max} of a stage, in milliseconds. */
    Sensor latency(final String stage) {
        final Sensor sensor = metrics.addSensor(sensorName("stage-latency." + stage), Sensor.RecordingLevel.INFO);
        final Map<String, String> tags = tags();
        tags.put("stage", stage);
        sensor.add(metricName("stage-latency-avg", "Average milliseconds per article in the stage", tags), new Avg());
        sensor.add(metricName("stage-latency-max", "Maximum milliseconds per article in the stage", tags), new Max());
        return sensor;
    }

    /** Records the characters one cleaning rule removed from one article ({@code removed-chars-total{rule}}). */
    void recordRemovedChars(final String rule, final int chars) {
        removedChars.computeIfAbsent(rule, this::removedCharsSensor).record(chars);
    }

    private Sensor removedCharsSensor(final String rule) {
        final Sensor sensor = metrics.addSensor(sensorName("removed-chars." + rule), Sensor.RecordingLevel.INFO);
        final Map<String, String> tags = tags();
        tags.put("rule", rule);
        sensor.add(metricName("removed-chars-total", "Characters removed by the cleaning rule", tags), new CumulativeSum());
        return sensor;
    }

    /** Milliseconds since {@code startNanos}, with sub-millisecond precision. */
    static double millisSince(final long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000.0;
    }

    // Kafka Streams' own sensors are named "internal.<thread>..." and "external.<thread>...".
    private String sensorName(final String name) {
        return "newsstream." + threadId + "." + name;
    }

    private Map<String, String> tags() {
        final Map<String, String> tags = new LinkedHashMap<>();
        tags.put(THREAD_ID, threadId);
        return tags;
    }

    private static MetricName metricName(final String name, final String description, final Map<String, String> tags) {
        return new MetricName(name, GROUP, description, tags);
    }
}
