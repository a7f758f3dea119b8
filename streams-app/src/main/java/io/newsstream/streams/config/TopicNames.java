package io.newsstream.streams.config;

import java.util.List;

/**
 * Names of the topics the application reads and writes (internal repartition and changelog topics
 * are named by Kafka Streams from the application id and the store or repartition names).
 *
 * @param raw         input: raw articles ({@code RawArticle})
 * @param cleaned     output: cleaned articles ({@code CleanedArticle})
 * @param tagged      output: tagged articles, each article id once ({@code TaggedArticle})
 * @param counts      output, compacted: all-time mention count per country ({@code CountryCount})
 * @param dailyCounts output: final per-day mention count per country, once the day's window closes
 *                    ({@code CountryWindowKey} → {@code CountryCount})
 * @param coMentions  output, compacted: per country, how many articles named it together with each other country
 *                    ({@code CountryTally})
 * @param deadLetter  output: records that could not be processed, with the reason in headers
 */
public record TopicNames(String raw, String cleaned, String tagged, String counts, String dailyCounts,
                         String coMentions, String deadLetter) {

    public TopicNames {
        for (String name : new String[] {raw, cleaned, tagged, counts, dailyCounts, coMentions, deadLetter}) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("every topic name (topics.*) must be set");
            }
        }
    }

    public static TopicNames defaults() {
        return new TopicNames("news.articles.raw", "news.articles.cleaned", "news.articles.tagged",
                "news.country-counts", "news.country-counts.daily", "news.co-mentions", "news.dead-letter");
    }

    public List<String> all() {
        return List.of(raw, cleaned, tagged, counts, dailyCounts, coMentions, deadLetter);
    }

    /** Topics that hold the latest value per key and are compacted. */
    public List<String> compacted() {
        return List.of(counts, coMentions);
    }
}
