package io.newsstream.registry.serde;

import io.newsstream.registry.client.SchemaRegistryClient;
import io.newsstream.registry.client.SchemaRegistryClients;
import io.newsstream.registry.client.SchemaRegistryException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records (specific or generic) and Avro primitives (a Java {@code String} is the
 * Avro schema {@code "string"}) in Confluent's wire format, byte-for-byte as Confluent's
 * {@code KafkaAvroSerializer}: the schema is registered (or, with
 * {@code auto.register.schemas=false}, looked up) under {@code <topic>-key} or
 * {@code <topic>-value}. Null stays null (tombstones). Writers, ids and encoders are reused, so
 * a steady stream costs no registry calls and no schema work. Thread-safe.
 */
public final class AvroSerializer<T> implements Serializer<T> {

    private final Map<Object, DatumWriter<Object>> writers = new ConcurrentHashMap<>();
    private final ThreadLocal<EncodeBuffer> buffers = ThreadLocal.withInitial(EncodeBuffer::new);
    private volatile LastId lastId;
    private SchemaRegistryClient client;
    private boolean ownsClient;
    private boolean isKey;
    private boolean autoRegister = true;

    /** For Kafka's reflective construction: {@link #configure} then needs {@code schema.registry.url}. */
    public AvroSerializer() {
    }

    /** Uses this registry client; {@code configure} may still set key mode and auto-registration. */
    public AvroSerializer(SchemaRegistryClient client) {
        this.client = client;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = AvroSerdeConfig.from(configs);
        this.isKey = isKey;
        this.autoRegister = config.autoRegister();
        if (client == null) {
            client = SchemaRegistryClients.create(config.requireUrl(), configs);
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
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        Schema schema = AvroSchemas.schemaOf(data);
        int id = schemaId(topic, schema);
        try {
            return encode(id, schema, data);
        } catch (IOException | AvroRuntimeException | ClassCastException | NullPointerException e) {
            throw new SerializationException("Could not write a " + data.getClass().getName() + " as Avro "
                    + schema.getFullName() + " for topic " + topic + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (ownsClient && client != null) {
            client.close();
        }
    }

    private int schemaId(String topic, Schema schema) {
        LastId last = lastId;
        if (last != null && last.schema == schema && last.topic.equals(topic)) {
            return last.id;
        }
        if (client == null) {
            throw new IllegalStateException("AvroSerializer is not configured: set schema.registry.url");
        }
        String subject = topic + (isKey ? "-key" : "-value");
        try {
            int id = autoRegister ? client.register(subject, schema) : client.getId(subject, schema);
            lastId = new LastId(topic, schema, id);
            return id;
        } catch (SchemaRegistryException e) {
            String action = autoRegister ? "register" : "look up (auto.register.schemas=false)";
            throw new SerializationException("Could not " + action + " schema " + schema.getFullName()
                    + " under subject " + subject + ": " + e.getMessage(), e);
        }
    }

    private byte[] encode(int id, Schema schema, Object datum) throws IOException {
        EncodeBuffer buffer = buffers.get();
        ByteArrayOutputStream out = buffer.out;
        out.reset();
        out.write(WireFormat.MAGIC_BYTE);
        out.write(id >>> 24);
        out.write(id >>> 16);
        out.write(id >>> 8);
        out.write(id);
        buffer.encoder = EncoderFactory.get().binaryEncoder(out, buffer.encoder);
        writer(schema, datum).write(AvroSchemas.toAvroValue(datum), buffer.encoder);
        buffer.encoder.flush();
        return out.toByteArray();
    }

    private DatumWriter<Object> writer(Schema schema, Object datum) {
        if (datum instanceof SpecificRecord) {
            // Keyed by class: the generated class's own model carries its logical-type conversions.
            Class<?> type = datum.getClass();
            return writers.computeIfAbsent(type, key -> new SpecificDatumWriter<>(schema, SpecificData.getForClass(type)));
        }
        return writers.computeIfAbsent(schema, key -> new GenericDatumWriter<>(schema, GenericData.get()));
    }

    /** The id of the last schema written, checked by reference: the common case of one record type. */
    private record LastId(String topic, Schema schema, int id) {
    }

    private static final class EncodeBuffer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        private BinaryEncoder encoder;
    }
}
