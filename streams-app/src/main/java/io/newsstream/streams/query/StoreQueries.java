package io.newsstream.streams.query;

import io.newsstream.schema.ArticleRef;
import io.newsstream.schema.CountryTally;
import io.newsstream.schema.RecentArticles;
import io.newsstream.schema.TaggedArticle;
import io.newsstream.streams.topology.StoreNames;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.query.FailureReason;
import org.apache.kafka.streams.query.KeyQuery;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.query.RangeQuery;
import org.apache.kafka.streams.query.StateQueryRequest;
import org.apache.kafka.streams.query.StateQueryResult;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.query.WindowKeyQuery;
import org.apache.kafka.streams.query.WindowRangeQuery;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.WindowStoreIterator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Layer 1 of the query side: reads this instance's state stores with Interactive Queries v2.
 *
 * <p>Reads only local partitions. A store that is not queryable yet (start-up, rebalance,
 * restoration) is retried with back-off for up to {@code retryFor}; after that the caller gets a
 * {@link StoreUnavailableException}. Every iterator is closed before a method returns.
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
        final Long count = single(StoreNames.COUNTRY_COUNTS, KeyQuery.<String, Long>withKey(country), partition);
        return count == null ? 0L : count;
    }

    /**
     * Every all-time count held by this instance's active, running partitions, with the
     * partitions that answered, so a caller merging several instances can tell a complete answer
     * from one missing a partition that is being restored or moved.
     */
    public PartialCounts localAllTimeCounts() {
        final StateQueryResult<KeyValueIterator<String, Long>> result = query(() -> restrict(StateQueryRequest
                .inStore(StoreNames.COUNTRY_COUNTS)
                .withQuery(RangeQuery.<String, Long>withNoBounds()), null));
        final Map<Integer, Map<String, Long>> byPartition = new TreeMap<>();
        for (Map.Entry<Integer, QueryResult<KeyValueIterator<String, Long>>> partition : result.getPartitionResults().entrySet()) {
            if (!partition.getValue().isSuccess()) {
                continue; // a standby, or an active task still restoring: not ours to answer
            }
            final Map<String, Long> counts = new HashMap<>();
            try (KeyValueIterator<String, Long> it = partition.getValue().getResult()) {
                while (it.hasNext()) {
                    final KeyValue<String, Long> kv = it.next();
                    counts.merge(kv.key, kv.value, Long::sum);
                }
            }
            byPartition.put(partition.getKey(), counts);
        }
        return new PartialCounts(byPartition);
    }

    /** Counts from some partitions of a store, per partition, so answers from several instances merge exactly. */
    public record PartialCounts(Map<Integer, Map<String, Long>> partitions) {
    }

    /**
     * Per-country sums of the windows of {@code store} that start in [from, to], over this
     * instance's active partitions, with the partitions that answered.
     */
    public PartialCounts localWindowSums(final String store, final Instant from, final Instant to) {
        final StateQueryResult<KeyValueIterator<Windowed<String>, Long>> result = query(() -> restrict(StateQueryRequest
                .inStore(store)
                .withQuery(WindowRangeQuery.<String, Long>withWindowStartRange(from, to)), null));
        final Map<Integer, Map<String, Long>> byPartition = new TreeMap<>();
        for (Map.Entry<Integer, QueryResult<KeyValueIterator<Windowed<String>, Long>>> partition : result.getPartitionResults().entrySet()) {
            if (!partition.getValue().isSuccess()) {
                continue;
            }
            final Map<String, Long> sums = new HashMap<>();
            try (KeyValueIterator<Windowed<String>, Long> it = partition.getValue().getResult()) {
                while (it.hasNext()) {
                    final KeyValue<Windowed<String>, Long> kv = it.next();
                    sums.merge(kv.key.key(), unwrap(kv.value), Long::sum);
                }
            }
            byPartition.put(partition.getKey(), sums);
        }
        return new PartialCounts(byPartition);
    }

    /** A country's windowed counts by window start (epoch millis) for windows starting in [from, to]. */
    public SortedMap<Long, Long> windowSeries(final String store, final String country, final Instant from,
                                              final Instant to, final Integer partition) {
        final SortedMap<Long, Long> series = new TreeMap<>();
        for (WindowStoreIterator<Long> it : successes(store, () -> restrict(StateQueryRequest.inStore(store)
                .withQuery(WindowKeyQuery.<String, Long>withKeyAndWindowStartRange(country, from, to)), partition))) {
            try (it) {
                it.forEachRemaining(kv -> series.merge(kv.key, unwrap(kv.value), Long::sum));
            }
        }
        return series;
    }

    /** A country's tally (places or co-mentions) from a key-value store. */
    public Map<String, Long> tally(final String store, final String country, final Integer partition) {
        final CountryTally tally = single(store, KeyQuery.<String, CountryTally>withKey(country), partition);
        return tally == null ? Map.of() : tally.getCounts();
    }

    /** A country's tallies summed over the windows of {@code store} that start in [from, to]. */
    public Map<String, Long> windowedTally(final String store, final String country, final Instant from,
                                           final Instant to, final Integer partition) {
        final Map<String, Long> sum = new HashMap<>();
        for (WindowStoreIterator<CountryTally> it : successes(store, () -> restrict(StateQueryRequest.inStore(store)
                .withQuery(WindowKeyQuery.<String, CountryTally>withKeyAndWindowStartRange(country, from, to)), partition))) {
            try (it) {
                it.forEachRemaining(kv -> StoreQueries.<CountryTally>unwrap(kv.value).getCounts()
                        .forEach((k, v) -> sum.merge(k, v, Long::sum)));
            }
        }
        return sum;
    }

    /** The recent articles naming a country, newest first. */
    public List<ArticleRef> recentArticles(final String country, final Integer partition) {
        final RecentArticles recent = single(StoreNames.RECENT_ARTICLES, KeyQuery.<String, RecentArticles>withKey(country), partition);
        return recent == null ? List.of() : recent.getArticles();
    }

    /** A tagged article by id from the given local partition, or from every local partition when null. */
    public Optional<TaggedArticle> article(final String id, final Integer partition) {
        return Optional.ofNullable(single(StoreNames.ARTICLES, KeyQuery.<String, TaggedArticle>withKey(id), partition));
    }

    private <V> V single(final String store, final KeyQuery<String, V> query, final Integer partition) {
        for (V value : successes(store, () -> restrict(StateQueryRequest.inStore(store).withQuery(query), partition))) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private <R> StateQueryRequest<R> restrict(final StateQueryRequest<R> request, final Integer partition) {
        final StateQueryRequest<R> which = activeOnly ? request.requireActive() : request;
        return partition == null ? which : which.withPartitions(Set.of(partition));
    }

    /** The successful partition results of a query; a named partition that failed is an error. */
    private <R> List<R> successes(final String store, final Supplier<StateQueryRequest<R>> request) {
        final StateQueryResult<R> result = query(request);
        final List<R> out = new ArrayList<>();
        String failure = null;
        for (QueryResult<R> r : result.getPartitionResults().values()) {
            if (r.isSuccess()) {
                out.add(r.getResult());
            } else if (r.getFailureReason() != FailureReason.NOT_ACTIVE && r.getFailureReason() != FailureReason.NOT_PRESENT) {
                failure = r.getFailureMessage();
            }
        }
        if (failure != null) {
            out.forEach(StoreQueries::closeQuietly);
            throw new StoreUnavailableException(store, failure);
        }
        return out;
    }

    /**
     * Runs a query, retrying with back-off while the store is not (yet) queryable here.
     */
    private <R> StateQueryResult<R> query(final Supplier<StateQueryRequest<R>> request) {
        final long deadline = System.nanoTime() + retryFor.toNanos();
        long backoffMs = 10;
        while (true) {
            final StateQueryRequest<R> req = request.get();
            final StateQueryResult<R> result = streams.query(req);
            final Optional<QueryResult<R>> retriable = result.getPartitionResults().values().stream()
                    .filter(r -> r.isFailure() && isTransient(r.getFailureReason(), req.isAllPartitions()))
                    .findAny();
            if (retriable.isEmpty()) {
                return result;
            }
            if (System.nanoTime() > deadline) {
                throw new StoreUnavailableException(req.getStoreName(), retriable.get().getFailureMessage());
            }
            sleep(backoffMs);
            backoffMs = Math.min(backoffMs * 2, 500);
        }
    }

    /**
     * When one partition was asked for, NOT_ACTIVE (still restoring) and NOT_PRESENT (moving in
     * a rebalance) are worth waiting for. Across all local partitions they are not: standbys
     * legitimately answer NOT_ACTIVE, and callers check which partitions answered instead.
     */
    private static boolean isTransient(final FailureReason reason, final boolean allPartitions) {
        return !allPartitions && (reason == FailureReason.NOT_ACTIVE || reason == FailureReason.NOT_PRESENT);
    }

    /**
     * Window queries on the DSL's timestamped window stores hand back {@link ValueAndTimestamp}
     * where the declared type says V, so
     * accept either.
     */
    @SuppressWarnings("unchecked")
    private static <V> V unwrap(final Object value) {
        return value instanceof ValueAndTimestamp<?> vt ? (V) vt.value() : (V) value;
    }

    private static void closeQuietly(final Object result) {
        if (result instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // closing a RocksDB iterator does not fail in practice; nothing to recover here
            }
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
