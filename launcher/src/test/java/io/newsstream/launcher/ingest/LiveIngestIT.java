package io.newsstream.launcher.ingest;

import io.newsstream.launcher.TestClusters;
import com.sun.net.httpserver.HttpServer;
import io.newsstream.launcher.TopicsCommand;
import io.newsstream.producer.ArticlePublisher;
import io.newsstream.producer.ArticleReader;
import io.newsstream.producer.ProducerSettings;
import io.newsstream.producer.feed.FeedPoller;
import io.newsstream.producer.ingest.Ingestion;
import io.newsstream.producer.ingest.LiveIngest;
import io.newsstream.producer.ingest.PublishedLedger;
import io.newsstream.producer.watch.FolderWatcher;
import io.newsstream.registry.serde.AvroSerde;
import io.newsstream.registry.server.RegistryServer;
import io.newsstream.schema.RawArticle;
import io.newsstream.streams.config.TopicNames;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live ingestion on a real broker: a watched folder and an RSS feed (served locally) end up as
 * records on news.articles.raw, read back with the Avro serde; a restarted producer over the same
 * folder, feed and ledger sends nothing again. Also: {@code newsstream topics} on that cluster.
 */
@Tag("integration")
class LiveIngestIT {

    private static final TopicNames TOPICS = TopicNames.defaults();
    private static final String FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>IT wire</title><link>http://it.example/</link><description>d</description>
              <item><title>Baku talks</title><guid>it-1</guid><pubDate>Wed, 01 May 2024 09:30:00 GMT</pubDate>
                <description>&lt;p&gt;Azerbaijan hosted talks.&lt;/p&gt;</description></item>
              <item><title>Tehran budget</title><link>http://it.example/2</link>
                <description>Iran passed a budget.</description></item>
            </channel></rss>""";

    @TempDir
    static Path work;

    private static KafkaClusterTestKit cluster;
    private static RegistryServer registry;
    private static HttpServer feedServer;

    @BeforeAll
    static void start() throws Exception {
        cluster = TestClusters.singleNode();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
            final List<NewTopic> topics = new ArrayList<>();
            for (String name : TOPICS.all()) {
                // The counts topic is deliberately not compacted: `topics` must flag it.
                topics.add(new NewTopic(name, 3, (short) 1).configs(Map.of("cleanup.policy", "delete")));
            }
            admin.createTopics(topics).all().get();
        }
        registry = RegistryServer.start(new RegistryServer.Config("127.0.0.1", 0, cluster.bootstrapServers(), "_schemas", 1, Map.of()));
        feedServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        feedServer.createContext("/feed.xml", ex -> {
            final byte[] body = FEED.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("ETag", "\"it\"");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        feedServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (feedServer != null) {
            feedServer.stop(0);
        }
        if (registry != null) {
            registry.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void shouldPublishAWatchedFolderAndAFeedOnceAcrossARestart() throws Exception {
        final Path inbox = Files.createDirectories(work.resolve("inbox"));
        final Path state = work.resolve("state");
        Files.writeString(inbox.resolve("it-file-1.txt"), "Israel and Iran traded threats.");
        Files.writeString(inbox.resolve("wire.jsonl"), """
                {"id": "it-line-1", "text": "Georgia held elections.", "publishedAt": "2024-05-02T10:00:00Z"}
                {"id": "it-line-2", "text": "Armenia and Azerbaijan met."}
                """);

        try (LiveRun run = new LiveRun(inbox, state)) {
            run.live.start(Duration.ofMillis(100), Duration.ofMillis(500));
            // A file written while watched, the safe way: under a name the watcher ignores, then renamed.
            Files.writeString(inbox.resolve("it-file-2.html.tmp"), "<p>Turkey and Syria.</p>");
            Files.move(inbox.resolve("it-file-2.html.tmp"), inbox.resolve("it-file-2.html"));
            awaitIds(Set.of("it-file-1", "it-line-1", "it-line-2", "it-file-2"), 5 + 1);
        }
        final List<ConsumerRecord<String, RawArticle>> first = readAll();

        try (LiveRun restarted = new LiveRun(inbox, state)) {
            restarted.live.scanFolders();
            Thread.sleep(400);
            restarted.live.scanFolders();
            restarted.live.pollFeeds();
            assertThat(restarted.ingestion.summary().published()).isZero();
            assertThat(restarted.ingestion.summary().duplicates()).isEqualTo(6);
        }

        assertThat(readAll()).hasSameSizeAs(first).hasSize(6);
        final RawArticle fromFeed = first.stream().map(ConsumerRecord::value)
                .filter(a -> "Baku talks".equals(a.getTitle())).findFirst().orElseThrow();
        assertThat(fromFeed.getContentType()).isEqualTo("text/html");
        assertThat(fromFeed.getPublishedAt()).isEqualTo(Instant.parse("2024-05-01T09:30:00Z"));
        assertThat(first).filteredOn(r -> r.key().equals("it-line-1"))
                .singleElement().satisfies(r -> assertThat(r.timestamp()).isEqualTo(Instant.parse("2024-05-02T10:00:00Z").toEpochMilli()));
    }

    @Test
    void shouldListOurTopicsAndFlagACountsTopicThatIsNotCompacted() throws Exception {
        final TopicsCommand command = new TopicsCommand();
        new CommandLine(command).parseArgs("--bootstrap-servers", cluster.bootstrapServers());
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final boolean healthy;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
            healthy = command.print(admin, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        }
        final String table = bytes.toString(StandardCharsets.UTF_8);

        assertThat(healthy).isFalse();
        assertThat(table).contains("news.articles.raw", "input: raw articles", "news.dead-letter");
        assertThat(table).contains("ERROR: topic news.country-counts must be compacted");
    }

    /** One producer process: its ledger, publisher, watcher and feed poller. */
    private static final class LiveRun implements AutoCloseable {
        final PublishedLedger ledger;
        final ArticlePublisher publisher;
        final Ingestion ingestion;
        final LiveIngest live;

        LiveRun(final Path inbox, final Path state) {
            ledger = PublishedLedger.open(state);
            publisher = new ArticlePublisher(new ProducerSettings(cluster.bootstrapServers(), registry.url(), TOPICS.raw(), Map.of()));
            ingestion = new Ingestion(publisher, ledger, 100, Ingestion.Listener.NONE);
            final FolderWatcher watcher = new FolderWatcher(inbox, Duration.ofMillis(300), System::nanoTime,
                    new ArticleReader(Clock.systemUTC()), ingestion);
            live = new LiveIngest(List.of(watcher), List.of(URI.create("http://127.0.0.1:" + feedServer.getAddress().getPort()
                    + "/feed.xml")), FeedPoller.withDefaults(Clock.systemUTC()), ingestion);
        }

        @Override
        public void close() {
            live.close();
            publisher.close();
            ledger.close();
        }
    }

    private static void awaitIds(final Set<String> fileIds, final int total) throws InterruptedException {
        final long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<ConsumerRecord<String, RawArticle>> records = readAll();
        while (records.size() < total || !keys(records).containsAll(fileIds)) {
            assertThat(System.nanoTime()).as("records %s within 30 s", keys(records)).isLessThan(deadline);
            Thread.sleep(200);
            records = readAll();
        }
    }

    private static Set<String> keys(final List<ConsumerRecord<String, RawArticle>> records) {
        return records.stream().map(ConsumerRecord::key).collect(Collectors.toSet());
    }

    /** Every record on the raw topic, read with the Avro serdes from the start to the end offsets. */
    private static List<ConsumerRecord<String, RawArticle>> readAll() {
        final Map<String, Object> serdeConfig = Map.of("schema.registry.url", registry.url());
        final Serde<String> keys = AvroSerde.string();
        keys.configure(serdeConfig, true);
        final Serde<RawArticle> values = AvroSerde.specific(RawArticle.class);
        values.configure(serdeConfig, false);
        try (KafkaConsumer<String, RawArticle> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), keys.deserializer(), values.deserializer())) {
            final List<TopicPartition> partitions = consumer.partitionsFor(TOPICS.raw()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            final Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            final List<ConsumerRecord<String, RawArticle>> records = new ArrayList<>();
            final long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }
}
