package io.newsstream.launcher.reliability;

import io.newsstream.registry.serde.AvroSerde;
import io.newsstream.schema.CountryCount;
import io.newsstream.schema.TaggedArticle;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serde;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Reads what the application committed (isolation {@code read_committed}) from its output topics,
 * from the beginning, with plain consumers: the tagged articles and the latest all-time count per
 * country on the compacted counts topic.
 */
final class Outputs {

    private final String bootstrap;
    private final String registryUrl;

    Outputs(final String bootstrap, final String registryUrl) {
        this.bootstrap = bootstrap;
        this.registryUrl = registryUrl;
    }

    /** Every committed tagged article: how often each id occurs and the countries it counted. */
    Tagged tagged(final String topic) {
        final Map<String, Integer> occurrences = new TreeMap<>();
        final Map<String, Long> expectedCounts = new TreeMap<>();
        readAll(topic, TaggedArticle.class, record -> {
            occurrences.merge(record.key(), 1, Integer::sum);
            record.value().getCountries().forEach((country, n) -> expectedCounts.merge(country, n.longValue(), Long::sum));
        });
        return new Tagged(occurrences, expectedCounts);
    }

    /** How often each key occurs among the committed records of {@code topic}, values read as {@code type}. */
    <V extends org.apache.avro.specific.SpecificRecord> Map<String, Integer> keyOccurrences(final String topic,
                                                                                              final Class<V> type) {
        final Map<String, Integer> occurrences = new TreeMap<>();
        readAll(topic, type, record -> occurrences.merge(record.key(), 1, Integer::sum));
        return occurrences;
    }

    /** The latest committed count per country on the compacted counts topic. */
    Map<String, Long> latestCounts(final String topic) {
        final Map<String, Long> latest = new TreeMap<>();
        readAll(topic, CountryCount.class, record -> latest.put(record.key(), record.value().getCount()));
        return latest;
    }

    private <V extends org.apache.avro.specific.SpecificRecord> void readAll(
            final String topic, final Class<V> type, final Consumer<ConsumerRecord<String, V>> sink) {
        final Map<String, Object> serdeConfig = Map.of("schema.registry.url", registryUrl);
        try (Serde<String> keys = AvroSerde.string(); Serde<V> values = AvroSerde.specific(type)) {
            keys.configure(serdeConfig, true);
            values.configure(serdeConfig, false);
            try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(consumerConfig(), keys.deserializer(),
                    values.deserializer())) {
                final List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                final Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                // Under read_committed the end offset may sit past a final transaction marker,
                // so "caught up" is: at the end, or no record for a few polls in a row.
                int idle = 0;
                while (!caughtUp(consumer, end) && idle < 5) {
                    final var records = consumer.poll(Duration.ofMillis(500));
                    idle = records.isEmpty() ? idle + 1 : 0;
                    records.forEach(sink);
                }
            }
        }
    }

    private static boolean caughtUp(final KafkaConsumer<?, ?> consumer, final Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private Map<String, Object> consumerConfig() {
        final Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        return config;
    }

    /**
     * The committed tagged articles.
     *
     * @param occurrences    per article id, how many times it was published to the tagged topic
     * @param expectedCounts per country, the sum of the country mentions of those articles: what
     *                       the all-time counts must be when each article counted once
     */
    record Tagged(Map<String, Integer> occurrences, Map<String, Long> expectedCounts) {

        Map<String, Integer> duplicates() {
            final Map<String, Integer> out = new TreeMap<>();
            occurrences.forEach((id, n) -> {
                if (n > 1) {
                    out.put(id, n);
                }
            });
            return out;
        }
    }
}
