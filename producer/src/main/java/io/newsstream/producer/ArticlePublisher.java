package io.newsstream.producer;

import io.newsstream.registry.client.SchemaRegistryClient;
import io.newsstream.registry.client.SchemaRegistryClients;
import io.newsstream.registry.serde.AvroSerde;
import io.newsstream.schema.RawArticle;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.Serde;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Publishes raw articles to Kafka as Avro in the Confluent wire format.
 *
 * <p>Idempotent producer with {@code acks=all}; the record key is the article id (Avro string) and
 * the record timestamp is the article's published-at when known, so that event time is carried
 * from the source. {@link #flush()} waits until every record sent with {@link #send} so far is
 * acknowledged; {@link #publish} is the per-record alternative for callers that answer one
 * request at a time (the HTTP handler). Thread-safe.
 */
public final class ArticlePublisher implements AutoCloseable {

    private final Producer<String, RawArticle> producer;
    private final String topic;
    private final List<Pending> pending = new ArrayList<>();

    public ArticlePublisher(final ProducerSettings settings) {
        this.topic = settings.topic();
        // Registry settings (basic auth, retry back-off) travel with the Kafka overrides, as in the streams app.
        final Map<String, Object> serdeConfig = new HashMap<>(settings.kafkaOverrides());
        serdeConfig.put("schema.registry.url", settings.schemaRegistryUrl());
        final SchemaRegistryClient registry = SchemaRegistryClients.create(settings.schemaRegistryUrl(), serdeConfig);
        final Serde<String> keys = AvroSerde.string(registry);
        keys.configure(serdeConfig, true);
        final Serde<RawArticle> values = AvroSerde.specific(RawArticle.class, registry);
        values.configure(serdeConfig, false);
        this.producer = new KafkaProducer<>(producerProperties(settings), keys.serializer(), values.serializer());
    }

    /** Publishes through {@code producer} (e.g. a {@code MockProducer} in tests); closing this closes it. */
    public ArticlePublisher(final Producer<String, RawArticle> producer, final String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    static Map<String, Object> producerProperties(final ProducerSettings settings) {
        final Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "newsstream-producer");
        props.putAll(settings.kafkaOverrides());
        return props;
    }

    /** Sends one article asynchronously; its outcome is reported by {@link #flush()}. */
    public synchronized void send(final RawArticle article) {
        pending.add(new Pending(article, producer.send(record(article))));
    }

    /** Sends one article and completes when Kafka acknowledged it (or with the error that prevented it). */
    public CompletableFuture<Published> publish(final RawArticle article) {
        final CompletableFuture<Published> done = new CompletableFuture<>();
        producer.send(record(article), (meta, error) -> done.complete(error == null
                ? new Published(article.getId(), article.getTitle(), meta.partition(), meta.offset(), null)
                : new Published(article.getId(), article.getTitle(), -1, -1, String.valueOf(error.getMessage()))));
        return done;
    }

    private ProducerRecord<String, RawArticle> record(final RawArticle article) {
        final Instant published = article.getPublishedAt();
        final Long timestamp = published == null ? null : published.toEpochMilli();
        return new ProducerRecord<>(topic, null, timestamp, article.getId(), article);
    }

    /** Waits for every pending send and returns what was acknowledged, in send order. */
    public synchronized List<Published> flush() {
        producer.flush();
        final List<Published> done = new ArrayList<>(pending.size());
        for (Pending p : pending) {
            try {
                final RecordMetadata meta = p.future().get();
                done.add(new Published(p.article().getId(), p.article().getTitle(), meta.partition(), meta.offset(), null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for acknowledgements", e);
            } catch (ExecutionException e) {
                done.add(new Published(p.article().getId(), p.article().getTitle(), -1, -1, e.getCause().getMessage()));
            }
        }
        pending.clear();
        return done;
    }

    @Override
    public void close() {
        producer.close();
    }

    /** Closes, waiting at most {@code timeout} for records still in flight (shutdown must not hang on Kafka). */
    public void close(final Duration timeout) {
        producer.close(timeout);
    }

    private record Pending(RawArticle article, Future<RecordMetadata> future) {
    }

    /** Outcome of one send: partition and offset, or the error that prevented it. */
    public record Published(String id, String title, int partition, long offset, String error) {
        public boolean ok() {
            return error == null;
        }
    }
}
