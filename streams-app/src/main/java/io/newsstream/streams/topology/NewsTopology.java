package io.newsstream.streams.topology;

import io.newsstream.clean.ArticleCleaner;
import io.newsstream.clean.CleanerConfig;
import io.newsstream.schema.CleanedArticle;
import io.newsstream.schema.CountryCount;
import io.newsstream.schema.CountryWindowKey;
import io.newsstream.schema.RawArticle;
import io.newsstream.schema.TaggedArticle;
import io.newsstream.streams.config.TopicNames;
import io.newsstream.streams.config.TopologyConfig;
import io.newsstream.tag.Country;
import io.newsstream.tag.Tagger;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The newsstream topology: raw articles → clean → tag → first sighting per id → count country
 * mentions, all-time and per event-time hour and day.
 *
 * <p>A pure function of its inputs: no {@code KafkaStreams}, no I/O. Every processor, store and
 * repartition topic is named, so renaming one shows in the {@code describe()} snapshot test
 * before it can orphan a changelog topic.
 */
public final class NewsTopology {

    /** Name of the repartition step that re-keys mentions by country (topic {@code <app>-country-mentions-repartition}). */
    public static final String COUNTRY_MENTIONS_REPARTITION = "country-mentions";

    private final TopologyConfig config;
    private final NewsSerdes serdes;
    private final ArticleCleaner cleaner;
    private final Tagger tagger;

    public NewsTopology(final TopologyConfig config, final NewsSerdes serdes, final ArticleCleaner cleaner,
                        final Tagger tagger) {
        this.config = config;
        this.serdes = serdes;
        this.cleaner = cleaner;
        this.tagger = tagger;
    }

    /** The topology with the configured cleaner and the tagger's bundled knowledge base. */
    public static Topology build(final TopologyConfig config, final NewsSerdes serdes) {
        return new NewsTopology(config, serdes, cleanerFor(config), Tagger.fromClasspath()).build();
    }

    /** The cleaner with this topology's limits. */
    public static ArticleCleaner cleanerFor(final TopologyConfig config) {
        final CleanerConfig defaults = CleanerConfig.defaults();
        return new ArticleCleaner(new CleanerConfig(config.maxBodyChars(), defaults.maxLineChars(), defaults.detectLanguage()));
    }

    public Topology build() {
        final TopicNames topics = config.topics();
        final StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.ARTICLES), serdes.key(), serdes.tagged()));

        // 1. Clean: drop site chrome, captions, code and appeals; the record timestamp becomes published-at.
        final KStream<String, CleanedArticle> cleaned = builder
                .stream(topics.raw(), Consumed.with(serdes.key(), serdes.raw()).withName("read-raw-articles"))
                .processValues(() -> new CleanProcessor(cleaner), Named.as("clean"));
        cleaned.to(topics.cleaned(), Produced.with(serdes.key(), serdes.cleaned()).withName("write-cleaned-articles"));

        // 2. Tag entities, then 3. let each article id through once (and keep it for the article view).
        final KStream<String, TaggedArticle> firstSightings = cleaned
                .processValues(() -> new TagProcessor(tagger), Named.as("tag"))
                .processValues(FirstSightingProcessor::new, Named.as("first-sighting"), StoreNames.ARTICLES);
        firstSightings.to(topics.tagged(), Produced.with(serdes.key(), serdes.tagged()).withName("write-tagged-articles"));

        // 4. One record per (article, country) carrying the article's mention count, re-keyed by country.
        final KGroupedStream<String, Long> mentions = firstSightings
                .flatMap(NewsTopology::countryMentions, Named.as("explode-country-mentions"))
                .groupByKey(Grouped.with(COUNTRY_MENTIONS_REPARTITION, Serdes.String(), Serdes.Long()));

        // 5. All-time totals, published as a compacted topic of updates.
        mentions.reduce(Long::sum, Named.as("count-all-time"),
                        Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as(StoreNames.COUNTRY_COUNTS)
                                .withKeySerde(Serdes.String()).withValueSerde(Serdes.Long()))
                .toStream(Named.as("all-time-updates"))
                .mapValues((country, count) -> countryCount(country, count, null, null), Named.as("to-country-count"))
                .to(topics.counts(), Produced.with(serdes.key(), serdes.count()).withName("write-country-counts"));

        // 6. Event-time windows: hourly (queried only) and daily (queried and published).
        countWindowed(mentions, Duration.ofHours(1), StoreNames.COUNTRY_COUNTS_HOURLY, "count-hourly");
        countWindowed(mentions, Duration.ofDays(1), StoreNames.COUNTRY_COUNTS_DAILY, "count-daily")
                .toStream(Named.as("daily-updates"))
                .map((window, count) -> KeyValue.pair(windowKey(window), countryCount(window.key(), count,
                        window.window().startTime(), window.window().endTime())), Named.as("to-daily-count"))
                .to(topics.dailyCounts(), Produced.with(serdes.windowKey(), serdes.count()).withName("write-daily-counts"));

        return builder.build();
    }

    private KTable<Windowed<String>, Long> countWindowed(
            final KGroupedStream<String, Long> mentions, final Duration size, final String store, final String name) {
        return mentions
                .windowedBy(TimeWindows.ofSizeAndGrace(size, config.windowGrace()))
                .reduce(Long::sum, Named.as(name),
                        Materialized.<String, Long, WindowStore<Bytes, byte[]>>as(store)
                                .withKeySerde(Serdes.String()).withValueSerde(Serdes.Long())
                                .withRetention(config.windowRetention()));
    }

    private static List<KeyValue<String, Long>> countryMentions(final String id, final TaggedArticle article) {
        final List<KeyValue<String, Long>> out = new ArrayList<>(article.getCountries().size());
        for (Map.Entry<String, Integer> e : article.getCountries().entrySet()) {
            out.add(KeyValue.pair(e.getKey(), e.getValue().longValue()));
        }
        return out;
    }

    private CountryCount countryCount(final String country, final long count, final Instant start, final Instant end) {
        return CountryCount.newBuilder()
                .setCountry(country)
                .setName(tagger.knowledgeBase().country(country).map(Country::name).orElse(country))
                .setCount(count)
                .setWindowStart(start)
                .setWindowEnd(end)
                .build();
    }

    private static CountryWindowKey windowKey(final Windowed<String> window) {
        return new CountryWindowKey(window.key(), window.window().startTime(), window.window().endTime());
    }
}
