package io.newsstream.streams.query;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Layer 2 of the query side: decides which instance answers.
 *
 * <p>Key look-ups (a country's count, an article) go to the instance that owns the key's
 * partition: answered locally when that is this instance, otherwise forwarded over HTTP to the
 * owner's internal endpoint. Whole-store reads (top countries) fan out to every instance and
 * merge, so any instance gives the same answer.
 */
public final class QueryRouter {

    static final String INTERNAL = "/internal/v1";

    private final KafkaStreams streams;
    private final StoreQueries local;
    private final HostInfo self;
    private final Serializer<String> articleKeySerializer;
    private final Serializer<String> countryKeySerializer = new StringSerializer();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();

    public QueryRouter(final KafkaStreams streams, final StoreQueries local, final HostInfo self,
                       final Serializer<String> articleKeySerializer) {
        this.streams = streams;
        this.local = local;
        this.self = self;
        this.articleKeySerializer = articleKeySerializer;
    }

    public StoreQueries local() {
        return local;
    }

    /** All-time count of one country, from whichever instance owns it. */
    public long allTimeCount(final String country) {
        final KeyQueryMetadata owner = owner(StoreNames.COUNTRY_COUNTS, country, countryKeySerializer);
        if (owner.activeHost().equals(self)) {
            return local.allTimeCount(country, owner.partition());
        }
        return get(owner.activeHost(), INTERNAL + "/counts/" + encode(country), Long.class);
    }

    /** Windowed count of one country over window starts in [from, to], from the owner. */
    public long windowedCount(final String store, final String country, final Instant from, final Instant to) {
        final KeyQueryMetadata owner = owner(store, country, countryKeySerializer);
        if (owner.activeHost().equals(self)) {
            return local.windowedCount(store, country, from, to, owner.partition());
        }
        return get(owner.activeHost(), INTERNAL + "/windowed/" + encode(store) + "/" + encode(country)
                + "?from=" + from.toEpochMilli() + "&to=" + to.toEpochMilli(), Long.class);
    }

    /**
     * All-time counts of every country, merged across all instances. Retried until every
     * partition of the count store has answered (a partition being restored or moved answers
     * nowhere for a moment), so the merge is complete or the caller gets a 503.
     */
    public Map<String, Long> allTimeCounts() {
        final long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            final Map<String, Long> merged = new HashMap<>();
            final Set<Integer> answered = new HashSet<>();
            for (StreamsMetadata instance : streams.streamsMetadataForStore(StoreNames.COUNTRY_COUNTS)) {
                final StoreQueries.PartialCounts part = instance.hostInfo().equals(self)
                        ? local.localAllTimeCounts()
                        : get(instance.hostInfo(), INTERNAL + "/counts", StoreQueries.PartialCounts.class);
                part.counts().forEach((k, v) -> merged.merge(k, v, Long::sum));
                answered.addAll(part.partitions());
            }
            final int expected = countPartitions();
            if (expected > 0 && answered.size() >= expected) {
                return merged;
            }
            if (System.nanoTime() > deadline) {
                throw new StoreUnavailableException(StoreNames.COUNTRY_COUNTS, answered.size() + " of " + expected
                        + " partitions answered; a rebalance is moving the others");
            }
            pause();
        }
    }

    /** How many partitions the count store has: those of the repartition topic that feeds it. */
    private int countPartitions() {
        final Set<Integer> partitions = new HashSet<>();
        for (StreamsMetadata instance : streams.metadataForAllStreamsClients()) {
            instance.topicPartitions().stream()
                    .filter(tp -> tp.topic().endsWith(NewsTopology.COUNTRY_MENTIONS_REPARTITION + "-repartition"))
                    .forEach(tp -> partitions.add(tp.partition()));
        }
        return partitions.size();
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException(StoreNames.COUNTRY_COUNTS, "interrupted");
        }
    }

    /** A tagged article by id, from the owner; empty when no such article has been counted. */
    public Optional<TaggedArticle> article(final String id) {
        final KeyQueryMetadata owner = owner(StoreNames.ARTICLES, id, articleKeySerializer);
        if (owner.activeHost().equals(self)) {
            return local.article(id, owner.partition());
        }
        final String body = fetch(owner.activeHost(), INTERNAL + "/articles/" + encode(id));
        return body == null ? Optional.empty() : Optional.of(ArticleJson.fromJson(body));
    }

    /** The owner of a key; during a rebalance there is none for a moment, so wait for one up to the retry budget. */
    private KeyQueryMetadata owner(final String store, final String key, final Serializer<String> serializer) {
        final long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
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

    private <T> T get(final HostInfo host, final String path, final Class<T> type) {
        try {
            return json.readValue(require(host, path), type);
        } catch (IOException e) {
            throw new StoreUnavailableException(path, "bad answer from " + host + ": " + e.getMessage());
        }
    }

    private String require(final HostInfo host, final String path) {
        final String body = fetch(host, path);
        if (body == null) {
            throw new StoreUnavailableException(path, host + " answered 404");
        }
        return body;
    }

    /** GETs an internal endpoint of another instance; null on 404. */
    private String fetch(final HostInfo host, final String path) {
        final HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host.host() + ":" + host.port() + path))
                .timeout(Duration.ofSeconds(10)).GET().build();
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

    private static String encode(final String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
