package io.newsstream.launcher.bench;

import io.newsstream.registry.serde.AvroSerde;
import io.newsstream.streams.config.TopicNames;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.errors.WakeupException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches the pipeline's outputs with a {@code read_committed} consumer, so only what the
 * exactly-once transactions committed counts: an article is <em>visible</em> when its record on
 * {@code news.articles.tagged} is committed (the article view in the store is written in the same
 * transaction); a dead-lettered article closes its send too. Updates on
 * {@code news.country-counts} are timed, so the end of a run is the last committed count.
 */
final class Tracker implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Deserializer<String> keys;
    private final SendLog sends;
    private final TopicNames topics;
    private final Thread thread;
    private final AtomicLong countUpdates = new AtomicLong();
    private final AtomicLong unreadable = new AtomicLong();
    private volatile long lastCountNanos;
    private volatile boolean running = true;

    Tracker(final String bootstrapServers, final String registryUrl, final Map<String, String> overrides,
            final TopicNames topics, final SendLog sends) {
        final Map<String, Object> props = new HashMap<>(overrides);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        final AvroSerde<String> keySerde = AvroSerde.string();
        keySerde.configure(Map.of("schema.registry.url", registryUrl), true);
        this.keys = keySerde.deserializer();
        this.sends = sends;
        this.topics = topics;
        final List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(topics.tagged(), topics.deadLetter(), topics.counts())) {
            for (PartitionInfo p : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topic, p.partition()));
            }
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        this.thread = new Thread(this::run, "bench-tracker");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(50))) {
                    final long now = System.nanoTime();
                    if (r.topic().equals(topics.tagged())) {
                        visible(r, now);
                    } else if (r.topic().equals(topics.counts())) {
                        lastCountNanos = now;
                        countUpdates.incrementAndGet();
                    } else if (r.key() != null) {
                        deadLettered(r);
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        }
    }

    /** A record the tracker cannot read must not stop it (a dead tracker looks like a stalled pipeline). */
    private void visible(final ConsumerRecord<byte[], byte[]> r, final long now) {
        try {
            sends.visible(keys.deserialize(r.topic(), r.key()), now);
        } catch (RuntimeException e) {
            if (unreadable.getAndIncrement() == 0) {
                System.err.println("bench tracker: unreadable record on " + r.topic() + ": " + e);
            }
        }
    }

    private void deadLettered(final ConsumerRecord<byte[], byte[]> r) {
        try {
            sends.deadLettered(keys.deserialize(r.topic(), r.key()));
        } catch (RuntimeException e) {
            // not one of ours (or not an Avro key): nothing to close
        }
    }

    long lastCountNanos() {
        return lastCountNanos;
    }

    long countUpdates() {
        return countUpdates.get();
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close();
    }
}
