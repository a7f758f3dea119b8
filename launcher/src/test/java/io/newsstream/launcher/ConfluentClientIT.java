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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
import java.util.HashMap;
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
 * <p>And Confluent's Python client ({@code confluent-kafka}, librdkafka underneath; Debian's
 * {@code python3-confluent-kafka}, driven by {@code registry/interop/confluent_python.py}) as a
 * downstream team runs it: its {@code AvroConsumer} reads our topics from the broker and its
 * {@code AvroProducer} writes an article the pipeline counts.
 *
 * <p>Confluent's Java serializer is not on Maven Central (nor is anything of {@code io.confluent}),
 * so these are the Confluent clients there are to run here. Each test needs its client installed:
 * {@code (cd registry/interop && npm ci)} with Node.js 20+, and {@code apt-get install
 * python3-confluent-kafka python3-avro python3-requests}; {@code .ci/run} installs both. A test
 * whose client is missing is skipped, saying so.
 */
@Tag("integration")
@EnabledIf(value = "anyClientInstalled", disabledReason = "neither of Confluent's clients is installed (see the class comment)")
class ConfluentClientIT {

    private static final Path INTEROP = Path.of("..", "registry", "interop").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final TopicNames TOPICS = TopicNames.defaults();
    /** Every topic the pipeline writes records of its own to (and its input, which our producer writes). */
    private static final List<String> OUTPUT_TOPICS = List.of(TOPICS.raw(), TOPICS.cleaned(), TOPICS.tagged(),
            TOPICS.counts(), TOPICS.dailyCounts(), TOPICS.coMentions());
    /** Debian's Python, where python3-confluent-kafka installs (another python3 may come first on PATH). */
    private static final String PYTHON = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";

    @TempDir
    static Path stateDir;

    private static StreamsApp app;
    private static int port;
    private static List<String> seeds;
    private static SchemaRegistryClient registry;

    @TempDir
    Path work;

    @RegisterExtension
    static final TestStackExtension STACK = TestStackExtension.singleNode(TOPICS, 1); // one stream time: days close in order

    static boolean javaScriptClientInstalled() {
        return Files.isDirectory(INTEROP.resolve("node_modules/@confluentinc/schemaregistry"));
    }

    static boolean pythonClientInstalled() {
        try {
            final Process python = new ProcessBuilder(PYTHON, "-c", "import confluent_kafka.avro").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return python.waitFor(30, TimeUnit.SECONDS) && python.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static boolean anyClientInstalled() {
        return javaScriptClientInstalled() || pythonClientInstalled();
    }

    /** The pipeline, its output of the seeds on every topic, the final daily counts included. */
    @BeforeAll
    static void pipelineWithTheSeedsCounted() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        final StreamsAppConfig config = new StreamsAppConfig("confluent-it", STACK.bootstrapServers(), STACK.registryUrl(),
                stateDir, "127.0.0.1", port, "localhost", 1, 1, "exactly_once_v2", 100, TopologyConfig.defaults(), Map.of());
        app = new StreamsApp(config, Map.of());
        app.start();
        registry = SchemaRegistryClients.create(STACK.registryUrl(), Map.of());
        seeds = publishSeeds();
        for (String id : seeds) {
            awaitArticle(port, id);
        }
        for (String topic : OUTPUT_TOPICS) {
            awaitRecords(topic);
        }
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    @EnabledIf(value = "javaScriptClientInstalled",
            disabledReason = "Confluent's JavaScript client is not installed: run (cd registry/interop && npm ci), as .ci/run does")
    void shouldReadOurTopicsWriteOurInputAndUseOurRegistryThroughConfluentsJavaScriptClient() throws Exception {
        // What every output topic holds, as bytes, and what those bytes say by the writer's schema.
        final ArrayNode decode = JSON.createArrayNode();
        final List<JsonNode> expected = new ArrayList<>();
        for (String topic : OUTPUT_TOPICS) {
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
                .put("key", "confluent-js-1")
                .set("value", article("confluent-js-1"));
        final String v1 = "{\"type\":\"record\",\"name\":\"Probe\",\"namespace\":\"interop\","
                + "\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}";
        request.putObject("register")
                .put("subject", "confluent-js-probe-value")
                .put("schema", v1)
                .put("evolved", v1.replace("}]}", "},{\"name\":\"b\",\"type\":\"long\",\"default\":0}]}"))
                .put("incompatible", v1.replace("\"string\"", "\"int\""));
        final JsonNode answer = run(List.of("node", INTEROP.resolve("confluent-client.mjs").toString()), request);

        // 1. Confluent's deserializers read each record as the bytes and the writer's schema say.
        assertThat(answer.get("decoded")).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertSameData(answer.get("decoded").get(i), expected.get(i));
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
        assertCounted("confluent-js-1");

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

    @Test
    @EnabledIf(value = "pythonClientInstalled", disabledReason = "Confluent's Python client is not installed: "
            + "apt-get install python3-confluent-kafka python3-avro python3-requests, as .ci/run does")
    void shouldBeReadAndWrittenByConfluentsPythonConsumerAndProducer() throws Exception {
        final int perTopic = 3;
        final ObjectNode request = JSON.createObjectNode()
                .put("bootstrap", STACK.bootstrapServers())
                .put("registryUrl", STACK.registryUrl())
                .put("perTopic", perTopic);
        OUTPUT_TOPICS.forEach(request.putArray("topics")::add);
        request.putObject("produce").put("topic", TOPICS.raw()).put("key", "confluent-python-1")
                .set("value", article("confluent-python-1"));

        final JsonNode answer = run(List.of(PYTHON, INTEROP.resolve("confluent_python.py").toString()), request);

        // Its AvroConsumer decodes each record it read as the bytes at that offset and the writer's schema say.
        final Map<String, Map<String, ConsumerRecord<byte[], byte[]>>> byPosition = new HashMap<>();
        for (String topic : OUTPUT_TOPICS) {
            final Map<String, ConsumerRecord<byte[], byte[]>> positions = new HashMap<>();
            readAll(topic).forEach(r -> positions.put(r.partition() + "@" + r.offset(), r));
            byPosition.put(topic, positions);
        }
        for (String topic : OUTPUT_TOPICS) {
            assertThat(answer.get("consumed").findParents("topic").stream().filter(r -> r.get("topic").asText().equals(topic)))
                    .as("records of %s read by Confluent's consumer", topic).hasSize(perTopic);
        }
        for (JsonNode consumed : answer.get("consumed")) {
            final ConsumerRecord<byte[], byte[]> record = byPosition.get(consumed.get("topic").asText())
                    .get(consumed.get("partition").asInt() + "@" + consumed.get("offset").asLong());
            assertThat(record).as("the record at %s", consumed).isNotNull();
            final ObjectNode ours = JSON.createObjectNode();
            ours.set("key", decodeByWriterSchema(registry, record.key()));
            ours.set("value", decodeByWriterSchema(registry, record.value()));
            final ObjectNode theirs = JSON.createObjectNode();
            theirs.set("key", consumed.get("key"));
            theirs.set("value", consumed.get("value"));
            assertSameData(theirs, ours);
        }

        // Its AvroProducer's article is read, tagged and counted by the pipeline.
        assertThat(answer.get("produced").get("topic").asText()).isEqualTo(TOPICS.raw());
        assertCounted("confluent-python-1");
    }

    /** An article for the raw topic, as a Confluent client is handed it (timestamps as epoch millis). */
    private static ObjectNode article(final String id) {
        return JSON.createObjectNode()
                .put("id", id)
                .put("source", "confluent-client")
                .putNull("url")
                .put("title", "Pipeline talks in Baku")
                .put("body", "Azerbaijan and Georgia agreed on Tuesday to extend the pipeline from Baku.")
                .putNull("contentType")
                .put("publishedAt", 1_685_000_000_000L)
                .put("fetchedAt", 1_685_000_100_000L);
    }

    /** The article a Confluent client wrote, as the pipeline serves it: cleaned, tagged and counted. */
    private static void assertCounted(final String id) throws Exception {
        final JsonNode article = awaitArticle(port, id);
        assertThat(article.get("title").asText()).isEqualTo("Pipeline talks in Baku");
        assertThat(article.get("countries").has("AZ")).as("countries of %s", article).isTrue();
        assertThat(article.get("countries").has("GE")).as("countries of %s", article).isTrue();
    }

    /** The same data, whatever JSON number type carries it (a client may write 1.0 as 1). */
    private static void assertSameData(final JsonNode theirs, final JsonNode ours) {
        final Comparator<JsonNode> sameValue = (a, b) -> a.equals(b) ? 0
                : a.isNumber() && b.isNumber() && a.doubleValue() == b.doubleValue() ? 0 : 1;
        assertThat(theirs.equals(sameValue, ours)).as("Confluent's client read%n%s%nthe bytes hold%n%s", theirs, ours).isTrue();
    }

    /** Runs a Confluent client's script on the request (a JSON file); its answer (another). */
    private JsonNode run(final List<String> command, final JsonNode request) throws IOException, InterruptedException {
        final Path in = work.resolve("request.json");
        final Path out = work.resolve("answer.json");
        final Path log = work.resolve("client.log");
        JSON.writeValue(in.toFile(), request);
        final List<String> args = new ArrayList<>(command);
        args.addAll(List.of(in.toString(), out.toString()));
        final Process client = new ProcessBuilder(args).directory(INTEROP.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        assertThat(client.waitFor(180, TimeUnit.SECONDS)).as("%s done within 180 s", command).isTrue();
        assertThat(client.exitValue()).as("%s: %s", command, Files.readString(log)).isZero();
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
