package io.newsstream.launcher.bench;

import java.nio.file.Path;
import java.util.Map;

/**
 * What one benchmark run does.
 *
 * @param corpus            gzipped JSON-lines corpus (Reuters)
 * @param articles          articles in the saturation run of the main pipeline (and the raw pass-through)
 * @param variantArticles   articles in each cost-growth variant (2 threads, 2 instances, long articles)
 * @param rate              fixed offered rate, articles/s (latency phase, and ingestion during queries)
 * @param seconds           length of the fixed-rate phase and of each query phase
 * @param queryRate         fixed query rate, requests/s
 * @param bootstrapServers  external cluster, or null for the embedded broker
 * @param schemaRegistryUrl external registry (with bootstrapServers)
 * @param resetTopics       allowed to delete and recreate the newsstream topics on an external cluster
 * @param partitions        partitions of every topic
 * @param streamsHeap       max heap of each streams process, e.g. 512m
 * @param variants          run the cost-growth variants
 * @param jfr               record the main pipeline's streams process with Flight Recorder at saturation
 * @param json              where to write the results
 * @param kafkaOverrides    extra client properties (TLS, SASL) for every client
 */
public record BenchSettings(Path corpus, int articles, int variantArticles, int rate, int seconds, int queryRate,
                            String bootstrapServers, String schemaRegistryUrl, boolean resetTopics, int partitions,
                            String streamsHeap, boolean variants, boolean jfr, Path json, Map<String, String> kafkaOverrides) {

    public BenchSettings {
        if (articles < 100 || variantArticles < 100) {
            throw new IllegalArgumentException("setting 'articles' must be at least 100");
        }
        if (rate < 1 || seconds < 1 || queryRate < 1) {
            throw new IllegalArgumentException("settings 'rate', 'seconds' and 'query-rate' must be positive");
        }
        if ((bootstrapServers == null) != (schemaRegistryUrl == null)) {
            throw new IllegalArgumentException("set both --bootstrap-servers and --schema-registry-url, or neither (embedded broker)");
        }
        if (bootstrapServers != null && !resetTopics) {
            throw new IllegalArgumentException("the benchmark deletes and recreates the news.* topics between runs; on an "
                    + "external cluster pass --reset-topics to allow it");
        }
        kafkaOverrides = Map.copyOf(kafkaOverrides == null ? Map.of() : kafkaOverrides);
    }

    boolean embedded() {
        return bootstrapServers == null;
    }
}
