package io.newsstream.streams.app;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The Prometheus view served at {@code /metrics}: Kafka Streams' own metrics (through
 * Micrometer's Kafka Streams binder: per-thread, per-task and per-processor rates, dropped
 * records, state-store latencies, client metrics), and the JVM's memory, GC, threads and CPU.
 */
final class Metrics implements AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final KafkaStreamsMetrics streamsMetrics;
    private final JvmGcMetrics gcMetrics = new JvmGcMetrics();

    Metrics(final KafkaStreams streams) {
        this.streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gcMetrics.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
    }

    /** The Prometheus text exposition of every metric. */
    String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        streamsMetrics.close();
        gcMetrics.close();
        registry.close();
    }
}
