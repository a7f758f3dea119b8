package io.newsstream.launcher;

import io.newsstream.streams.topology.DeadLetters;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code newsstream redrive}: sends dead-lettered records back to the topic they came from, once
 * whatever made them fail has been fixed (a cleaner rule, a schema, a bug). The original key and
 * value bytes go back unchanged, with a {@code newsstream.redriven-from} header. Progress is kept
 * as the consumer group's committed offsets, so each dead letter is re-driven once; the run stops
 * at the end of the topic as it was when the run began.
 */
@Command(name = "redrive", mixinStandardHelpOptions = true,
        description = "Re-publish dead-lettered records to their source topic (after a fix).")
final class RedriveCommand implements Callable<Integer> {

    static final String REDRIVEN_FROM = "newsstream.redriven-from";

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--dead-letter-topic", defaultValue = "news.dead-letter", description = "Default: ${DEFAULT-VALUE}")
    String deadLetterTopic;

    @Option(names = "--stage", description = "Only records that failed at this stage (clean, deserialize, ...)")
    String stage;

    @Option(names = "--group", defaultValue = "newsstream-redrive", description = "Consumer group keeping progress (default: ${DEFAULT-VALUE})")
    String group;

    @Option(names = "--dry-run", description = "Print what would be re-driven; send and commit nothing")
    boolean dryRun;

    @Override
    public Integer call() {
        final Map<String, Object> common = new HashMap<>(kafka.kafkaProperties);
        common.put("bootstrap.servers", kafka.bootstrapServers);
        final Map<String, Object> consumerConfig = new HashMap<>(common);
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        final Map<String, Object> producerConfig = new HashMap<>(common);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        int redriven = 0;
        int skipped = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer())) {
            final List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(deadLetterTopic, p.partition())).toList();
            consumer.assign(partitions);
            final Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    final String source = header(record, DeadLetters.TOPIC);
                    if (source == null || stage != null && !stage.equals(header(record, DeadLetters.STAGE))) {
                        skipped++;
                        continue;
                    }
                    System.out.printf("%s %s/%d@%d -> %s (%s: %s)%n", dryRun ? "would re-drive" : "re-driving", record.topic(),
                            record.partition(), record.offset(), source, header(record, DeadLetters.STAGE), header(record, DeadLetters.REASON));
                    if (!dryRun) {
                        final ProducerRecord<byte[], byte[]> out = new ProducerRecord<>(source, null, record.timestamp(), record.key(), record.value());
                        out.headers().add(REDRIVEN_FROM, (record.topic() + "/" + record.partition() + "@" + record.offset())
                                .getBytes(StandardCharsets.UTF_8));
                        producer.send(out);
                    }
                    redriven++;
                }
            }
            if (!dryRun) {
                producer.flush(); // acknowledged before progress is committed: a crash re-drives, never loses
                consumer.commitSync();
            }
        }
        System.out.printf("%d %s, %d skipped%n", redriven, dryRun ? "would be re-driven" : "re-driven", skipped);
        return 0;
    }

    private static String header(final ConsumerRecord<byte[], byte[]> record, final String name) {
        final Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
