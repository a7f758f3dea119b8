package io.newsstream.streams.app;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsstream.streams.topology.DeadLetterCounter;
import org.apache.kafka.streams.KafkaStreams;

import java.util.ArrayList;
import java.util.List;

/**
 * The Prometheus view served at {@code /metrics}: Kafka Streams' own metrics (through
 * Micrometer's Kafka Streams binder: per-thread, per-task and per-processor rates, dropped
 * records, state-store latencies, client metrics), the stages' metrics the processors add to them
 * ({@code kafka_newsstream_*}), the dead letters counted by the exception handlers, and the JVM's
 * memory, GC, threads and CPU.
 *
 * <p>Made in two steps because the dead-letter counter has to be in the streams configuration
 * before the {@code KafkaStreams} client exists, and the binder needs the client:
 * {@link #deadLetterCounter()} first, then {@link #bind(KafkaStreams)}. The binder looks for new
 * Kafka metrics once a minute, so the stage metrics of a task appear within a minute of its start.
 */
final class Metrics implements AutoCloseable {

    /**
     * Kafka Streams names a store's tag after the store's type ({@code rocksdb-state-id},
     * {@code rocksdb-window-state-id}, {@code in-memory-suppression-state-id} ...), so one metric
     * name ({@code kafka_stream_state_put_rate}) comes with different label names, and Prometheus
     * allows one set of label names per metric: the registry silently dropped the window stores'
     * meters. Every store tag becomes {@code state_id} (store names are unique in a topology). The
     * tag count stays as it was, because Micrometer's Kafka binder skips a metric when meters of
     * the same name already carry more tags.
     */
    static final MeterFilter ONE_STORE_LABEL = new MeterFilter() {
        @Override
        public Meter.Id map(final Meter.Id id) {
            final List<Tag> tags = new ArrayList<>();
            boolean renamed = false;
            for (final Tag tag : id.getTagsAsIterable()) {
                // Micrometer's Kafka binder writes Kafka's dashes as dots: "rocksdb.window.state.id".
                final String key = tag.getKey().replace('-', '.');
                if (key.endsWith(STATE_ID_SUFFIX) && key.length() > STATE_ID_SUFFIX.length()) {
                    tags.add(Tag.of("state.id", tag.getValue()));
                    renamed = true;
                } else {
                    tags.add(tag);
                }
            }
            return renamed ? id.replaceTags(tags) : id;
        }
    };
    private static final String STATE_ID_SUFFIX = ".state.id";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final DeadLetterCounter deadLetterCounter = new DeadLetterCounter(registry);
    private final JvmGcMetrics gcMetrics = new JvmGcMetrics();
    private AutoCloseable kafkaMetrics;

    Metrics() {
        registry.config().meterFilter(ONE_STORE_LABEL);
        new JvmMemoryMetrics().bindTo(registry);
        gcMetrics.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
    }

    /** The counter the dead-letter handlers find under {@link DeadLetterCounter#CONFIG}. */
    DeadLetterCounter deadLetterCounter() {
        return deadLetterCounter;
    }

    /** Adds the client's Kafka Streams metrics, the stage metrics among them. */
    void bind(final KafkaStreams streams) {
        bind(new KafkaStreamsMetrics(streams));
    }

    /** Adds a Micrometer Kafka binder (tests give one over a test driver's metrics); closed with this. */
    <B extends MeterBinder & AutoCloseable> void bind(final B binder) {
        binder.bindTo(registry);
        kafkaMetrics = binder;
    }

    /** The Prometheus text exposition of every metric. */
    String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        if (kafkaMetrics != null) {
            try {
                kafkaMetrics.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing the Kafka metrics binder failed", e);
            }
        }
        gcMetrics.close();
        registry.close();
    }
}
