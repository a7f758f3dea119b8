package io.newsstream.registry.serde;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Confluent's wire format: magic byte 0, the schema id as a 4-byte big-endian int, then the
 * Avro binary encoding of the datum.
 */
final class WireFormat {

    static final byte MAGIC_BYTE = 0;
    static final int HEADER_SIZE = 5;

    private WireFormat() {
    }

    /** Checks the header and returns the schema id. */
    static int schemaId(String topic, byte[] payload) {
        if (payload.length < HEADER_SIZE) {
            throw new SerializationException("Payload of " + payload.length + " bytes on topic " + topic
                    + " is too short for the Confluent wire format (magic byte + 4-byte schema id + data)");
        }
        if (payload[0] != MAGIC_BYTE) {
            throw new SerializationException(String.format("Unknown magic byte 0x%02x on topic %s: expected 0x00"
                    + " (Confluent wire format); was this record written without a schema registry serializer?",
                    payload[0], topic));
        }
        return ByteBuffer.wrap(payload, 1, 4).getInt();
    }
}
