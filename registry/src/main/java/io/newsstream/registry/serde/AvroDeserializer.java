package io.newsstream.registry.serde;

import io.newsstream.registry.client.SchemaRegistryClient;
import io.newsstream.registry.client.SchemaRegistryClients;
import io.newsstream.registry.client.SchemaRegistryException;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent wire-format records into {@code T}, a generated {@link SpecificRecord} class
 * or {@code String}. The writer schema is fetched by id once and resolved against T's schema
 * (Avro schema resolution), so records written by Confluent's serializer with an older or newer
 * compatible schema read fine. Null stays null. Thread-safe.
 */
public final class AvroDeserializer<T> implements Deserializer<T> {

    private final Class<T> type;
    private final Schema readerSchema;
    private final GenericData model;
    private final Map<Integer, Resolved> readers = new ConcurrentHashMap<>();
    private final ThreadLocal<DecodeBuffer> buffers = ThreadLocal.withInitial(DecodeBuffer::new);
    private SchemaRegistryClient client;
    private boolean ownsClient;

    /** @param type a generated SpecificRecord class, or String.class */
    public AvroDeserializer(Class<T> type) {
        this.type = type;
        if (type == String.class) {
            this.model = GenericData.get();
            this.readerSchema = Schema.create(Schema.Type.STRING);
        } else if (SpecificRecord.class.isAssignableFrom(type)) {
            SpecificData specific = SpecificData.getForClass(type);
            this.model = specific;
            this.readerSchema = specific.getSchema(type);
        } else {
            throw new IllegalArgumentException("AvroDeserializer reads generated SpecificRecord classes or String, not "
                    + type.getName());
        }
    }

    public AvroDeserializer(Class<T> type, SchemaRegistryClient client) {
        this(type);
        this.client = client;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (client == null) {
            client = SchemaRegistryClients.create(AvroSerdeConfig.from(configs).requireUrl(), configs);
            ownsClient = true;
        }
    }

    /** Used by {@link AvroSerde} to share one client between its serializer and deserializer. */
    void configure(Map<String, ?> configs, boolean isKey, SchemaRegistryClient shared) {
        if (client == null) {
            client = shared;
        }
        configure(configs, isKey);
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        int id = WireFormat.schemaId(topic, data);
        Resolved resolved = reader(topic, id);
        DecodeBuffer buffer = buffers.get();
        try {
            // A first pass skips over the datum without allocating: a corrupt length prefix ends
            // in EOFException here instead of Avro allocating the array the prefix claims.
            GenericDatumReader.skip(resolved.writer(), decoder(buffer, data));
            Object value = resolved.reader().read(null, decoder(buffer, data));
            return type.cast(type == String.class ? value.toString() : value);
        } catch (IOException | RuntimeException e) {
            // Corrupt bytes surface from Avro as many exception types (index out of bounds,
            // UnsupportedOperationException, ...); callers are promised SerializationException.
            throw new SerializationException("Could not read schema id " + id + " on topic " + topic + " as "
                    + readerSchema.getFullName() + ": " + e, e);
        }
    }

    @Override
    public void close() {
        if (ownsClient && client != null) {
            client.close();
        }
    }

    private static BinaryDecoder decoder(DecodeBuffer buffer, byte[] data) {
        buffer.decoder = DecoderFactory.get().binaryDecoder(data, WireFormat.HEADER_SIZE,
                data.length - WireFormat.HEADER_SIZE, buffer.decoder);
        return buffer.decoder;
    }

    private Resolved reader(String topic, int id) {
        Resolved cached = readers.get(id);
        if (cached != null) {
            return cached;
        }
        if (client == null) {
            throw new IllegalStateException("AvroDeserializer is not configured: set schema.registry.url");
        }
        Schema writer;
        try {
            writer = client.getById(id);
        } catch (SchemaRegistryException e) {
            throw new SerializationException("Unknown schema id " + id + " on topic " + topic
                    + ": the schema registry could not provide it: " + e.getMessage(), e);
        }
        DatumReader<Object> reader = model instanceof SpecificData specific
                ? new SpecificDatumReader<>(writer, readerSchema, specific)
                : new GenericDatumReader<>(writer, readerSchema, model);
        Resolved resolved = new Resolved(writer, reader);
        readers.putIfAbsent(id, resolved);
        return resolved;
    }

    private record Resolved(Schema writer, DatumReader<Object> reader) {
    }

    private static final class DecodeBuffer {
        private BinaryDecoder decoder;
    }
}
