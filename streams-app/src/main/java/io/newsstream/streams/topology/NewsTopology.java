package io.newsstream.streams.topology;

import io.newsstream.clean.ArticleCleaner;
import io.newsstream.clean.CleanerConfig;
import io.newsstream.schema.CleanedArticle;
import io.newsstream.schema.CountryCount;
import io.newsstream.schema.CountryMention;
import io.newsstream.schema.CountryTally;
import io.newsstream.schema.CountryWindowKey;
import io.newsstream.schema.RawArticle;
import io.newsstream.schema.RecentArticles;
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
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The newsstream topology: raw articles → clean → tag → first sighting per id → first sighting
 * per content → per country: mention counts (all-time, hourly, daily), places, co-mentions and
 * recent articles.
 *
 * <p>A pure function of its inputs: no {@code KafkaStreams}, no I/O. Every processor, store and
 * repartition topic is named, so renaming one shows in the {@code describe()} snapshot test
 * before it can orphan a changelog topic.
 */
public final class NewsTopology {

    /** Name of the repartition step that re-keys mentions by country (topic {@code <app>-country-mentions-repartition}). */
    public static final String COUNTRY_MENTIONS_REPARTITION = "country-mentions";
    /** Name of the repartition step that re-keys articles by content fingerprint. */
    public static final String CONTENT_REPARTITION = "by-content";

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
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.CONTENT_SIGHTINGS), Serdes.String(), serdes.sighting()));

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

        // 4. The same story under another id: meet on the content fingerprint's partition, count it once.
        final KStream<String, TaggedArticle> distinct = firstSightings
                .selectKey((id, article) -> ContentFingerprint.of(article.getText()), Named.as("key-by-content"))
                .repartition(Repartitioned.<String, TaggedArticle>as(CONTENT_REPARTITION)
                        .withKeySerde(Serdes.String()).withValueSerde(serdes.tagged()))
                .processValues(() -> new ContentDedupProcessor(config.dedupLookback()), Named.as("content-dedup"),
                        StoreNames.CONTENT_SIGHTINGS);

        // 5. One record per (article, country), re-keyed by country: every per-country store below
        //    reads the same partition, so one owner answers every key query about a country.
        final KGroupedStream<String, CountryMention> byCountry = distinct
                .flatMap((fingerprint, article) -> CountryAggregates.explode(article), Named.as("explode-country-mentions"))
                .groupByKey(Grouped.with(COUNTRY_MENTIONS_REPARTITION, Serdes.String(), serdes.mention()));

        // 6. All-time totals, published as a compacted topic of updates.
        byCountry.aggregate(() -> 0L, (country, m, total) -> total + m.getMentions(), Named.as("count-all-time"),
                        Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as(StoreNames.COUNTRY_COUNTS)
                                .withKeySerde(Serdes.String()).withValueSerde(Serdes.Long()))
                .toStream(Named.as("all-time-updates"))
                .filter((country, count) -> count > 0, Named.as("named-countries-only"))
                .mapValues((country, count) -> countryCount(country, count, null, null), Named.as("to-country-count"))
                .to(topics.counts(), Produced.with(serdes.key(), serdes.count()).withName("write-country-counts"));

        // 7. Event-time windows: hourly (queried), daily (queried, and final counts published when a day closes).
        countWindowed(byCountry, Duration.ofHours(1), StoreNames.COUNTRY_COUNTS_HOURLY, "count-hourly");
        countWindowed(byCountry, Duration.ofDays(1), StoreNames.COUNTRY_COUNTS_DAILY, "count-daily")
                .suppress(Suppressed.<Windowed<String>>untilWindowCloses(Suppressed.BufferConfig.unbounded())
                        .withName("until-day-closes"))
                .toStream(Named.as("closed-days"))
                .filter((window, count) -> count > 0, Named.as("named-days-only"))
                .map((window, count) -> KeyValue.pair(windowKey(window), countryCount(window.key(), count,
                        window.window().startTime(), window.window().endTime())), Named.as("to-daily-count"))
                .to(topics.dailyCounts(), Produced.with(serdes.windowKey(), serdes.count()).withName("write-daily-counts"));

        // 8. Places per country, co-mentions (all-time, published; and per day), recent articles.
        byCountry.aggregate(CountryAggregates::emptyTally, CountryAggregates::addPlaces, Named.as("count-places"),
                tallyStore(StoreNames.PLACE_COUNTS));
        byCountry.aggregate(CountryAggregates::emptyTally, CountryAggregates::addCoMentions, Named.as("count-co-mentions"),
                        tallyStore(StoreNames.CO_MENTIONS))
                .toStream(Named.as("co-mention-updates"))
                .filter((country, tally) -> !tally.getCounts().isEmpty(), Named.as("co-mentioned-only"))
                .to(topics.coMentions(), Produced.with(serdes.key(), serdes.tally()).withName("write-co-mentions"));
        byCountry.windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofDays(1), config.windowGrace()))
                .aggregate(CountryAggregates::emptyTally, CountryAggregates::addCoMentions, Named.as("count-co-mentions-daily"),
                        Materialized.<String, CountryTally, WindowStore<Bytes, byte[]>>as(StoreNames.CO_MENTIONS_DAILY)
                                .withKeySerde(Serdes.String()).withValueSerde(serdes.tally())
                                .withRetention(config.windowRetention()));
        final int bound = config.recentArticles();
        byCountry.aggregate(() -> new RecentArticles(List.of()),
                (country, mention, recent) -> CountryAggregates.addRecent(mention, recent, bound), Named.as("keep-recent-articles"),
                Materialized.<String, RecentArticles, KeyValueStore<Bytes, byte[]>>as(StoreNames.RECENT_ARTICLES)
                        .withKeySerde(Serdes.String()).withValueSerde(serdes.recent()));

        return builder.build();
    }

    private Materialized<String, CountryTally, KeyValueStore<Bytes, byte[]>> tallyStore(final String name) {
        return Materialized.<String, CountryTally, KeyValueStore<Bytes, byte[]>>as(name)
                .withKeySerde(Serdes.String()).withValueSerde(serdes.tally());
    }

    private KTable<Windowed<String>, Long> countWindowed(
            final KGroupedStream<String, CountryMention> mentions, final Duration size, final String store, final String name) {
        return mentions
                .windowedBy(TimeWindows.ofSizeAndGrace(size, config.windowGrace()))
                .aggregate(() -> 0L, (country, m, total) -> total + m.getMentions(), Named.as(name),
                        Materialized.<String, Long, WindowStore<Bytes, byte[]>>as(store)
                                .withKeySerde(Serdes.String()).withValueSerde(Serdes.Long())
                                .withRetention(config.windowRetention()));
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
