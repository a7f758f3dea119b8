package io.newsstream.streams.query;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsstream.schema.ArticleRef;
import io.newsstream.schema.TaggedArticle;
import io.newsstream.streams.topology.NewsTopology;
import io.newsstream.streams.topology.StoreNames;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Layer 2 of the query side: decides which instance answers.
 *
 * <p>Key look-ups (everything about one country, an article) go to the instance that owns the
 * key's partition: answered locally when that is this instance, otherwise forwarded over HTTP to
 * the owner's internal endpoint, which answers from its own partitions and never forwards again.
 * Whole-store reads (top countries, all-time or windowed) fan out to every instance and merge
 * per partition, retried until every partition has answered, so any instance gives the same answer.
 *
 * <p>When the active copy of a partition cannot answer (its instance is gone, or it is restoring
 * after a rebalance), the answer comes from a standby replica instead and the request is marked
 * stale ({@link #staleness()}), rather than failing.
 */
public final class QueryRouter {

    static final String INTERNAL = "/internal/v1";
    private static final Duration RETRY_FOR = Duration.ofSeconds(10);

    private final KafkaStreams streams;
    private final StoreQueries local;
    private final StoreQueries anyReplica;
    private final ThreadLocal<String> stale = new ThreadLocal<>();
    private final HostInfo self;
    private final Serializer<String> articleKeySerializer;
    private final Serializer<String> countryKeySerializer = new StringSerializer();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = ApiJson.mapper();
    private final String authorization;

    public QueryRouter(final KafkaStreams streams, final Duration retryFor, final HostInfo self,
                       final Serializer<String> articleKeySerializer, final BearerAuth auth) {
        this.streams = streams;
        this.local = new StoreQueries(streams, retryFor, true);
        this.anyReplica = new StoreQueries(streams, Duration.ofMillis(200), false);
        this.self = self;
        this.articleKeySerializer = articleKeySerializer;
        this.authorization = auth.header();
    }

    /** This instance's stores: active tasks only, or standby replicas too. */
    public StoreQueries local(final boolean allowStandby) {
        return allowStandby ? anyReplica : local;
    }

    /** Starts a request on this thread: nothing stale yet. */
    public void beginRequest() {
        stale.remove();
    }

    /** Why the current request's answer may lag behind, if a standby answered part of it. */
    public Optional<String> staleness() {
        return Optional.ofNullable(stale.get());
    }

    /** All-time count of one country. */
    public long allTimeCount(final String country) {
        return byCountry(country, (q, p) -> q.allTimeCount(country, p), "/count/" + enc(country), new TypeReference<Long>() { });
    }

    /** A country's windowed counts by window start (epoch millis), windows starting in [from, to]. */
    public SortedMap<Long, Long> series(final String store, final String country, final Instant from, final Instant to) {
        return byCountry(country, (q, p) -> q.windowSeries(store, country, from, to, p),
                "/series/" + enc(store) + "/" + enc(country) + range(from, to), new TypeReference<SortedMap<Long, Long>>() { });
    }

    /** A country's all-time tally (places, co-mentions). */
    public Map<String, Long> tally(final String store, final String country) {
        return byCountry(country, (q, p) -> q.tally(store, country, p), "/tally/" + enc(store) + "/" + enc(country),
                new TypeReference<Map<String, Long>>() { });
    }

    /** A country's tally summed over windows starting in [from, to]. */
    public Map<String, Long> windowedTally(final String store, final String country, final Instant from, final Instant to) {
        return byCountry(country, (q, p) -> q.windowedTally(store, country, from, to, p),
                "/windowed-tally/" + enc(store) + "/" + enc(country) + range(from, to), new TypeReference<Map<String, Long>>() { });
    }

    /** The recent articles naming a country, newest first. */
    public List<ApiViews.ArticleRefView> recentArticles(final String country) {
        return byCountry(country, (q, p) -> q.recentArticles(country, p).stream().map(QueryRouter::view).toList(),
                "/recent/" + enc(country), new TypeReference<List<ApiViews.ArticleRefView>>() { });
    }

    /** All-time counts of every country, merged across all instances. */
    public Map<String, Long> allTimeCounts() {
        return fanOut(StoreNames.COUNTRY_COUNTS, StoreQueries::localAllTimeCounts, INTERNAL + "/counts");
    }

    /** Per-country sums of windows of {@code store} starting in [from, to], merged across all instances. */
    public Map<String, Long> windowSums(final String store, final Instant from, final Instant to) {
        return fanOut(store, q -> q.localWindowSums(store, from, to),
                INTERNAL + "/window-sums/" + enc(store) + range(from, to));
    }

    /** A tagged article by id, from the owner; empty when no such article has been counted. */
    public Optional<TaggedArticle> article(final String id) {
        final KeyQueryMetadata owner = owner(StoreNames.ARTICLES, id, articleKeySerializer);
        return withStandbyFallback(owner, (host, allowStandby) -> {
            if (host.equals(self)) {
                return local(allowStandby).article(id, owner.partition());
            }
            final String body = fetch(host, INTERNAL + "/articles/" + enc(id) + (allowStandby ? "?replica=any" : ""));
            return body == null ? Optional.<TaggedArticle>empty() : Optional.of(ArticleJson.fromJson(body));
        });
    }

    private <T> T byCountry(final String country, final BiFunction<StoreQueries, Integer, T> atPartition,
                            final String internalPath, final TypeReference<T> type) {
        final KeyQueryMetadata owner = owner(StoreNames.COUNTRY_COUNTS, country, countryKeySerializer);
        return withStandbyFallback(owner, (host, allowStandby) -> host.equals(self)
                ? atPartition.apply(local(allowStandby), owner.partition())
                : read(host, INTERNAL + internalPath + (allowStandby ? (internalPath.contains("?") ? "&" : "?") + "replica=any" : ""), type));
    }

    /** Asks the active host; when it cannot answer, each standby host in turn, marking the answer stale. */
    private <T> T withStandbyFallback(final KeyQueryMetadata owner, final BiFunction<HostInfo, Boolean, T> ask) {
        try {
            return ask.apply(owner.activeHost(), false);
        } catch (StoreUnavailableException activeFailed) {
            for (HostInfo standby : owner.standbyHosts()) {
                try {
                    final T answer = ask.apply(standby, true);
                    stale.set("answered by standby " + standby.host() + ":" + standby.port() + " (" + activeFailed.getMessage() + ")");
                    return answer;
                } catch (StoreUnavailableException standbyFailed) {
                    // try the next standby
                }
            }
            throw activeFailed;
        }
    }

    private Map<String, Long> fanOut(final String store, final Function<StoreQueries, StoreQueries.PartialCounts> atSelf,
                                     final String internalPath) {
        final long deadline = System.nanoTime() + RETRY_FOR.toNanos();
        while (true) {
            final Map<Integer, Map<String, Long>> byPartition = new HashMap<>();
            for (StreamsMetadata instance : streams.streamsMetadataForStore(store)) {
                ask(instance.hostInfo(), false, atSelf, internalPath).ifPresent(part -> part.partitions().forEach(byPartition::putIfAbsent));
            }
            final int expected = countPartitions();
            if (expected > 0 && byPartition.size() < expected && System.nanoTime() > deadline - RETRY_FOR.toNanos() / 2) {
                // Half the budget gone and some partition's active copy still silent: take it from a standby.
                for (StreamsMetadata instance : streams.streamsMetadataForStore(store)) {
                    ask(instance.hostInfo(), true, atSelf, internalPath).ifPresent(part -> part.partitions().forEach((p, counts) -> {
                        if (byPartition.putIfAbsent(p, counts) == null) {
                            stale.set("partition " + p + " answered by a standby replica on " + instance.hostInfo().host()
                                    + ":" + instance.hostInfo().port());
                        }
                    }));
                }
            }
            if (expected > 0 && byPartition.size() >= expected) {
                final Map<String, Long> merged = new HashMap<>();
                byPartition.values().forEach(counts -> counts.forEach((k, v) -> merged.merge(k, v, Long::sum)));
                return merged;
            }
            if (System.nanoTime() > deadline) {
                throw new StoreUnavailableException(store, byPartition.size() + " of " + expected
                        + " partitions answered; a rebalance is moving the others");
            }
            pause();
        }
    }

    /** One instance's partial answer; empty when it cannot be reached (its partitions are then asked elsewhere). */
    private Optional<StoreQueries.PartialCounts> ask(final HostInfo host, final boolean allowStandby,
                                                     final Function<StoreQueries, StoreQueries.PartialCounts> atSelf,
                                                     final String internalPath) {
        try {
            if (host.equals(self)) {
                return Optional.of(atSelf.apply(local(allowStandby)));
            }
            final String path = internalPath + (allowStandby ? (internalPath.contains("?") ? "&" : "?") + "replica=any" : "");
            return Optional.of(read(host, path, new TypeReference<StoreQueries.PartialCounts>() { }));
        } catch (StoreUnavailableException e) {
            return Optional.empty();
        }
    }

    /** How many partitions the per-country stores have: those of the repartition topic that feeds them. */
    private int countPartitions() {
        final Set<Integer> partitions = new HashSet<>();
        for (StreamsMetadata instance : streams.metadataForAllStreamsClients()) {
            instance.topicPartitions().stream()
                    .filter(tp -> tp.topic().endsWith(NewsTopology.COUNTRY_MENTIONS_REPARTITION + "-repartition"))
                    .forEach(tp -> partitions.add(tp.partition()));
        }
        return partitions.size();
    }

    /** The owner of a key; during a rebalance there is none for a moment, so wait for one up to the retry budget. */
    private KeyQueryMetadata owner(final String store, final String key, final Serializer<String> serializer) {
        final long deadline = System.nanoTime() + RETRY_FOR.toNanos();
        while (true) {
            final KeyQueryMetadata metadata = streams.queryMetadataForKey(store, key, serializer);
            if (metadata != null && !KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
                return metadata;
            }
            if (System.nanoTime() > deadline) {
                throw new StoreUnavailableException(store, "no instance owns key '" + key + "' right now (rebalancing)");
            }
            pause();
        }
    }

    private <T> T read(final HostInfo host, final String path, final TypeReference<T> type) {
        final String body = fetch(host, path);
        if (body == null) {
            throw new StoreUnavailableException(path, host + " answered 404");
        }
        try {
            return json.readValue(body, type);
        } catch (IOException e) {
            throw new StoreUnavailableException(path, "bad answer from " + host + ": " + e.getMessage());
        }
    }

    /** GETs an internal endpoint of another instance; null on 404. */
    private String fetch(final HostInfo host, final String path) {
        final HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://" + host.host() + ":" + host.port() + path))
                .timeout(Duration.ofSeconds(10)).GET();
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        final HttpRequest request = builder.build();
        try {
            final HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                return null;
            }
            if (response.statusCode() != 200) {
                throw new StoreUnavailableException(path, host + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new StoreUnavailableException(path, "cannot reach " + host + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException(path, "interrupted");
        }
    }

    static ApiViews.ArticleRefView view(final ArticleRef ref) {
        return new ApiViews.ArticleRefView(ref.getId(), ref.getTitle(), ref.getEventTime());
    }

    private static String range(final Instant from, final Instant to) {
        return "?from=" + from.toEpochMilli() + "&to=" + to.toEpochMilli();
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("?", "interrupted");
        }
    }

    private static String enc(final String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
