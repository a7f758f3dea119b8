package io.newsstream.streams.app;

import io.javalin.http.sse.SseClient;
import io.newsstream.schema.CountryCount;
import io.newsstream.streams.query.ApiViews;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pushes count changes to server-sent-event clients ({@code GET /api/v1/stream}). Each instance
 * tails every partition of the compacted all-time counts topic (committed records only, no
 * consumer group), so a client connected to any instance sees every country's changes.
 */
final class CountUpdates implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CountUpdates.class);

    private final KafkaConsumer<String, CountryCount> consumer;
    private final String topic;
    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    private final Thread thread;

    CountUpdates(final Map<String, Object> kafkaConfig, final String topic, final Deserializer<String> keys,
                 final Deserializer<CountryCount> values) {
        final Properties props = new Properties();
        props.putAll(kafkaConfig);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "newsstream-count-updates");
        this.consumer = new KafkaConsumer<>(props, keys, values);
        this.topic = topic;
        this.thread = new Thread(this::run, "count-updates");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Registers an SSE client until it disconnects. */
    void subscribe(final SseClient client) {
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        clients.add(client);
        client.sendComment("connected");
    }

    private void run() {
        try {
            final List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            long lastPing = System.nanoTime();
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, CountryCount> record : consumer.poll(Duration.ofSeconds(1))) {
                    if (record.value() != null) {
                        broadcast(record.value());
                    }
                }
                if (System.nanoTime() - lastPing > Duration.ofSeconds(15).toNanos()) {
                    clients.forEach(c -> c.sendComment("ping"));
                    lastPing = System.nanoTime();
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.warn("live count updates stopped: {}", e.getMessage());
        } finally {
            consumer.close();
        }
    }

    private void broadcast(final CountryCount count) {
        final ApiViews.CountryCountView view = new ApiViews.CountryCountView(count.getCountry(), count.getName(), count.getCount());
        for (SseClient client : clients) {
            client.sendEvent("count", view);
        }
    }

    @Override
    public void close() {
        consumer.wakeup();
        clients.forEach(SseClient::close);
    }
}
