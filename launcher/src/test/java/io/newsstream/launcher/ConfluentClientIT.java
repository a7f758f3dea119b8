package io.newsstream.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsstream.producer.ArticlePublisher;
import io.newsstream.producer.ArticleReader;
import io.newsstream.producer.ProducerSettings;
import io.newsstream.registry.client.SchemaRegistryClient;
import io.newsstream.registry.client.SchemaRegistryClients;
import io.newsstream.schema.RawArticle;
import io.newsstream.streams.app.StreamsApp;
import io.newsstream.streams.config.StreamsAppConfig;
import io.newsstream.streams.config.TopicNames;
import io.newsstream.streams.config.TopologyConfig;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Confluent's own Schema Registry client and Avro serdes, the JavaScript ones
 * ({@code @confluentinc/schemaregistry} from npm, driven by {@code registry/interop/confluent-client.mjs}),
 * against newsstream on a real broker: they decode a record of every topic the pipeline writes
 * (keys and values) to the same data the bytes hold, they write an article the pipeline then
 * counts, and they register, evolve and look up a subject of their own in newsstream's registry.
 *
 * <p>Confluent's Java serializer is not on Maven Central (nor is anything of {@code io.confluent}),
 * so this is the Confluent client there is to run here. It needs Node.js 20+ and the package
 * installed: {@code (cd registry/interop && npm ci)}, which {@code .ci/run} does; without them the
 * test is skipped, saying so.
 */
@Tag("integration")
@EnabledIf(value = "confluentClientInstalled",
        disabledReason = "Confluent's JavaScript client is not installed: run (cd registry/interop && npm ci), as .ci/run does")
class ConfluentClientIT {

    private static final Path INTEROP = Path.of("..", "registry", "interop").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final TopicNames TOPICS = TopicNames.defaults();
    private static final String CONFLUENT_ARTICLE = "confluent-js-1";

    @TempDir
    static Path stateDir;

    @TempDir
    Path work;

    @RegisterExtension
    static final TestStackExtension STACK = TestStackExtension.singleNode(TOPICS, 1); // one stream time: days close in order

    static boolean confluentClientInstalled() {
        return Files.isDirectory(INTEROP.resolve("node_modules/@confluentinc/schemaregistry"));
    }

    @Test
    void shouldReadOurTopicsWriteOurInputAndUseOurRegistryThroughConfluentsClient() throws Exception {
        final int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        final StreamsAppConfig config = new StreamsAppConfig("confluent-it", STACK.bootstrapServers(), STACK.registryUrl(),
                stateDir, "127.0.0.1", port, "localhost", 1, 1, "exactly_once_v2", 100, TopologyConfig.defaults(), Map.of());
        try (StreamsApp app = new StreamsApp(config, Map.of());
             SchemaRegistryClient registry = SchemaRegistryClients.create(STACK.registryUrl(), Map.of())) {
            app.start();
            final List<String> seeds = publishSeeds();
            for (String id : seeds) {
                awaitArticle(port, id);
            }
            awaitRecords(TOPICS.dailyCounts());
            awaitRecords(TOPICS.coMentions());

            // What every output topic holds, as bytes, and what those bytes say by the writer's schema.
            final List<String> topics = List.of(TOPICS.raw(), TOPICS.cleaned(), TOPICS.tagged(), TOPICS.counts(),
                    TOPICS.dailyCounts(), TOPICS.coMentions());
            final ArrayNode decode = JSON.createArrayNode();
            final List<JsonNode> expected = new ArrayList<>();
            for (String topic : topics) {
                final List<ConsumerRecord<byte[], byte[]>> records = readAll(topic);
                assertThat(records).as("records on %s", topic).isNotEmpty();
                for (ConsumerRecord<byte[], byte[]> record : records.subList(0, Math.min(3, records.size()))) {
                    decode.addObject().put("topic", topic)
                            .put("key", Base64.getEncoder().encodeToString(record.key()))
                            .put("value", Base64.getEncoder().encodeToString(record.value()));
                    expected.add(JSON.createObjectNode().put("topic", topic)
                            .<ObjectNode>set("key", decodeByWriterSchema(registry, record.key()))
                            .set("value", decodeByWriterSchema(registry, record.value())));
                }
            }

            final ObjectNode request = JSON.createObjectNode().put("registryUrl", STACK.registryUrl());
            request.set("decode", decode);
            request.putArray("encode").addObject()
                    .put("topic", TOPICS.raw())
                    .put("key", CONFLUENT_ARTICLE)
                    .set("value", JSON.createObjectNode()
                            .put("id", CONFLUENT_ARTICLE)
                            .put("source", "confluent-js")
                            .putNull("url")
                            .put("title", "Pipeline talks in Baku")
                            .put("body", "Azerbaijan and Georgia agreed on Tuesday to extend the pipeline from Baku.")
                            .putNull("contentType")
                            .put("publishedAt", 1_685_000_000_000L)
                            .put("fetchedAt", 1_685_000_100_000L));
            final String v1 = "{\"type\":\"record\",\"name\":\"Probe\",\"namespace\":\"interop\","
                    + "\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}";
            request.putObject("register")
                    .put("subject", "confluent-js-probe-value")
                    .put("schema", v1)
                    .put("evolved", v1.replace("}]}", "},{\"name\":\"b\",\"type\":\"long\",\"default\":0}]}"))
                    .put("incompatible", v1.replace("\"string\"", "\"int\""));
            final JsonNode answer = runConfluentClient(request);

            // 1. Confluent's deserializers read each record as the bytes and the writer's schema say.
            final Comparator<JsonNode> sameValue = (a, b) -> a.equals(b) ? 0
                    : a.isNumber() && b.isNumber() && a.doubleValue() == b.doubleValue() ? 0 : 1;
            assertThat(answer.get("decoded")).hasSize(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertThat(answer.get("decoded").get(i).equals(sameValue, expected.get(i)))
                        .as("Confluent's reading of record %d%n%s%nours%n%s", i, answer.get("decoded").get(i), expected.get(i))
                        .isTrue();
            }
            assertThat(answer.get("decoded").findValuesAsText("id")).containsAll(seeds.subList(0, 1));

            // 2. An article Confluent's serializers wrote is read, tagged and counted by the pipeline.
            final JsonNode written = answer.get("encoded").get(0);
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, STACK.bootstrapServers()),
                    new ByteArraySerializer(), new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>(TOPICS.raw(), Base64.getDecoder().decode(written.get("key").asText()),
                        Base64.getDecoder().decode(written.get("value").asText()))).get(30, TimeUnit.SECONDS);
            }
            final JsonNode article = awaitArticle(port, CONFLUENT_ARTICLE);
            assertThat(article.get("title").asText()).isEqualTo("Pipeline talks in Baku");
            assertThat(article.get("countries").has("AZ")).as("countries of %s", article).isTrue();
            assertThat(article.get("countries").has("GE")).as("countries of %s", article).isTrue();

            // 3. Confluent's registry client registers, evolves, checks and looks up a subject here.
            final JsonNode registered = answer.get("registered");
            assertThat(registered.get("compatibleEvolution").asBoolean()).isTrue();
            assertThat(registered.get("incompatibleChange").asBoolean()).isFalse();
            assertThat(registered.get("evolvedId").asInt()).isNotEqualTo(registered.get("id").asInt());
            assertThat(registered.get("latest").get("version").asInt()).isEqualTo(2);
            assertThat(registered.get("latest").get("id").asInt()).isEqualTo(registered.get("evolvedId").asInt());
            assertThat(registered.get("lookedUpId").asInt()).isEqualTo(registered.get("id").asInt());
            assertThat(new Schema.Parser().parse(registered.get("byIdSchema").asText())).isEqualTo(new Schema.Parser().parse(v1));
            assertThat(registry.getById(registered.get("id").asInt())).isEqualTo(new Schema.Parser().parse(v1));
        }
    }

    /** Runs Confluent's client on the request; its answer. */
    private JsonNode runConfluentClient(final JsonNode request) throws IOException, InterruptedException {
        final Path in = work.resolve("request.json");
        final Path out = work.resolve("answer.json");
        final Path log = work.resolve("node.log");
        JSON.writeValue(in.toFile(), request);
        final Process node = new ProcessBuilder("node", INTEROP.resolve("confluent-client.mjs").toString(), in.toString(), out.toString())
                .directory(INTEROP.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(node.waitFor(120, TimeUnit.SECONDS)).as("Confluent's client done within 120 s").isTrue();
        assertThat(node.exitValue()).as("Confluent's client: %s", Files.readString(log)).isZero();
        return JSON.readTree(out.toFile());
    }

    /** The Confluent wire format read by hand: magic byte 0, the schema id, Avro binary by that schema. */
    private static JsonNode decodeByWriterSchema(final SchemaRegistryClient registry, final byte[] bytes) throws IOException {
        final ByteBuffer buffer = ByteBuffer.wrap(bytes);
        assertThat(buffer.get()).as("magic byte").isZero();
        final Schema writer = registry.getById(buffer.getInt());
        final Object datum = new GenericDatumReader<>(writer).read(null,
                DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
        return plain(datum);
    }

    /** A decoded Avro datum as JSON, timestamps as their epoch millis, as the script writes Confluent's. */
    private static JsonNode plain(final Object datum) {
        final JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (datum == null) {
            return nodes.nullNode();
        } else if (datum instanceof GenericRecord record) {
            final ObjectNode object = nodes.objectNode();
            record.getSchema().getFields().forEach(field -> object.set(field.name(), plain(record.get(field.pos()))));
            return object;
        } else if (datum instanceof Map<?, ?> map) {
            final ObjectNode object = nodes.objectNode();
            map.forEach((k, v) -> object.set(k.toString(), plain(v)));
            return object;
        } else if (datum instanceof List<?> list) {
            final ArrayNode array = nodes.arrayNode();
            list.forEach(item -> array.add(plain(item)));
            return array;
        } else if (datum instanceof CharSequence || datum instanceof GenericEnumSymbol<?>) {
            return nodes.textNode(datum.toString());
        } else if (datum instanceof Long l) {
            return nodes.numberNode(l);
        } else if (datum instanceof Integer i) {
            return nodes.numberNode(i);
        } else if (datum instanceof Number n) {
            return nodes.numberNode(n.doubleValue());
        } else if (datum instanceof Boolean b) {
            return nodes.booleanNode(b);
        } else if (datum instanceof ByteBuffer b) {
            final byte[] copy = new byte[b.remaining()];
            b.duplicate().get(copy);
            return nodes.textNode(Base64.getEncoder().encodeToString(copy));
        }
        throw new IllegalArgumentException("no JSON form for " + datum.getClass());
    }

    private static List<String> publishSeeds() throws IOException {
        final List<String> ids = new ArrayList<>();
        try (ArticlePublisher publisher = new ArticlePublisher(new ProducerSettings(STACK.bootstrapServers(),
                STACK.registryUrl(), TOPICS.raw(), Map.of()))) {
            new ArticleReader(Clock.systemUTC()).readAll(PipelineIT.seedsDir()).forEach(a -> {
                ids.add(a.getId());
                publisher.send(a);
            });
            // Three weeks after the last seed (June 4, 2023), past the 7-day grace: the seeds' days
            // close and their final daily counts are published.
            publisher.send(RawArticle.newBuilder().setId("day-closer").setBody("Georgia's parliament met in Tbilisi on Monday.")
                    .setPublishedAt(Instant.parse("2023-06-26T09:00:00Z")).setFetchedAt(Instant.parse("2023-06-26T09:05:00Z"))
                    .build());
            assertThat(publisher.flush()).allMatch(ArticlePublisher.Published::ok);
        }
        return ids;
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(final String topic) {
        return TopicRecords.readAll(STACK.bootstrapServers(), topic);
    }

    private static void awaitRecords(final String topic) throws InterruptedException {
        final long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (readAll(topic).isEmpty()) {
            assertThat(System.nanoTime()).as("records on %s within 60 s", topic).isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    private static JsonNode awaitArticle(final int port, final String id) throws Exception {
        final long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            final HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/v1/articles/" + id)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return JSON.readTree(response.body());
            }
            assertThat(System.nanoTime()).as("article %s counted within 90 s", id).isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}
