package io.newsstream.launcher.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;

/**
 * The broker's own limit: the same article bytes the pipeline gets (same generator, same sizes),
 * produced with the same producer settings to a topic with the same partitions and consumed by a
 * plain consumer, timed from the first send to the last record consumed.
 */
final class RawPassThrough {

    static final String TOPIC = "bench.passthrough";

    /** Articles, seconds and bytes of one pass. */
    record Result(long articles, double seconds, long bytes) {
        double articlesPerSecond() {
            return articles / seconds;
        }

        double mbPerSecond() {
            return bytes / 1e6 / seconds;
        }
    }

    private RawPassThrough() {
    }

    static Result run(final Admin admin, final ArticleFeed generator, final String bootstrapServers,
                      final Map<String, String> overrides, final int partitions, final int articles)
            throws InterruptedException, ExecutionException {
        admin.createTopics(List.of(new NewTopic(TOPIC, partitions, (short) 1))).all().get();
        final Map<String, Object> consumerProps = new HashMap<>(overrides);
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        consumerProps.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                ArticleFeed.producerProperties(bootstrapServers, overrides), new ByteArraySerializer(), new ByteArraySerializer());
             KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProps, new ByteArrayDeserializer(),
                     new ByteArrayDeserializer())) {
            final List<TopicPartition> assigned = IntStream.range(0, partitions).mapToObj(p -> new TopicPartition(TOPIC, p)).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            consumer.poll(Duration.ZERO);
            final Thread sender = new Thread(() -> {
                for (int i = 0; i < articles; i++) {
                    final ArticleFeed.Encoded e = generator.nextEncoded(false);
                    producer.send(new ProducerRecord<>(TOPIC, null, e.timestamp(), e.key(), e.value()));
                }
                producer.flush();
            }, "bench-raw-sender");
            final long start = System.nanoTime();
            sender.start();
            long received = 0;
            long bytes = 0;
            long lastProgress = System.nanoTime();
            while (received < articles && System.nanoTime() - lastProgress < 60_000_000_000L) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(50))) {
                    received++;
                    bytes += r.value().length;
                    lastProgress = System.nanoTime();
                }
            }
            final double seconds = (System.nanoTime() - start) / 1e9;
            sender.join();
            return new Result(received, seconds, bytes);
        }
    }
}
