package io.newsstream.streams.topology;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Sends a record that cannot be deserialized (not Avro, unknown schema id, ...) to the
 * dead-letter topic with stage {@code deserialize} and resumes, counting it
 * ({@link DeadLetterCounter}); fails instead when the schema registry did not answer
 * ({@link RegistryOutage}), so the record is read again, not lost.
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);

    static final String STAGE = "deserialize";
    static final String REASON = "DESERIALIZATION_ERROR";

    private DeadLetterTarget target = DeadLetterTarget.from(Map.of());

    @Override
    public void configure(final Map<String, ?> configs) {
        target = DeadLetterTarget.from(configs);
    }

    @Override
    public Response handleError(final ErrorHandlerContext context, final ConsumerRecord<byte[], byte[]> record,
                                final Exception exception) {
        if (RegistryOutage.isCause(exception)) {
            LOG.warn("not dead-lettering {}/{}@{}: the schema registry is unavailable; the task stops and the record "
                    + "is read again from the last commit", record.topic(), record.partition(), record.offset());
            return Response.fail();
        }
        LOG.warn("dead-lettered {}/{}@{}: cannot deserialize ({})", record.topic(), record.partition(), record.offset(),
                exception.getMessage());
        target.counter().count(STAGE, REASON);
        return Response.resume(DeadLetters.record(target.topic(), context, record.key(), record.value(), exception,
                STAGE, REASON));
    }
}
