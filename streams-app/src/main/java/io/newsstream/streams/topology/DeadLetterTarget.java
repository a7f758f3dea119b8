package io.newsstream.streams.topology;

import org.apache.kafka.streams.StreamsConfig;

import java.util.Map;

/**
 * What both dead-letter handlers read from the streams configuration: the dead-letter topic
 * (null: Kafka Streams' default behaviour, no dead-letter record) and the counter to count
 * into ({@link DeadLetterCounter}).
 */
record DeadLetterTarget(String topic, DeadLetterCounter counter) {

    static DeadLetterTarget from(final Map<String, ?> configs) {
        final Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        return new DeadLetterTarget(topic == null ? null : topic.toString(), DeadLetterCounter.from(configs));
    }
}
