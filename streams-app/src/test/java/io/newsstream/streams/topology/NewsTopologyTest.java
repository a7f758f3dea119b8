package io.newsstream.streams.topology;

import io.newsstream.registry.client.SchemaRegistryClients;
import io.newsstream.schema.ArticleRef;
import io.newsstream.schema.CountryCount;
import io.newsstream.schema.CountryTally;
import io.newsstream.schema.CountryWindowKey;
import io.newsstream.schema.RawArticle;
import io.newsstream.schema.RecentArticles;
import io.newsstream.schema.TaggedArticle;
import io.newsstream.streams.config.TopicNames;
import io.newsstream.streams.config.TopologyConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class NewsTopologyTest {

    private static final TopicNames TOPICS = TopicNames.defaults();
    private static final Instant MAY_28 = Instant.parse("2023-05-28T12:00:00Z");

    private String scope;
    private TopologyTestDriver driver;
    private TestInputTopic<String, RawArticle> raw;
    private NewsSerdes serdes;

    @BeforeEach
    void setUp() {
        scope = "topology-test-" + UUID.randomUUID();
        serdes = new NewsSerdes("mock://" + scope, Map.of());
        final Topology topology = NewsTopology.build(TopologyConfig.defaults(), serdes);
        driver = new TopologyTestDriver(topology, driverProperties());
        raw = driver.createInputTopic(TOPICS.raw(), serdes.key().serializer(), serdes.raw().serializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
        SchemaRegistryClients.dropScope(scope);
    }

    static Properties driverProperties() {
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "newsstream-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, TOPICS.deadLetter());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class.getName());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class.getName());
        return props;
    }

    @Test
    void shouldRankIsraelAzerbaijanAndIranFirstAfterTheSeeds() throws IOException {
        pipeSeeds();

        final Map<String, Long> counts = allTimeCounts();
        final List<String> top3 = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(3).map(Map.Entry::getKey).toList();
        assertThat(top3).containsExactlyInAnyOrder("IL", "AZ", "IR");
    }

    @Test
    void shouldCountEachCountryMentionOfAnArticle() {
        raw.pipeInput(new TestRecord<>("a1", article("a1",
                "Israel and Azerbaijan signed a deal. Israeli officials praised Azerbaijan.", MAY_28), MAY_28));

        assertThat(allTimeCounts()).containsEntry("IL", 2L).containsEntry("AZ", 2L);
    }

    @Test
    void shouldNotChangeAnyCountWhenTheSameArticleIsPublishedAgain() throws IOException {
        pipeSeeds();
        final Map<String, Long> once = allTimeCounts();

        pipeSeeds();

        assertThat(allTimeCounts()).isEqualTo(once);
        assertThat(countRecords(TOPICS.tagged())).isEqualTo(seedFiles().size());
    }

    @Test
    void shouldCountAnArticleInTheDayWindowOfItsPublicationTime() {
        raw.pipeInput(new TestRecord<>("a1", article("a1", "Azerbaijan opened an embassy in Israel.", MAY_28),
                Instant.parse("2023-06-30T00:00:00Z")));

        final WindowStore<String, Long> daily = driver.getWindowStore(StoreNames.COUNTRY_COUNTS_DAILY);
        try (WindowStoreIterator<Long> it = daily.fetch("AZ", Instant.parse("2023-05-28T00:00:00Z"),
                Instant.parse("2023-05-28T00:00:00Z"))) {
            assertThat(it.hasNext()).isTrue();
            assertThat(it.next().value).isEqualTo(1L);
        }
    }

    @Test
    void shouldPublishAllTimeCountUpdatesForDownstreamConsumers() {
        raw.pipeInput(new TestRecord<>("a1", article("a1", "Azerbaijan and Israel.", MAY_28), MAY_28));
        raw.pipeInput(new TestRecord<>("a2", article("a2", "Azerbaijan again.", MAY_28), MAY_28));

        final TestOutputTopic<String, CountryCount> counts = driver.createOutputTopic(TOPICS.counts(),
                serdes.key().deserializer(), serdes.count().deserializer());
        final Map<String, CountryCount> latest = new LinkedHashMap<>();
        counts.readKeyValuesToList().forEach(kv -> latest.put(kv.key, kv.value));
        assertThat(latest.get("AZ").getCount()).isEqualTo(2L);
        assertThat(latest.get("AZ").getName()).isEqualTo("Azerbaijan");
        assertThat(latest.get("AZ").getWindowStart()).isNull();
        assertThat(latest.get("IL").getCount()).isEqualTo(1L);
    }

    @Test
    void shouldPublishADaysFinalCountOnlyOnceTheDayAndItsGraceHaveClosed() {
        raw.pipeInput(new TestRecord<>("a1", article("a1", "Azerbaijan and Israel.", MAY_28), MAY_28));
        raw.pipeInput(new TestRecord<>("a2", article("a2", "Azerbaijan again.", MAY_28), MAY_28));
        final TestOutputTopic<CountryWindowKey, CountryCount> daily = driver.createOutputTopic(TOPICS.dailyCounts(),
                serdes.windowKey().deserializer(), serdes.count().deserializer());
        assertThat(daily.isEmpty()).as("nothing final while the day can still change").isTrue();

        final Instant afterGrace = MAY_28.plus(Duration.ofDays(9));
        raw.pipeInput(new TestRecord<>("later", article("later", "Armenia held elections.", afterGrace), afterGrace));

        final Map<String, CountryCount> finals = new LinkedHashMap<>();
        daily.readKeyValuesToList().forEach(kv -> finals.put(kv.key.getCountry(), kv.value));
        assertThat(finals.get("AZ").getCount()).isEqualTo(2L);
        assertThat(finals.get("AZ").getWindowStart()).isEqualTo(Instant.parse("2023-05-28T00:00:00Z"));
        assertThat(finals.get("IL").getCount()).isEqualTo(1L);
    }

    @Test
    void shouldStillCountALateArticleWithinTheGracePeriod() {
        raw.pipeInput(new TestRecord<>("new", article("new", "Armenia.", MAY_28.plus(Duration.ofDays(5))), MAY_28.plus(Duration.ofDays(5))));
        raw.pipeInput(new TestRecord<>("late", article("late", "Azerbaijan.", MAY_28), MAY_28));
        raw.pipeInput(new TestRecord<>("too-late", article("too-late", "Azerbaijan.", MAY_28.minus(Duration.ofDays(10))),
                MAY_28.minus(Duration.ofDays(10))));

        assertThat(dailyCount("AZ", MAY_28)).isEqualTo(1L);
        assertThat(dailyCount("AZ", MAY_28.minus(Duration.ofDays(10)))).isZero();
        assertThat(allTimeCounts()).containsEntry("AZ", 2L);
    }

    @Test
    void shouldCountTheSameStoryUnderAnotherIdOnce() {
        final String story = "Azerbaijan opened an embassy in Israel on Wednesday.";
        raw.pipeInput(new TestRecord<>("site-a", article("site-a", story, MAY_28), MAY_28));
        raw.pipeInput(new TestRecord<>("site-b", article("site-b", "  azerbaijan opened an embassy in ISRAEL on Wednesday!  ",
                MAY_28.plus(Duration.ofHours(3))), MAY_28.plus(Duration.ofHours(3))));

        assertThat(allTimeCounts()).containsEntry("AZ", 1L).containsEntry("IL", 1L);
    }

    @Test
    void shouldCountTheSameStoryAgainOnceTheLookBackHasPassed() {
        final String story = "Azerbaijan opened an embassy in Israel on Wednesday.";
        raw.pipeInput(new TestRecord<>("first", article("first", story, MAY_28), MAY_28));
        final Instant muchLater = MAY_28.plus(Duration.ofDays(30));
        raw.pipeInput(new TestRecord<>("again", article("again", story, muchLater), muchLater));

        assertThat(allTimeCounts()).containsEntry("AZ", 2L);
    }

    @Test
    void shouldTallyCoMentionsAsArticlesNamingBothCountries() {
        raw.pipeInput(new TestRecord<>("a1", article("a1", "Israel and Azerbaijan. Israel again.", MAY_28), MAY_28));
        raw.pipeInput(new TestRecord<>("a2", article("a2", "Azerbaijan, Israel and Iran.", MAY_28), MAY_28));

        final KeyValueStore<String, CountryTally> coMentions = driver.getKeyValueStore(StoreNames.CO_MENTIONS);
        assertThat(coMentions.get("AZ").getCounts()).containsEntry("IL", 2L).containsEntry("IR", 1L).doesNotContainKey("AZ");
        assertThat(coMentions.get("IR").getCounts()).containsEntry("AZ", 1L).containsEntry("IL", 1L);

        final TestOutputTopic<String, CountryTally> topic = driver.createOutputTopic(TOPICS.coMentions(),
                serdes.key().deserializer(), serdes.tally().deserializer());
        final Map<String, CountryTally> latest = new LinkedHashMap<>();
        topic.readKeyValuesToList().forEach(kv -> latest.put(kv.key, kv.value));
        assertThat(latest.get("IL").getCounts()).containsEntry("AZ", 2L);
    }

    @Test
    void shouldKeepPlaceMentionsApartFromCountryMentions() {
        raw.pipeInput(new TestRecord<>("a1", article("a1", "Talks were held in Baku and Tehran.", MAY_28), MAY_28));

        assertThat(allTimeCounts().getOrDefault("AZ", 0L)).isZero();
        final KeyValueStore<String, CountryTally> places = driver.getKeyValueStore(StoreNames.PLACE_COUNTS);
        assertThat(places.get("AZ").getCounts()).containsEntry("Baku", 1L);
        assertThat(places.get("IR").getCounts()).containsEntry("Tehran", 1L);
    }

    @Test
    void shouldKeepTheMostRecentArticlesPerCountryNewestFirst() {
        for (int day = 0; day < 5; day++) {
            final Instant t = MAY_28.plus(Duration.ofDays(day));
            raw.pipeInput(new TestRecord<>("a" + day, article("a" + day, "News from Azerbaijan, day " + day + ".", t), t));
        }

        final KeyValueStore<String, RecentArticles> recent = driver.getKeyValueStore(StoreNames.RECENT_ARTICLES);
        assertThat(recent.get("AZ").getArticles()).extracting(ArticleRef::getId).containsExactly("a4", "a3", "a2", "a1", "a0");
    }

    @Test
    void shouldKeepTheTaggedArticleWithOffsetsThatPointAtItsMentions() {
        raw.pipeInput(new TestRecord<>("a1", article("a1", "Officials in Azerbaijan welcomed the Israeli delegation.", MAY_28), MAY_28));

        final KeyValueStore<String, TaggedArticle> articles = driver.getKeyValueStore(StoreNames.ARTICLES);
        final TaggedArticle tagged = articles.get("a1");
        assertThat(tagged.getCountries()).containsEntry("AZ", 1).containsEntry("IL", 1);
        tagged.getEntities().stream().filter(e -> e.getSection().name().equals("TEXT")).forEach(e ->
                assertThat(tagged.getText().substring(e.getStart(), e.getEnd())).isEqualTo(e.getText()));
    }

    @Test
    void shouldSendAnEmptyArticleToTheDeadLetterTopicWithStageAndReason() {
        raw.pipeInput(new TestRecord<>("empty", article("empty", "   \n  ", MAY_28), MAY_28));

        final List<TestRecord<byte[], byte[]>> dead = deadLetters();
        assertThat(dead).hasSize(1);
        assertThat(header(dead.get(0), DeadLetters.STAGE)).isEqualTo("clean");
        assertThat(header(dead.get(0), DeadLetters.REASON)).isEqualTo("EMPTY");
        assertThat(header(dead.get(0), DeadLetters.TOPIC)).isEqualTo(TOPICS.raw());
        assertThat(header(dead.get(0), DeadLetters.OFFSET)).isEqualTo("0");
        assertThat(allTimeCounts()).isEmpty();
    }

    @Test
    void shouldSendARecordThatIsNotAvroToTheDeadLetterTopicAndCarryOn() {
        final TestInputTopic<String, byte[]> garbage = driver.createInputTopic(TOPICS.raw(), new StringSerializer(),
                new ByteArraySerializer());
        garbage.pipeInput("bad", "not avro at all".getBytes(StandardCharsets.UTF_8));
        raw.pipeInput(new TestRecord<>("good", article("good", "Azerbaijan.", MAY_28), MAY_28));

        final List<TestRecord<byte[], byte[]>> dead = deadLetters();
        assertThat(dead).hasSize(1);
        assertThat(header(dead.get(0), DeadLetters.STAGE)).isEqualTo("deserialize");
        assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("not avro at all");
        assertThat(allTimeCounts()).containsEntry("AZ", 1L);
    }

    private long dailyCount(final String country, final Instant inDay) {
        final Instant day = Instant.ofEpochMilli(inDay.toEpochMilli() / 86_400_000L * 86_400_000L);
        final WindowStore<String, Long> daily = driver.getWindowStore(StoreNames.COUNTRY_COUNTS_DAILY);
        try (WindowStoreIterator<Long> it = daily.fetch(country, day, day)) {
            return it.hasNext() ? it.next().value : 0L;
        }
    }

    private List<TestRecord<byte[], byte[]>> deadLetters() {
        return driver.createOutputTopic(TOPICS.deadLetter(), Serdes.ByteArray().deserializer(),
                Serdes.ByteArray().deserializer()).readRecordsToList();
    }

    private static String header(final TestRecord<byte[], byte[]> record, final String name) {
        final Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private long countRecords(final String topic) {
        return driver.createOutputTopic(topic, Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer())
                .getQueueSize();
    }

    private Map<String, Long> allTimeCounts() {
        final KeyValueStore<String, Long> store = driver.getKeyValueStore(StoreNames.COUNTRY_COUNTS);
        final Map<String, Long> counts = new LinkedHashMap<>();
        try (KeyValueIterator<String, Long> it = store.all()) {
            it.forEachRemaining(kv -> counts.put(kv.key, kv.value));
        }
        return counts;
    }

    private void pipeSeeds() throws IOException {
        for (Path file : seedFiles()) {
            final String id = file.getFileName().toString().replace(".txt", "");
            raw.pipeInput(new TestRecord<>(id, RawArticle.newBuilder().setId(id).setBody(Files.readString(file))
                    .setFetchedAt(MAY_28).build(), MAY_28));
        }
    }

    static List<Path> seedFiles() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("seeds"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("a seeds/ directory above the working directory").isNotNull();
        try (Stream<Path> files = Files.list(dir.resolve("seeds"))) {
            return new ArrayList<>(files.filter(f -> f.toString().endsWith(".txt")).sorted().toList());
        }
    }

    private static RawArticle article(final String id, final String body, final Instant published) {
        return RawArticle.newBuilder().setId(id).setTitle("Test article").setBody(body).setPublishedAt(published)
                .setFetchedAt(published).build();
    }
}
