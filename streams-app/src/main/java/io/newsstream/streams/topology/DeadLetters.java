package io.newsstream.streams.topology;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Builds dead-letter records: the source record's original key and value bytes, so a fixed record
 * can be re-driven as it was, with headers saying what went wrong and where it came from.
 *
 * <p>Headers: the {@code __streams.errors.*} names Kafka Streams' own dead-letter records use
 * (exception, message, topic, partition, offset), plus {@code newsstream.stage} and
 * {@code newsstream.reason}. No stack trace: dead-letter topics are often readable by more people
 * than the logs, where the stack trace goes.
 */
public final class DeadLetters {

    public static final String STAGE = "newsstream.stage";
    public static final String REASON = "newsstream.reason";
    public static final String EXCEPTION = "__streams.errors.exception";
    public static final String MESSAGE = "__streams.errors.message";
    public static final String TOPIC = "__streams.errors.topic";
    public static final String PARTITION = "__streams.errors.partition";
    public static final String OFFSET = "__streams.errors.offset";

    private DeadLetters() {
    }

    static List<ProducerRecord<byte[], byte[]>> record(final String deadLetterTopic, final ErrorHandlerContext context,
                                                       final byte[] key, final byte[] value, final Exception exception,
                                                       final String stage, final String reason) {
        if (deadLetterTopic == null) {
            return List.of();
        }
        final ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(deadLetterTopic, null, context.timestamp(), key, value);
        final Headers headers = record.headers();
        add(headers, STAGE, stage);
        add(headers, REASON, reason);
        add(headers, EXCEPTION, exception.getClass().getName());
        add(headers, MESSAGE, exception.getMessage());
        add(headers, TOPIC, context.topic());
        add(headers, PARTITION, String.valueOf(context.partition()));
        add(headers, OFFSET, String.valueOf(context.offset()));
        return List.of(record);
    }

    private static void add(final Headers headers, final String name, final String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
