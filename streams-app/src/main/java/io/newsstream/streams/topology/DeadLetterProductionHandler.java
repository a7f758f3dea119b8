package io.newsstream.streams.topology;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.DefaultProductionExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * Send errors as Kafka Streams' default handles them (retry what is retriable, else fail), but a
 * record that cannot be serialized for an output topic is not dead-lettered here: the failure
 * reaches the processor that forwarded it, where {@link DeadLetterProcessingHandler} dead-letters
 * the source record once with its stage, or fails the task when the schema registry is down
 * ({@link RegistryOutage}). The default would write a dead letter here as well, and one for a
 * registry outage.
 */
public final class DeadLetterProductionHandler extends DefaultProductionExceptionHandler {

    @SuppressWarnings("rawtypes")
    @Override
    public Response handleSerializationError(final ErrorHandlerContext context, final ProducerRecord record,
                                             final Exception exception, final SerializationExceptionOrigin origin) {
        return Response.fail();
    }
}
