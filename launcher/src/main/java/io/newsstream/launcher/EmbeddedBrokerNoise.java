package io.newsstream.launcher;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.apache.kafka.common.errors.NotControllerException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.slf4j.Marker;

/**
 * Drops four lines that the broker of {@code ./newsstream local} (KRaft, controller and broker in
 * this JVM) logs on an ordinary start, run or stop, so that what a user sees is not an ERROR (with a
 * stack trace, for one of them) when nothing is wrong. Listed in {@code logback.xml}; every other line
 * of these loggers still comes out.
 *
 * <ul>
 *   <li>{@code kafka.server.ControllerApis} at ERROR, "Unexpected error handling request ...
 *       CONTROLLER_REGISTRATION ..." caused by {@link NotControllerException}: the controller's
 *       registration of itself can arrive before it has finished becoming the active controller
 *       (timing decides; seen on one start in several). The registration is sent again and the
 *       broker comes up; were it to keep failing, the broker would not report ready, and local mode
 *       would stop with its own error.</li>
 *   <li>{@code org.apache.kafka.controller.QuorumController} at WARN, "Performing controller
 *       activation." (on a new data directory followed by "The metadata log appears to be empty.
 *       Appending ... bootstrap record(s) ..."): logged on every start of a KRaft controller.</li>
 *   <li>{@code org.apache.kafka.clients.NetworkClient} at WARN, "Attempting to close NetworkClient
 *       that has already been closed." from the broker's {@code NodeToControllerChannelManager}: its
 *       channel is closed twice on the way down.</li>
 *   <li>{@code kafka.server.ReplicaManager} at ERROR, "Error processing append operation on
 *       partition ..." with an {@link OutOfOrderSequenceException} that says "Expected sequence 0
 *       for transactions v2 idempotent producer with no existing state": the streams app's
 *       transactional producer starts each transaction at sequence 0 and keeps several requests in
 *       flight, and a later batch can reach a partition before the first one (held while the
 *       broker checks the partition's part in the transaction). The broker rejects it with an error
 *       the producer retries (KAFKA-18202); the batch is then written once. Seen on 2026-11-23
 *       while 8,000 Reuters articles went through local mode: 19 such lines; any other sequence
 *       error still comes out.</li>
 * </ul>
 *
 * <p>A turbo filter is asked before every logging call, even those below the level, so it looks at
 * the logger's name first.
 */
public final class EmbeddedBrokerNoise extends TurboFilter {

    static final String CONTROLLER_APIS = "kafka.server.ControllerApis";
    static final String QUORUM_CONTROLLER = "org.apache.kafka.controller.QuorumController";
    static final String NETWORK_CLIENT = "org.apache.kafka.clients.NetworkClient";
    static final String REPLICA_MANAGER = "kafka.server.ReplicaManager";
    private static final String FIRST_SEQUENCE_AWAITED = "Expected sequence 0 for transactions v2 idempotent producer "
            + "with no existing state.";

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        return logger != null && isNoise(logger.getName(), level, format, t) ? FilterReply.DENY : FilterReply.NEUTRAL;
    }

    /** Whether a line is one of the four; {@code message} is the line's format string. */
    static boolean isNoise(String logger, Level level, String message, Throwable t) {
        if (message == null || level == null) {
            return false;
        }
        return switch (logger) {
            case CONTROLLER_APIS -> level == Level.ERROR && message.contains("apiKey=CONTROLLER_REGISTRATION")
                    && causedByNotController(t);
            case QUORUM_CONTROLLER -> level == Level.WARN && message.contains("Performing controller activation.");
            case NETWORK_CLIENT -> level == Level.WARN && message.contains("NodeToControllerChannelManager")
                    && message.endsWith("Attempting to close NetworkClient that has already been closed.");
            case REPLICA_MANAGER -> level == Level.ERROR && message.contains("Error processing append operation on partition")
                    && t instanceof OutOfOrderSequenceException && t.getMessage() != null
                    && t.getMessage().endsWith(FIRST_SEQUENCE_AWAITED);
            default -> false;
        };
    }

    private static boolean causedByNotController(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof NotControllerException) {
                return true;
            }
        }
        return false;
    }
}
