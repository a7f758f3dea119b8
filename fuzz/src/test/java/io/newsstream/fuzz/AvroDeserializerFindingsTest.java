package io.newsstream.fuzz;

import com.sun.management.ThreadMXBean;
import io.newsstream.registry.client.SchemaRegistryClient;
import io.newsstream.registry.client.SchemaRegistryClients;
import io.newsstream.registry.serde.AvroDeserializer;
import io.newsstream.schema.RawArticle;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What {@link AvroDeserializerFuzzTest} found in the registry's {@code AvroDeserializer} (F1-F3 in
 * docs/RELIABILITY.md), as named regression tests: corrupt bytes must end in a
 * SerializationException, never another exception or a gigabyte allocation.
 */
class AvroDeserializerFindingsTest {

    private static final String TOPIC = "news.articles.raw";
    private static final String SCOPE = "fuzz-avro-findings";
    private static final SchemaRegistryClient REGISTRY = SchemaRegistryClients.create("mock://" + SCOPE, Map.of());
    private static final int SCHEMA_ID = REGISTRY.register(TOPIC + "-value", RawArticle.getClassSchema());
    private static final AvroDeserializer<RawArticle> DESERIALIZER = new AvroDeserializer<>(RawArticle.class, REGISTRY);

    @AfterAll
    static void dropRegistry() {
        SchemaRegistryClients.dropScope(SCOPE);
    }

    /** F1 (Jazzer, 57 executions): union branch 3 of a 2-branch union; Avro throws ArrayIndexOutOfBoundsException. */
    @Test
    void shouldRejectAnOutOfRangeUnionIndexWithASerializationException() {
        final byte[] payload = payload(new byte[] {0x00, 0x06, (byte) 0xe4});

        assertThatThrownBy(() -> DESERIALIZER.deserialize(TOPIC, payload)).isInstanceOf(SerializationException.class);
    }

    /** F2: a 7-byte payload whose id length prefix claims 1,000,000,000 bytes made Avro allocate 1 GB. */
    @Test
    void shouldNotAllocateTheLengthACorruptPrefixClaims() {
        final byte[] payload = payload(lengthPrefixed(1_000_000_000L));
        final ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();

        final long before = threads.getCurrentThreadAllocatedBytes();
        assertThatThrownBy(() -> DESERIALIZER.deserialize(TOPIC, payload)).isInstanceOf(SerializationException.class);
        assertThat(threads.getCurrentThreadAllocatedBytes() - before).isLessThan(16L * 1024 * 1024);
    }

    /** F3: a length prefix beyond the largest Java array; Avro throws UnsupportedOperationException. */
    @Test
    void shouldRejectALengthBeyondTheArrayLimitWithASerializationException() {
        final byte[] payload = payload(lengthPrefixed(3_000_000_000L));

        assertThatThrownBy(() -> DESERIALIZER.deserialize(TOPIC, payload)).isInstanceOf(SerializationException.class);
    }

    private static byte[] payload(final byte[] body) {
        return ByteBuffer.allocate(5 + body.length).put((byte) 0).putInt(SCHEMA_ID).put(body).array();
    }

    /** An Avro long (zig-zag varint) followed by one byte: a string header that promises far more than follows. */
    private static byte[] lengthPrefixed(final long length) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        long zigzag = (length << 1) ^ (length >> 63);
        while ((zigzag & ~0x7FL) != 0) {
            out.write((int) ((zigzag & 0x7F) | 0x80));
            zigzag >>>= 7;
        }
        out.write((int) zigzag);
        out.write('x');
        return out.toByteArray();
    }
}
