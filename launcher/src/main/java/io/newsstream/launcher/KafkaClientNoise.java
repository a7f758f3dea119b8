package io.newsstream.launcher;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.apache.kafka.common.protocol.Errors;
import org.slf4j.Marker;
import org.slf4j.helpers.MessageFormatter;

import java.util.List;
import java.util.Set;

/**
 * Drops kinds of WARN line that the Kafka clients inside the streams app log when nothing is
 * wrong: while it starts on a new cluster (the first {@code ./newsstream local}, say: nineteen
 * lines on 2026-11-22), and for produce requests that exactly-once processing retries by design.
 * Listed in {@code logback.xml}; every other line of these loggers still comes out, and so does
 * each kind about anything else.
 *
 * <ul>
 *   <li>{@code org.apache.kafka.clients.NetworkClient}, "The metadata response from the cluster
 *       reported a recoverable issue ...", when every topic it names is one of Kafka Streams' own
 *       repartition or changelog topics and the error is {@code UNKNOWN_TOPIC_OR_PARTITION} or
 *       {@code LEADER_NOT_AVAILABLE}: Kafka Streams has just created them and the metadata has not
 *       caught up. A source topic that does not exist is still reported (and stops the app).</li>
 *   <li>{@code org.apache.kafka.clients.producer.internals.Sender}, "Got error produce response
 *       ... retrying ...", when the error is {@code CONCURRENT_TRANSACTIONS} or
 *       {@code OUT_OF_ORDER_SEQUENCE_NUMBER}. With exactly-once processing, a transaction's first
 *       write can reach a partition while the coordinator is still writing the previous
 *       transaction's markers; and as each transaction starts its sequence numbers at 0 with
 *       several requests in flight, a later batch can reach a partition before the first (the
 *       broker's side is in {@link EmbeddedBrokerNoise}). The producer retries either, as the line
 *       says; a sequence error it cannot retry is not logged this way but fails the transaction,
 *       which Kafka Streams reports. Any other error is still reported.</li>
 * </ul>
 *
 * <p>A turbo filter is asked before every logging call, even those below the level, so it looks at
 * the logger's name first.
 */
public final class KafkaClientNoise extends TurboFilter {

    static final String NETWORK_CLIENT = "org.apache.kafka.clients.NetworkClient";
    static final String SENDER = "org.apache.kafka.clients.producer.internals.Sender";
    private static final String RECOVERABLE = "The metadata response from the cluster reported a recoverable issue with correlation id ";
    /** The retried produce errors, as the line ends with them: "Error: NAME" or "Error: NAME. Error Message: ...". */
    private static final List<String> RETRIED = List.of("Error: " + Errors.CONCURRENT_TRANSACTIONS.name(),
            "Error: " + Errors.OUT_OF_ORDER_SEQUENCE_NUMBER.name());
    private static final Set<String> NOT_YET_KNOWN = Set.of(Errors.UNKNOWN_TOPIC_OR_PARTITION.name(),
            Errors.LEADER_NOT_AVAILABLE.name());

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (logger == null || level != Level.WARN || format == null
                || !NETWORK_CLIENT.equals(logger.getName()) && !SENDER.equals(logger.getName())) {
            return FilterReply.NEUTRAL;
        }
        // Kafka's clients hand logback the finished line (their LogContext formats it to add the
        // client's prefix); another caller may pass the arguments apart.
        String line = params == null || params.length == 0 ? format : MessageFormatter.arrayFormat(format, params).getMessage();
        return isNoise(logger.getName(), line) ? FilterReply.DENY : FilterReply.NEUTRAL;
    }

    /** Whether a WARN line of the logger is one of these. */
    static boolean isNoise(String logger, String line) {
        return switch (logger) {
            case NETWORK_CLIENT -> onlyNewInternalTopics(line);
            case SENDER -> line.contains("Got error produce response") && line.contains(", retrying (")
                    && RETRIED.stream().anyMatch(error -> line.endsWith(error) || line.contains(error + ". Error Message: "));
            default -> false;
        };
    }

    /** "... reported a recoverable issue with correlation id 2 : {a-repartition=UNKNOWN_TOPIC_OR_PARTITION, ...}". */
    private static boolean onlyNewInternalTopics(String line) {
        int at = line.indexOf(RECOVERABLE);
        int open = at < 0 ? -1 : line.indexOf(" : {", at);
        if (open < 0 || !line.endsWith("}") || open + 4 >= line.length() - 1) {
            return false;
        }
        // Topic names hold only letters, digits, '.', '_' and '-', so the entries split cleanly.
        for (String entry : line.substring(open + 4, line.length() - 1).split(", ")) {
            int eq = entry.indexOf('=');
            String topic = entry.substring(0, Math.max(eq, 0));
            boolean internal = topic.endsWith("-repartition") || topic.endsWith("-changelog");
            if (!internal || !NOT_YET_KNOWN.contains(entry.substring(eq + 1))) {
                return false;
            }
        }
        return true;
    }
}
