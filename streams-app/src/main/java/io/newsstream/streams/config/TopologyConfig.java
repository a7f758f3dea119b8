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
 * @param dedupLookback   an article whose normalised text equals one seen this close in event time is not counted again
 * @param recentArticles  how many recent articles are kept per country
 */
public record TopologyConfig(TopicNames topics, Duration windowGrace, Duration windowRetention, int maxBodyChars,
                             Duration dedupLookback, int recentArticles) {

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
        if (dedupLookback == null || dedupLookback.isNegative()) {
            throw new IllegalArgumentException("setting 'dedup-lookback' must be a non-negative duration");
        }
        if (recentArticles < 1 || recentArticles > 10_000) {
            throw new IllegalArgumentException("setting 'recent-articles' must be between 1 and 10000");
        }
    }

    public static TopologyConfig defaults() {
        return new TopologyConfig(TopicNames.defaults(), Duration.ofDays(7), Duration.ofDays(90), 2_000_000,
                Duration.ofDays(7), 100);
    }
}
