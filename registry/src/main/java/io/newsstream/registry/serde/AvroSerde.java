package io.newsstream.registry.serde;

import io.newsstream.registry.client.SchemaRegistryClient;
import io.newsstream.registry.client.SchemaRegistryClients;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde for a generated Avro record class or for Avro {@code string} keys, interoperable with
 * Confluent's {@code SpecificAvroSerde} / {@code KafkaAvroSerializer}. Configure with
 * {@code schema.registry.url} (http(s) URLs or {@code mock://scope}) unless built with a client;
 * its serializer and deserializer then share one client.
 */
public final class AvroSerde<T> implements Serde<T> {

    private final AvroSerializer<T> serializer;
    private final AvroDeserializer<T> deserializer;
    private final boolean hasClient;
    private SchemaRegistryClient ownedClient;

    /** @param type a generated SpecificRecord class, or String.class */
    public AvroSerde(Class<T> type) {
        this.serializer = new AvroSerializer<>();
        this.deserializer = new AvroDeserializer<>(type);
        this.hasClient = false;
    }

    public AvroSerde(Class<T> type, SchemaRegistryClient client) {
        this.serializer = new AvroSerializer<>(client);
        this.deserializer = new AvroDeserializer<>(type, client);
        this.hasClient = true;
    }

    public static <T extends SpecificRecord> AvroSerde<T> specific(Class<T> type) {
        return new AvroSerde<>(type);
    }

    public static <T extends SpecificRecord> AvroSerde<T> specific(Class<T> type, SchemaRegistryClient client) {
        return new AvroSerde<>(type, client);
    }

    /** Avro {@code "string"}, as Confluent's serializer writes a Java String. */
    public static AvroSerde<String> string() {
        return new AvroSerde<>(String.class);
    }

    public static AvroSerde<String> string(SchemaRegistryClient client) {
        return new AvroSerde<>(String.class, client);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        SchemaRegistryClient shared = null;
        if (!hasClient && ownedClient == null) {
            ownedClient = SchemaRegistryClients.create(AvroSerdeConfig.from(configs).requireUrl(), configs);
            shared = ownedClient;
        }
        serializer.configure(configs, isKey, shared);
        deserializer.configure(configs, isKey, shared);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }

    @Override
    public void close() {
        serializer.close();
        deserializer.close();
        if (ownedClient != null) {
            ownedClient.close();
        }
    }
}
