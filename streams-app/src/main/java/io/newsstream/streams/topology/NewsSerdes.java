package io.newsstream.streams.topology;

import io.newsstream.registry.client.SchemaRegistryClient;
import io.newsstream.registry.client.SchemaRegistryClients;
import io.newsstream.registry.serde.AvroSerde;
import io.newsstream.schema.CleanedArticle;
import io.newsstream.schema.ContentSighting;
import io.newsstream.schema.CountryCount;
import io.newsstream.schema.CountryMention;
import io.newsstream.schema.CountryTally;
import io.newsstream.schema.CountryWindowKey;
import io.newsstream.schema.RawArticle;
import io.newsstream.schema.RecentArticles;
import io.newsstream.schema.TaggedArticle;
import org.apache.kafka.common.serialization.Serde;
import org.apache.avro.specific.SpecificRecord;

import java.util.HashMap;
import java.util.Map;

/**
 * The serdes of every topic the application reads or writes, all in the Confluent wire format
 * against one schema registry. Built once from config and handed to the topology; nothing static,
 * so tests can point each instance at its own registry scope.
 */
public final class NewsSerdes {

    private final Map<String, Object> config;
    private final SchemaRegistryClient registry;

    /** One registry client (one cache, one outage log) for every serde of the application. */
    public NewsSerdes(final String schemaRegistryUrl, final Map<String, ?> registryConfig) {
        this.config = new HashMap<>(registryConfig);
        this.config.put("schema.registry.url", schemaRegistryUrl);
        this.registry = SchemaRegistryClients.create(schemaRegistryUrl, config);
    }

    /** Article ids and country codes: Avro strings, as Confluent's serializer writes a Java String. */
    public Serde<String> key() {
        final Serde<String> serde = AvroSerde.string(registry);
        serde.configure(config, true);
        return serde;
    }

    public Serde<RawArticle> raw() {
        return value(RawArticle.class);
    }

    public Serde<CleanedArticle> cleaned() {
        return value(CleanedArticle.class);
    }

    public Serde<TaggedArticle> tagged() {
        return value(TaggedArticle.class);
    }

    public Serde<CountryCount> count() {
        return value(CountryCount.class);
    }

    public Serde<CountryMention> mention() {
        return value(CountryMention.class);
    }

    public Serde<CountryTally> tally() {
        return value(CountryTally.class);
    }

    public Serde<RecentArticles> recent() {
        return value(RecentArticles.class);
    }

    public Serde<ContentSighting> sighting() {
        return value(ContentSighting.class);
    }

    public Serde<CountryWindowKey> windowKey() {
        final Serde<CountryWindowKey> serde = AvroSerde.specific(CountryWindowKey.class, registry);
        serde.configure(config, true);
        return serde;
    }

    private <T extends SpecificRecord> Serde<T> value(final Class<T> type) {
        final Serde<T> serde = AvroSerde.specific(type, registry);
        serde.configure(config, false);
        return serde;
    }
}
