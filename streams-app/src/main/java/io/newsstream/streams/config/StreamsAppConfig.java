package io.newsstream.streams.config;

import io.newsstream.streams.topology.DeadLetterDeserializationHandler;
import io.newsstream.streams.topology.DeadLetterProcessingHandler;
import io.newsstream.streams.topology.DeadLetterProductionHandler;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * How one instance of the streams application runs: where Kafka and the registry are, where its
 * state lives and where it serves queries. Validated on construction; every message names the
 * setting to change.
 *
 * @param applicationId      Kafka Streams application id, shared by all instances
 * @param bootstrapServers   Kafka bootstrap servers
 * @param schemaRegistryUrl  Confluent-compatible schema registry URL
 * @param stateDir           directory for RocksDB state
 * @param httpHost           address the query API binds to
 * @param httpPort           port the query API listens on
 * @param advertisedHost     host other instances use to reach this one ({@code application.server})
 * @param streamThreads      number of stream threads
 * @param replicationFactor  replication factor of internal topics
 * @param processingGuarantee {@code exactly_once_v2} (default) or {@code at_least_once}
 * @param commitIntervalMs   commit interval
 * @param topology           what the topology computes
 * @param kafkaOverrides     extra Kafka Streams / client properties (TLS, SASL, ...), applied last
 */
public record StreamsAppConfig(String applicationId, String bootstrapServers, String schemaRegistryUrl,
                               Path stateDir, String httpHost, int httpPort, String advertisedHost,
                               int streamThreads, int replicationFactor, String processingGuarantee,
                               long commitIntervalMs, TopologyConfig topology, Map<String, String> kafkaOverrides) {

    public StreamsAppConfig {
        requireText(applicationId, "application-id");
        requireText(bootstrapServers, "bootstrap-servers");
        requireText(schemaRegistryUrl, "schema-registry-url");
        Objects.requireNonNull(stateDir, "setting 'state-dir' must be set");
        requireText(httpHost, "http-host");
        if (httpPort < 0 || httpPort > 65_535) {
            throw new IllegalArgumentException("setting 'http-port' must be between 0 and 65535, was " + httpPort);
        }
        requireText(advertisedHost, "advertised-host");
        if (streamThreads < 1) {
            throw new IllegalArgumentException("setting 'stream-threads' must be at least 1, was " + streamThreads);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("setting 'replication-factor' must be at least 1, was " + replicationFactor);
        }
        if (!StreamsConfig.EXACTLY_ONCE_V2.equals(processingGuarantee) && !StreamsConfig.AT_LEAST_ONCE.equals(processingGuarantee)) {
            throw new IllegalArgumentException("setting 'processing-guarantee' must be exactly_once_v2 or at_least_once, was "
                    + processingGuarantee);
        }
        if (commitIntervalMs < 1) {
            throw new IllegalArgumentException("setting 'commit-interval-ms' must be positive");
        }
        Objects.requireNonNull(topology, "topology");
        kafkaOverrides = Map.copyOf(Objects.requireNonNullElse(kafkaOverrides, Map.of()));
    }

    private static void requireText(final String value, final String setting) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("setting '" + setting + "' must not be empty");
        }
    }

    /** The {@code application.server} endpoint other instances forward queries to. */
    public String applicationServer() {
        return advertisedHost + ":" + httpPort;
    }

    /** The last hand-off to Kafka: everything above as Kafka Streams properties. */
    public Properties toStreamsProperties() {
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, streamThreads);
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, replicationFactor);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, processingGuarantee);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitIntervalMs);
        // A standby copy of every store on another instance keeps queries answerable while a
        // rebalance restores state; with a single instance there is nowhere to put it, and no cost.
        props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 1);
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, topology.topics().deadLetter());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class.getName());
        // The topology has no global store; this opts in to what Kafka 5.0 makes the default and
        // stops Kafka Streams warning about it at every start.
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        // Kafka Streams 4.3.1 also reads a StreamsConfig from the main consumer's settings (for
        // the partition assignor) and warns there too, "quiet" mode notwithstanding; the
        // consumer-prefixed copy reaches that one.
        props.put(StreamsConfig.mainConsumerPrefix(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG), true);
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class.getName());
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProductionHandler.class.getName());
        props.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        props.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), 8 * 1024 * 1024);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        // Window-store changelogs get retention.ms = the store's retention + this. The broker
        // deletes by record timestamp (event time) against the wall clock, the store by stream
        // time: with the default (one day) an archive of articles older than the window retention
        // would lose its windowed counts from the changelog at the next retention check, and so
        // from the store after any restore or failover. Adding "forever" (Kafka caps the sum at
        // Long.MAX_VALUE) leaves compaction alone to bound these topics: one record per window.
        props.put(StreamsConfig.WINDOW_STORE_CHANGE_LOG_ADDITIONAL_RETENTION_MS_CONFIG, Long.MAX_VALUE);
        props.putAll(kafkaOverrides);
        return props;
    }
}
