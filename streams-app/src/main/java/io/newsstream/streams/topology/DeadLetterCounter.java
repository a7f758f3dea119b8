package io.newsstream.streams.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

import java.util.Map;

/**
 * Counts dead letters by stage and reason: {@code kafka_newsstream_articles_dead_lettered_total{stage,reason}}
 * in the Prometheus scrape, beside the stage metrics of {@link StageMetrics}.
 *
 * <p>Why not a Kafka Streams sensor like the other stage metrics: every dead letter is made by an
 * exception handler ({@link DeadLetterProcessingHandler}, {@link DeadLetterDeserializationHandler}),
 * and handlers get no processor context, so no {@code StreamsMetrics}; and a deserialization
 * failure never reaches a processor at all. What handlers do get is the streams configuration in
 * {@code configure(Map)}, which keeps any object put into the properties (Kafka Streams passes its
 * own internal references the same way). So the application puts this counter under
 * {@link #CONFIG}, and the handlers count into the application's meter registry directly.
 * Without it (a test driver, another runner) they count nothing and still dead-letter.
 */
public final class DeadLetterCounter {

    /** The streams-config key under which the application hands the counter to the handlers. */
    public static final String CONFIG = "newsstream.dead-letter-counter";
    /** Meter name, named like the stage metrics that Micrometer's Kafka binder maps to {@code kafka_newsstream_*}. */
    public static final String METER = "kafka.newsstream.articles.dead.lettered";

    private final MeterRegistry registry;

    public DeadLetterCounter(final MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts one record sent to the dead-letter path at {@code stage} for {@code reason}. */
    public void count(final String stage, final String reason) {
        Counter.builder(METER)
                .description("Records sent to the dead-letter topic, by the stage that refused them and why")
                .tag("stage", String.valueOf(stage))
                .tag("reason", String.valueOf(reason))
                .register(registry)
                .increment();
    }

    /** The counter the application configured, else one that counts nothing (an empty composite registry is a no-op). */
    static DeadLetterCounter from(final Map<String, ?> configs) {
        return configs.get(CONFIG) instanceof DeadLetterCounter counter ? counter : new DeadLetterCounter(new CompositeMeterRegistry());
    }
}
