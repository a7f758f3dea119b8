package io.newsstream.streams.query;

import io.newsstream.schema.ArticleRef;
import io.newsstream.schema.CountryTally;
import io.newsstream.schema.RecentArticles;
import io.newsstream.schema.TaggedArticle;
import io.newsstream.streams.topology.StoreNames;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Layer 1 of the query side: reads this instance's state stores.
 *
 * <p>Reads only local partitions. A store that is not queryable yet (start-up, rebalance,
 * restoration) is retried with back-off for up to {@code retryFor}; after that the caller gets a
 * {@link StoreUnavailableException}. Every iterator is closed before a method returns.
 *
 * <p>Why the read-only store views ({@link KafkaStreams#store}) and not Interactive Queries v2:
 * in Kafka Streams 4.3.1 an IQv2 query on a RocksDB store takes the store's {@code Position}
 * lock and then the store's monitor, while the stream thread's {@code put} takes them in the
 * opposite order, so a query racing a cache flush deadlocks the stream thread and every later
 * query (KAFKA-19629, fixed after 4.3.1; seen here in {@code ./newsstream bench}: processing and
 * the top-N endpoint stopped for good, a thread dump showed the cycle). The read-only views take
 * only the store's own locks, in the stream thread's order. Go back to IQv2 once the Kafka
 * version carries the fix.
 */
public final class StoreQueries {

    private final KafkaStreams streams;
    private final Duration retryFor;
    private final boolean activeOnly;

    /**
     * @param activeOnly true to read only active, running tasks (fresh answers); false to accept
     *                   standby replicas too (answers that may lag behind, for when the active is gone)
     */
    public StoreQueries(final KafkaStreams streams, final Duration retryFor, final boolean activeOnly) {
        this.streams = streams;
        this.retryFor = retryFor;
        this.activeOnly = activeOnly;
    }

    public boolean activeOnly() {
        return activeOnly;
    }

    /** The all-time count of one country from the given local partition, or from every local partition when null. */
    public long allTimeCount(final String country, final Integer partition) {
        final Long count = get(StoreNames.COUNTRY_COUNTS, country, partition);
        return count == null ? 0L : count;
    }

    /**
     * Every all-time count held by this instance's partitions (active and running, or standbys
     * too), with the partitions that answered, so a caller merging several instances can tell a
     * complete answer from one missing a partition that is being restored or moved.
     */
    public PartialCounts localAllTimeCounts() {
        return perPartition(StoreNames.COUNTRY_COUNTS, QueryableStoreTypes.<String, Long>keyValueStore(), store -> {
            final Map<String, Long> counts = new HashMap<>();
            try (KeyValueIterator<String, Long> it = store.all()) {
                it.forEachRemaining(kv -> counts.merge(kv.key, kv.value, Long::sum));
            }
            return counts;
        });
    }

    /** Counts from some partitions of a store, per partition, so answers from several instances merge exactly. */
    public record PartialCounts(Map<Integer, Map<String, Long>> partitions) {
    }

    /**
     * Per-country sums of the windows of {@code store} that start in [from, to], over this
     * instance's partitions, with the partitions that answered.
     */
    public PartialCounts localWindowSums(final String store, final Instant from, final Instant to) {
        return perPartition(store, QueryableStoreTypes.<String, Long>windowStore(), windows -> {
            final Map<String, Long> sums = new HashMap<>();
            try (KeyValueIterator<Windowed<String>, Long> it = windows.fetchAll(from, to)) {
                it.forEachRemaining(kv -> sums.merge(kv.key.key(), kv.value, Long::sum));
            }
            return sums;
        });
    }

    /** A country's windowed counts by window start (epoch millis) for windows starting in [from, to]. */
    public SortedMap<Long, Long> windowSeries(final String store, final String country, final Instant from,
                                              final Instant to, final Integer partition) {
        return read(store, () -> {
            final SortedMap<Long, Long> series = new TreeMap<>();
            try (WindowStoreIterator<Long> it = store(store, QueryableStoreTypes.<String, Long>windowStore(), partition)
                    .fetch(country, from, to)) {
                it.forEachRemaining(kv -> series.merge(kv.key, kv.value, Long::sum));
            }
            return series;
        });
    }

    /** A country's tally (places or co-mentions) from a key-value store. */
    public Map<String, Long> tally(final String store, final String country, final Integer partition) {
        final CountryTally tally = get(store, country, partition);
        return tally == null ? Map.of() : tally.getCounts();
    }

    /** A country's tallies summed over the windows of {@code store} that start in [from, to]. */
    public Map<String, Long> windowedTally(final String store, final String country, final Instant from,
                                           final Instant to, final Integer partition) {
        return read(store, () -> {
            final Map<String, Long> sum = new HashMap<>();
            try (WindowStoreIterator<CountryTally> it = store(store, QueryableStoreTypes.<String, CountryTally>windowStore(),
                    partition).fetch(country, from, to)) {
                it.forEachRemaining(kv -> kv.value.getCounts().forEach((k, v) -> sum.merge(k, v, Long::sum)));
            }
            return sum;
        });
    }

    /** The recent articles naming a country, newest first. */
    public List<ArticleRef> recentArticles(final String country, final Integer partition) {
        final RecentArticles recent = get(StoreNames.RECENT_ARTICLES, country, partition);
        return recent == null ? List.of() : recent.getArticles();
    }

    /** A tagged article by id from the given local partition, or from every local partition when null. */
    public Optional<TaggedArticle> article(final String id, final Integer partition) {
        return Optional.ofNullable(get(StoreNames.ARTICLES, id, partition));
    }

    private <V> V get(final String store, final String key, final Integer partition) {
        return read(store, () -> store(store, QueryableStoreTypes.<String, V>keyValueStore(), partition).get(key));
    }

    /** The view of one local partition of a store, or of all local partitions when {@code partition} is null. */
    private <S> S store(final String store, final QueryableStoreType<S> type, final Integer partition) {
        StoreQueryParameters<S> parameters = StoreQueryParameters.fromNameAndType(store, type);
        if (partition != null) {
            parameters = parameters.withPartition(partition);
        }
        return streams.store(activeOnly ? parameters : parameters.enableStaleStores());
    }

    /**
     * Applies {@code read} to each local partition of the store that can answer now; a partition
     * being restored or moved is left out (the caller sees which partitions answered).
     */
    private <S> PartialCounts perPartition(final String store, final QueryableStoreType<S> type,
                                           final Function<S, Map<String, Long>> read) {
        final Map<Integer, Map<String, Long>> byPartition = new TreeMap<>();
        for (int partition : localPartitions()) {
            try {
                byPartition.put(partition, read.apply(store(store, type, partition)));
            } catch (InvalidStateStoreException e) {
                // not this store's partition here, or not queryable now: not ours to answer
            }
        }
        return new PartialCounts(byPartition);
    }

    /** The partitions of this instance's tasks (active ones, plus standbys when those may answer). */
    private SortedSet<Integer> localPartitions() {
        final SortedSet<Integer> partitions = new TreeSet<>();
        for (ThreadMetadata thread : streams.metadataForLocalThreads()) {
            thread.activeTasks().forEach(task -> partitions.add(task.taskId().partition()));
            if (!activeOnly) {
                thread.standbyTasks().forEach(task -> partitions.add(task.taskId().partition()));
            }
        }
        return partitions;
    }

    /** Runs a read, retrying with back-off while the store is not (yet) queryable here. */
    private <T> T read(final String store, final Supplier<T> read) {
        final long deadline = System.nanoTime() + retryFor.toNanos();
        long backoffMs = 10;
        while (true) {
            try {
                return read.get();
            } catch (InvalidStateStoreException e) {
                if (System.nanoTime() > deadline) {
                    throw new StoreUnavailableException(store, e.getMessage());
                }
            }
            sleep(backoffMs);
            backoffMs = Math.min(backoffMs * 2, 500);
        }
    }

    private static void sleep(final long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("?", "interrupted");
        }
    }
}
