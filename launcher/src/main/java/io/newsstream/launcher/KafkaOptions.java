package io.newsstream.launcher;

import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;

/** Connection settings shared by the commands that talk to an external Kafka cluster. */
final class KafkaOptions {

    @Option(names = "--bootstrap-servers", defaultValue = "localhost:9092",
            description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}; env NEWSSTREAM_BOOTSTRAP_SERVERS)")
    String bootstrapServers;

    @Option(names = "--schema-registry-url", defaultValue = "http://localhost:8081",
            description = "Confluent-compatible schema registry URL (default: ${DEFAULT-VALUE}; env NEWSSTREAM_SCHEMA_REGISTRY_URL)")
    String schemaRegistryUrl;

    @Option(names = "--kafka-property", split = EnvironmentDefaults.ONE_PER_LINE, hideParamSyntax = true, paramLabel = "KEY=VALUE",
            description = "Extra Kafka client property, e.g. security.protocol=SASL_SSL (repeatable)")
    Map<String, String> kafkaProperties = new LinkedHashMap<>();
}
