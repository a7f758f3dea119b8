package io.newsstream.launcher.reliability;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.newsstream.launcher.TestClusters;
import io.newsstream.producer.ArticlePublisher;
import io.newsstream.registry.client.CachingSchemaRegistryClient;
import io.newsstream.registry.client.ClientConfig;
import io.newsstream.registry.serde.AvroSerializer;
import io.newsstream.registry.server.RegistryServer;
import io.newsstream.schema.RawArticle;
import io.newsstream.streams.app.StreamsApp;
import io.newsstream.streams.config.StreamsAppConfig;
import io.newsstream.streams.config.TopicNames;
import io.newsstream.streams.config.TopologyConfig;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema registry unavailable, on a real broker with the project's own {@link RegistryServer}
 * stopped and started again on the same port (its schemas live in Kafka, so ids survive):
 * a producer started while it is down publishes everything once it is up; a streams app whose
 * registry goes down mid-stream, while records with a schema it has never seen arrive, neither
 * loses, duplicates nor dead-letters a record. Each outage is logged once, not once per record.
 */
@Tag("integration")
class RegistryOutageIT {

    private static final TopicNames TOPICS = TopicNames.defaults();
    private static final String OUTAGE_WARNING = "unavailable (";

    @TempDir
    static Path stateDir;

    private static KafkaClusterTestKit cluster;
    private static int registryPort;
    private static RegistryServer registry;
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = TestClusters.singleNode();
        TestClusters.createTopics(cluster.bootstrapServers(), TOPICS, (short) 1);
        registryPort = TestClusters.freePort();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        stopRegistry();
        if (cluster != null) {
            cluster.close();
        }
    }

    @BeforeEach
    void captureLogs() {
        logged.start();
        ((Logger) LoggerFactory.getLogger("io.newsstream")).addAppender(logged);
    }

    @AfterEach
    void stopCapturing() {
        ((Logger) LoggerFactory.getLogger("io.newsstream")).detachAppender(logged);
    }

    @Test
    void shouldPublishEverythingOnceWhenTheProducerStartsWhileTheRegistryIsDown() throws Exception {
        stopRegistry();
        final List<RawArticle> corpus = Corpus.articles("outage-producer", 200, 3L);
        final String topic = "outage-producer.raw";
        createTopic(topic);
        final CompletableFuture<List<ArticlePublisher.Published>> sent = CompletableFuture.supplyAsync(() -> {
            try (ArticlePublisher publisher = Publishing.publisher(cluster.bootstrapServers(), registryUrl(), topic)) {
                corpus.forEach(publisher::send);
                return publisher.flush();
            }
        });
        Thread.sleep(4_000);
        assertThat(sent).as("nothing can be sent before the registry is up").isNotDone();
        startRegistry();
        final List<ArticlePublisher.Published> results = sent.get(60, TimeUnit.SECONDS);

        assertThat(results).hasSize(corpus.size()).allMatch(ArticlePublisher.Published::ok);
        final Map<String, Integer> onTopic = new Outputs(cluster.bootstrapServers(), registryUrl())
                .keyOccurrences(topic, RawArticle.class);
        assertThat(onTopic.keySet()).as("ids on %s", topic).isEqualTo(ids(corpus));
        assertThat(onTopic.values()).as("each id once").allMatch(n -> n == 1);
        assertThat(messages("RegistryHttp")).as("outage logged once when it began, once when it ended")
                .filteredOn(m -> m.contains(OUTAGE_WARNING)).hasSize(1);
        assertThat(messages("RegistryHttp")).filteredOn(m -> m.contains("answers again after")).hasSize(1);
    }

    @Test
    void shouldNeitherLoseNorDuplicateNorDeadLetterWhenTheRegistryFailsMidStream() throws Exception {
        startRegistry();
        final int port = TestClusters.freePort();
        final StreamsAppConfig config = new StreamsAppConfig("registry-outage-it", cluster.bootstrapServers(), registryUrl(),
                stateDir, "127.0.0.1", port, "localhost", 1, 1, "exactly_once_v2", 100, TopologyConfig.defaults(), Map.of());
        final List<RawArticle> warm = Corpus.articles("outage-warm", 100, 5L);
        final List<RawArticle> newSchema = Corpus.articles("outage-v2", 100, 6L);
        final List<RawArticle> oldSchema = Corpus.articles("outage-v1", 100, 7L);
        final Outputs outputs = new Outputs(cluster.bootstrapServers(), registryUrl());
        final CountsApi api = new CountsApi(port);
        // Three attempts of the stream thread at least while the registry is down.
        try (StreamsApp app = new StreamsApp(config, Map.of(ClientConfig.RETRY_MAX_MS, "2000"))) {
            app.start();
            try (ArticlePublisher publisher = Publishing.publisher(cluster.bootstrapServers(), registryUrl(), TOPICS.raw())) {
                Publishing.publish(publisher, warm);
            }
            awaitTagged(outputs, ids(warm), api);

            // Serialized while the registry is up: a version 2 of RawArticle (one more field), which
            // the app has never read, and more version 1 records.
            final List<ProducerRecord<byte[], byte[]>> pending = new ArrayList<>(serialize(newSchema, true));
            pending.addAll(serialize(oldSchema, false));
            stopRegistry();
            final long stopped = System.nanoTime();
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                    cluster.bootstrapServers(), "acks", "all"), new ByteArraySerializer(), new ByteArraySerializer())) {
                pending.forEach(producer::send);
                producer.flush();
            }
            Thread.sleep(8_000);
            assertThat(app.streams().state()).as("app still up while the registry is down")
                    .isIn(KafkaStreams.State.RUNNING, KafkaStreams.State.REBALANCING);
            assertThat(Publishing.endOffsets(cluster.bootstrapServers(), TOPICS.deadLetter()))
                    .as("records on the dead-letter topic while the registry is down").isZero();
            startRegistry();
            report("registry down for %d ms with %d records pending", Duration.ofNanos(System.nanoTime() - stopped).toMillis(),
                    pending.size());

            final Set<String> all = ids(warm);
            all.addAll(ids(newSchema));
            all.addAll(ids(oldSchema));
            final Outputs.Tagged tagged = awaitTagged(outputs, all, api);
            assertThat(tagged.duplicates()).as("ids on the tagged topic more than once").isEmpty();
            assertThat(outputs.latestCounts(TOPICS.counts())).as("latest value per key on " + TOPICS.counts())
                    .isEqualTo(tagged.expectedCounts());
            assertThat(Publishing.endOffsets(cluster.bootstrapServers(), TOPICS.deadLetter()))
                    .as("records on the dead-letter topic").isZero();
            final List<String> stops = messages("").stream().filter(m -> m.contains("schema registry is unavailable")).toList();
            report("%d articles tagged once each; %d task stops for the outage; registry outage warnings: %d",
                    all.size(), stops.size(), messages("RegistryHttp").stream().filter(m -> m.contains(OUTAGE_WARNING)).count());
            assertThat(stops).as("the outage reached the app (a record needed the new schema)").isNotEmpty();
        }
    }

    /** Wire-format records, serialized now, as RawArticle version 2 (an extra field) or version 1. */
    private static List<ProducerRecord<byte[], byte[]>> serialize(final List<RawArticle> articles, final boolean version2) {
        final CachingSchemaRegistryClient client = new CachingSchemaRegistryClient(registryUrl(), Map.of());
        final AvroSerializer<String> keys = new AvroSerializer<>(client);
        keys.configure(Map.of(), true);
        final AvroSerializer<Object> values = new AvroSerializer<>(client);
        values.configure(Map.of(), false);
        final Schema v2 = withEdition(RawArticle.getClassSchema());
        final List<ProducerRecord<byte[], byte[]>> out = new ArrayList<>();
        for (RawArticle article : articles) {
            final Object value = version2 ? asVersion2(article, v2) : article;
            out.add(new ProducerRecord<>(TOPICS.raw(), null, article.getPublishedAt().toEpochMilli(),
                    keys.serialize(TOPICS.raw(), article.getId()), values.serialize(TOPICS.raw(), value)));
        }
        return out;
    }

    private static Schema withEdition(final Schema v1) {
        final List<Schema.Field> fields = new ArrayList<>();
        v1.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
        fields.add(new Schema.Field("edition", Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING)),
                "Print edition, added in version 2.", Schema.Field.NULL_DEFAULT_VALUE));
        return Schema.createRecord(v1.getName(), v1.getDoc(), v1.getNamespace(), false, fields);
    }

    private static GenericRecord asVersion2(final RawArticle article, final Schema v2) {
        final GenericData.Record record = new GenericData.Record(v2);
        for (Schema.Field field : RawArticle.getClassSchema().getFields()) {
            final Object value = article.get(field.name());
            record.put(field.name(), value instanceof Instant instant ? instant.toEpochMilli() : value);
        }
        record.put("edition", "morning");
        return record;
    }

    private static Outputs.Tagged awaitTagged(final Outputs outputs, final Set<String> ids, final CountsApi api)
            throws InterruptedException {
        final long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            final Outputs.Tagged tagged = outputs.tagged(TOPICS.tagged());
            if (tagged.occurrences().keySet().equals(ids)
                    && api.allTimeCounts().filter(tagged.expectedCounts()::equals).isPresent()) {
                return tagged;
            }
            assertThat(System.nanoTime()).as("%d articles tagged and counted in time; %d so far", ids.size(),
                    tagged.occurrences().size()).isLessThan(deadline);
            Thread.sleep(1_000);
        }
    }

    private List<String> messages(final String loggerSuffix) {
        return logged.list.stream().filter(e -> e.getLoggerName().endsWith(loggerSuffix))
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    private static void startRegistry() {
        registry = RegistryServer.start(new RegistryServer.Config("127.0.0.1", registryPort, cluster.bootstrapServers(),
                "_schemas", 1, Map.of()));
    }

    private static void stopRegistry() {
        if (registry != null) {
            registry.close();
            registry = null;
        }
    }

    private static String registryUrl() {
        return "http://127.0.0.1:" + registryPort;
    }

    private static void createTopic(final String topic) throws Exception {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
            admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(topic, 3, (short) 1))).all().get();
        }
    }

    private static Set<String> ids(final List<RawArticle> articles) {
        final Set<String> ids = new TreeSet<>();
        articles.forEach(a -> ids.add(a.getId()));
        return ids;
    }

    private static void report(final String format, final Object... args) {
        System.out.printf("[RegistryOutageIT] " + format + "%n", args);
    }
}
