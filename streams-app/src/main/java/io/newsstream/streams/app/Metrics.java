package io.newsstream.streams.app;

import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsstream.streams.topology.DeadLetterCounter;
import org.apache.kafka.streams.KafkaStreams;

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

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final DeadLetterCounter deadLetterCounter = new DeadLetterCounter(registry);
    private final JvmGcMetrics gcMetrics = new JvmGcMetrics();
    private AutoCloseable kafkaMetrics;

    Metrics() {
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
