package io.newsstream.launcher.bench;

import io.newsstream.registry.serde.AvroSerde;
import io.newsstream.schema.RawArticle;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Publishes replayed corpus articles as the producer module does (Avro in the Confluent wire
 * format, idempotent, {@code acks=all}, lz4, linger 5 ms), either at a fixed offered rate or as
 * fast as a bound on articles in flight allows. Each send is stamped so the tracker can measure
 * end-to-end latency. The same bytes can go to any topic, which is how the raw pass-through
 * sends exactly what the pipeline gets.
 */
final class ArticleFeed implements AutoCloseable {

    /** What one send carries; {@code valueBytes} is the Avro record as the pipeline reads it. */
    record Encoded(String id, byte[] key, byte[] value, long timestamp) {
    }

    private final Corpus corpus;
    private final String run;
    private final String rawTopic;
    private final Serializer<String> keys;
    private final Serializer<RawArticle> values;
    private final KafkaProducer<byte[], byte[]> producer;
    private long next;
    private volatile long maxTimestamp;

    ArticleFeed(final Corpus corpus, final String run, final String bootstrapServers, final String registryUrl,
                final String rawTopic, final Map<String, String> kafkaOverrides) {
        this.corpus = corpus;
        this.run = run;
        this.rawTopic = rawTopic;
        final AvroSerde<String> keySerde = AvroSerde.string();
        keySerde.configure(Map.of("schema.registry.url", registryUrl), true);
        final AvroSerde<RawArticle> valueSerde = AvroSerde.specific(RawArticle.class);
        valueSerde.configure(Map.of("schema.registry.url", registryUrl), false);
        this.keys = keySerde.serializer();
        this.values = valueSerde.serializer();
        this.producer = new KafkaProducer<>(producerProperties(bootstrapServers, kafkaOverrides),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** The producer settings of {@code ArticlePublisher}, shared with the raw pass-through. */
    static Map<String, Object> producerProperties(final String bootstrapServers, final Map<String, String> overrides) {
        final Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.putAll(overrides);
        return props;
    }

    /** The next replayed article, serialized for the raw topic. */
    Encoded nextEncoded(final boolean longForm) {
        final RawArticle article = corpus.article(run, next++, longForm);
        maxTimestamp = Math.max(maxTimestamp, article.getPublishedAt().toEpochMilli());
        return new Encoded(article.getId(), keys.serialize(rawTopic, article.getId()), values.serialize(rawTopic, article),
                article.getPublishedAt().toEpochMilli());
    }

    /**
     * Sends {@code count} articles to the raw topic at {@code rate} per second (0: as fast as
     * {@code inFlight} stays below {@code maxInFlight}), registering each with {@code sends}
     * just before it is handed to the producer. Returns the value bytes sent.
     */
    long send(final int count, final double rate, final boolean longForm, final SendLog sends, final SendLog.Phase phase,
              final LongSupplier inFlight, final long maxInFlight) {
        final long start = System.nanoTime();
        final double interval = rate > 0 ? 1e9 / rate : 0;
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            if (rate > 0) {
                final long due = start + (long) (i * interval);
                for (long now = System.nanoTime(); now < due; now = System.nanoTime()) {
                    LockSupport.parkNanos(due - now);
                }
            } else {
                while (inFlight.getAsLong() >= maxInFlight) {
                    LockSupport.parkNanos(200_000);
                }
            }
            final Encoded e = nextEncoded(longForm);
            bytes += e.value().length;
            sends.sent(e.id(), phase, e.value().length);
            producer.send(new ProducerRecord<>(rawTopic, null, e.timestamp(), e.key(), e.value()));
        }
        producer.flush();
        return bytes;
    }

    /** The latest event time sent so far. */
    Instant maxEventTime() {
        return Instant.ofEpochMilli(maxTimestamp);
    }

    @Override
    public void close() {
        producer.close();
    }
}
