package io.newsstream.registry.serde;

import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.kafka.common.errors.SerializationException;

/** The writer schema of a datum, as Confluent's KafkaAvroSerializer derives it. */
final class AvroSchemas {

    private static final Schema STRING = Schema.create(Schema.Type.STRING);
    private static final Schema INT = Schema.create(Schema.Type.INT);
    private static final Schema LONG = Schema.create(Schema.Type.LONG);
    private static final Schema BOOLEAN = Schema.create(Schema.Type.BOOLEAN);
    private static final Schema FLOAT = Schema.create(Schema.Type.FLOAT);
    private static final Schema DOUBLE = Schema.create(Schema.Type.DOUBLE);
    private static final Schema BYTES = Schema.create(Schema.Type.BYTES);

    private AvroSchemas() {
    }

    static Schema schemaOf(Object datum) {
        if (datum instanceof GenericContainer container) {
            return container.getSchema();
        }
        if (datum instanceof CharSequence) {
            return STRING;
        }
        if (datum instanceof Integer) {
            return INT;
        }
        if (datum instanceof Long) {
            return LONG;
        }
        if (datum instanceof Boolean) {
            return BOOLEAN;
        }
        if (datum instanceof Float) {
            return FLOAT;
        }
        if (datum instanceof Double) {
            return DOUBLE;
        }
        if (datum instanceof byte[] || datum instanceof ByteBuffer) {
            return BYTES;
        }
        throw new SerializationException("Cannot serialize a " + datum.getClass().getName()
                + " as Avro: expected an Avro record or a primitive (String, Integer, Long, Boolean, Float, Double, byte[])");
    }

    /** Avro's writers take bytes as ByteBuffer. */
    static Object toAvroValue(Object datum) {
        return datum instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : datum;
    }
}
