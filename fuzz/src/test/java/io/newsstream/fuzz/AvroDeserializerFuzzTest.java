package io.newsstream.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.sun.management.ThreadMXBean;
import io.newsstream.registry.client.SchemaRegistryClient;
import io.newsstream.registry.client.SchemaRegistryClients;
import io.newsstream.registry.serde.AvroDeserializer;
import io.newsstream.schema.RawArticle;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterAll;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile bytes for the Avro deserializer of {@link RawArticle} (Confluent wire format, in-memory
 * {@code mock://} registry): any payload gives a record or a {@link SerializationException},
 * never another exception, and never allocates much more than the payload could describe (a
 * corrupt length prefix must not make Avro allocate a huge array).
 *
 * <p>Input layout: the first byte picks the header (0 to 3: the valid magic byte and the
 * registered schema id, so the fuzzer works on the Avro body; otherwise the payload is used as
 * it is, header included). Seeds and past findings live in {@code AvroDeserializerFuzzTestInputs/}.
 */
class AvroDeserializerFuzzTest {

    private static final String TOPIC = "news.articles.raw";
    private static final String SCOPE = "fuzz-avro-deserializer";
    /** Allowed allocation per decode: a fixed allowance plus a multiple of the payload size. */
    private static final long BASE_ALLOWANCE = 4L * 1024 * 1024;
    private static final long PER_BYTE_ALLOWANCE = 64;

    private static final SchemaRegistryClient REGISTRY = SchemaRegistryClients.create("mock://" + SCOPE, Map.of());
    private static final int SCHEMA_ID = REGISTRY.register(TOPIC + "-value", RawArticle.getClassSchema());
    private static final AvroDeserializer<RawArticle> DESERIALIZER = new AvroDeserializer<>(RawArticle.class, REGISTRY);
    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    static {
        // Fetch the schema and build its reader once, before anything is measured: under Jazzer's
        // instrumentation that one-time set-up allocates about 64 MB (classes instrumented as they
        // load), which the first fuzzing input would otherwise be blamed for. Found by the first
        // two-minute fuzzing run; regression mode, uninstrumented, never saw it.
        try {
            DESERIALIZER.deserialize(TOPIC, withValidHeader(new byte[0]));
        } catch (SerializationException expected) {
            // an empty body is not a record; the set-up is done either way
        }
    }

    @AfterAll
    static void dropRegistry() {
        DESERIALIZER.close();
        SchemaRegistryClients.dropScope(SCOPE);
    }

    @FuzzTest(maxDuration = "20s")
    void shouldReadAnyBytesAsARecordOrASerializationException(final FuzzedDataProvider data) {
        final boolean withHeader = data.consumeInt(0, 7) < 4;
        final byte[] body = data.consumeRemainingAsBytes();
        final byte[] payload = withHeader ? withValidHeader(body) : body;

        final long allocatedBefore = THREADS.getCurrentThreadAllocatedBytes();
        try {
            final RawArticle article = DESERIALIZER.deserialize(TOPIC, payload);
            assertThat(article.getId()).isNotNull();
            assertThat(article.getBody()).isNotNull();
        } catch (SerializationException expected) {
            // the contract for bad bytes
        } catch (Throwable e) {
            throw new AssertionError(payload.length + "-byte payload gave " + e + " instead of a SerializationException", e);
        }
        final long allocated = THREADS.getCurrentThreadAllocatedBytes() - allocatedBefore;
        assertThat(allocated).as("bytes allocated to decode a %d-byte payload", payload.length)
                .isLessThan(BASE_ALLOWANCE + PER_BYTE_ALLOWANCE * payload.length);
    }

    private static byte[] withValidHeader(final byte[] body) {
        return ByteBuffer.allocate(5 + body.length).put((byte) 0).putInt(SCHEMA_ID).put(body).array();
    }
}
