package io.newsstream.streams.topology;

import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Sends a record that failed in a stage to the dead-letter topic (Kafka Streams' native
 * dead-letter support, KIP-1034) and resumes, so one bad article never stops the topology.
 * Expected rejections ({@link ArticleRejectedException}) are logged in one line; anything else is
 * a bug and is logged with its stack trace. Each is counted by stage and reason
 * ({@link DeadLetterCounter}). A failure because the schema registry did not answer (a store or
 * output schema to register or fetch) fails the task instead ({@link RegistryOutage}).
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);

    private DeadLetterTarget target = DeadLetterTarget.from(Map.of());

    @Override
    public void configure(final Map<String, ?> configs) {
        target = DeadLetterTarget.from(configs);
    }

    @Override
    public Response handleError(final ErrorHandlerContext context, final Record<?, ?> record, final Exception exception) {
        if (RegistryOutage.isCause(exception)) {
            LOG.warn("not dead-lettering {}/{}@{} failed in {}: the schema registry is unavailable; the task stops and "
                    + "the record is processed again from the last commit", context.topic(), context.partition(),
                    context.offset(), context.processorNodeId());
            return Response.fail();
        }
        final String stage;
        final String reason;
        if (exception instanceof ArticleRejectedException rejected) {
            stage = rejected.stage();
            reason = rejected.reason();
            LOG.warn("dead-lettered {}/{}@{} at {}: {} ({})", context.topic(), context.partition(), context.offset(),
                    stage, reason, exception.getMessage());
        } else {
            stage = context.processorNodeId();
            reason = "PROCESSING_ERROR";
            LOG.error("dead-lettered {}/{}@{}: unexpected failure in {}", context.topic(), context.partition(),
                    context.offset(), stage, exception);
        }
        target.counter().count(stage, reason);
        return Response.resume(DeadLetters.record(target.topic(), context, context.sourceRawKey(),
                context.sourceRawValue(), exception, stage, reason));
    }
}
