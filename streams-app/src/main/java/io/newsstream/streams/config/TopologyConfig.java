package io.newsstream.streams.config;

import java.time.Duration;
import java.util.Objects;

/**
 * What the topology computes, independent of how it runs.
 *
 * @param topics          topic names
 * @param windowGrace     how late (in event time) an article may arrive and still land in its window
 * @param windowRetention how long windowed counts are kept in the state stores
 * @param maxBodyChars    articles with a longer body are dead-lettered as too large
 */
public record TopologyConfig(TopicNames topics, Duration windowGrace, Duration windowRetention, int maxBodyChars) {

    public TopologyConfig {
        Objects.requireNonNull(topics, "topics");
        if (windowGrace == null || windowGrace.isNegative()) {
            throw new IllegalArgumentException("setting 'window-grace' must be a non-negative duration");
        }
        if (windowRetention == null || windowRetention.compareTo(Duration.ofDays(1).plus(windowGrace)) < 0) {
            throw new IllegalArgumentException("setting 'window-retention' must be at least one day plus 'window-grace'");
        }
        if (maxBodyChars <= 0) {
            throw new IllegalArgumentException("setting 'max-body-chars' must be positive");
        }
    }

    public static TopologyConfig defaults() {
        return new TopologyConfig(TopicNames.defaults(), Duration.ofDays(7), Duration.ofDays(90), 2_000_000);
    }
}
