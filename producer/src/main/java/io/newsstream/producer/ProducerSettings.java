package io.newsstream.producer;

import java.util.Map;
import java.util.Objects;

/**
 * Settings of the article producer, validated on construction.
 *
 * @param bootstrapServers  Kafka bootstrap servers ({@code bootstrap.servers})
 * @param schemaRegistryUrl Confluent-compatible schema registry URL
 * @param topic             topic raw articles are published to
 * @param kafkaOverrides    extra producer properties (TLS, SASL, ...), applied last
 */
public record ProducerSettings(String bootstrapServers, String schemaRegistryUrl, String topic,
                               Map<String, String> kafkaOverrides) {

    public ProducerSettings {
        requireText(bootstrapServers, "bootstrap-servers");
        requireText(schemaRegistryUrl, "schema-registry-url");
        requireText(topic, "topic");
        kafkaOverrides = Map.copyOf(Objects.requireNonNullElse(kafkaOverrides, Map.of()));
    }

    private static void requireText(final String value, final String setting) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("setting '" + setting + "' must not be empty");
        }
    }
}
