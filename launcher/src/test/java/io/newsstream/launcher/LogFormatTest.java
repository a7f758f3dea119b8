package io.newsstream.launcher;

import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.common.errors.NotControllerException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The launcher's {@code logback.xml} in both formats, and how {@code --log-format} is chosen. */
class LogFormatTest {

    private static final Logger LOG = LoggerFactory.getLogger("io.newsstream.launcher.LogFormatTest");

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void captureStandardError() {
        originalErr = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreTestLogging() {
        System.setErr(originalErr);
        System.clearProperty(LogFormat.PROPERTY);
        configure("/logback-test.xml");
    }

    /** Logback configured from a file on the class path: the shipped one, or the tests' own. */
    private static void configure(final String resource) {
        LogFormat.configure((LoggerContext) LoggerFactory.getILoggerFactory(),
                Objects.requireNonNull(LogFormatTest.class.getResource(resource)));
    }

    @Test
    void shouldWriteOneJsonObjectPerLineWithLevelLoggerAndMessage() throws IOException {
        LogFormat.JSON.apply();

        LOG.info("query API on http://{}:{}/api/v1", "0.0.0.0", 8080);
        LOG.warn("a \"quoted\" message\nover two lines\twith a tab, \\ and é");
        LOG.error("dead-lettered news.articles.raw/0@7", new IllegalStateException("boom"));
        LoggerFactory.getLogger("org.apache.kafka.Noise").info("below WARN: not written");

        final List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(3);
        final ObjectMapper json = new ObjectMapper();
        final List<JsonNode> objects = new ArrayList<>();
        for (String line : lines) {
            final JsonNode node = json.readTree(line);
            assertThat(node.isObject()).as(line).isTrue();
            objects.add(node);
        }
        assertThat(objects).extracting(n -> n.get("level").asText()).containsExactly("INFO", "WARN", "ERROR");
        assertThat(objects).extracting(n -> n.get("loggerName").asText()).containsOnly(LOG.getName());
        assertThat(objects.get(0).get("formattedMessage").asText()).isEqualTo("query API on http://0.0.0.0:8080/api/v1");
        assertThat(objects.get(1).get("formattedMessage").asText())
                .isEqualTo("a \"quoted\" message\nover two lines\twith a tab, \\ and é");
        assertThat(objects.get(2).get("throwable").get("className").asText()).isEqualTo(IllegalStateException.class.getName());
        assertThat(objects.get(0).get("timestamp").isNumber()).isTrue();
    }

    @Test
    void shouldWriteConciseTextLinesByDefault() {
        LogFormat.JSON.apply();
        LogFormat.TEXT.apply();

        LOG.info("query API on http://{}:{}/api/v1", "0.0.0.0", 8080);

        assertThat(captured.toString(StandardCharsets.UTF_8).lines().toList())
                .singleElement().asString()
                .matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  LogFormatTest - query API on http://0\\.0\\.0\\.0:8080/api/v1");
    }

    @Test
    void shouldDropTheEmbeddedBrokersHarmlessLinesButNothingElseOfItsLoggers() {
        configure("/logback.xml");
        final Logger controllerApis = LoggerFactory.getLogger(EmbeddedBrokerNoise.CONTROLLER_APIS);
        final Logger quorumController = LoggerFactory.getLogger(EmbeddedBrokerNoise.QUORUM_CONTROLLER);
        final Logger networkClient = LoggerFactory.getLogger(EmbeddedBrokerNoise.NETWORK_CLIENT);
        final Logger replicaManager = LoggerFactory.getLogger(EmbeddedBrokerNoise.REPLICA_MANAGER);
        final String append = "[ReplicaManager broker=1] Error processing append operation on partition "
                + "DXObLOpnTzab8t-GILk3hQ:news.articles.cleaned-1";
        final String registration = "[ControllerApis nodeId=1] Unexpected error handling request "
                + "RequestHeader(apiKey=CONTROLLER_REGISTRATION, apiVersion=0, clientId=1) -- ControllerRegistrationRequestData()";

        // As Kafka 4.3.1 logs them on an ordinary start and stop of local mode's broker.
        controllerApis.error(registration, new CompletionException(
                new NotControllerException("The active controller appears to be node 1.")));
        quorumController.warn("[QuorumController id=1] Performing controller activation.");
        quorumController.warn("[QuorumController id=1] Performing controller activation. The metadata log appears to be "
                + "empty. Appending {} bootstrap record(s) in metadata transaction at metadata.version {}.", 6, "4.3-IV0");
        networkClient.warn("[NodeToControllerChannelManager id=1 name=registration] "
                + "Attempting to close NetworkClient that has already been closed.");
        replicaManager.error(append, new OutOfOrderSequenceException("Invalid sequence number for producer 3 at offset 2288 "
                + "in partition news.articles.cleaned-1: 12 (incoming seq. number). Expected sequence 0 for transactions v2 "
                + "idempotent producer with no existing state."));
        // The same loggers saying anything else.
        controllerApis.error(registration, new CompletionException(new IllegalStateException("disk full")));
        controllerApis.error("[ControllerApis nodeId=1] Unexpected error handling request RequestHeader("
                + "apiKey=CREATE_TOPICS) -- x", new NotControllerException("node 2"));
        quorumController.warn("[QuorumController id=1] Renouncing leadership.");
        networkClient.warn("[Producer clientId=p] Attempting to close NetworkClient that has already been closed.");
        replicaManager.error(append, new OutOfOrderSequenceException("Out of order sequence number for producer 3 at "
                + "offset 2290 in partition news.articles.cleaned-1: 14 (incoming seq. number), 12 (current end sequence number)"));

        assertThat(captured.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> line.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} .*"))) // log lines, not stack traces
                .hasSize(5)
                .anyMatch(line -> line.contains("ERROR ControllerApis") && line.contains("CONTROLLER_REGISTRATION"))
                .anyMatch(line -> line.contains("CREATE_TOPICS"))
                .anyMatch(line -> line.contains("Renouncing leadership"))
                .anyMatch(line -> line.contains("[Producer clientId=p]"))
                .anyMatch(line -> line.contains("ERROR ReplicaManager"))
                .noneMatch(line -> line.contains("Performing controller activation"))
                .noneMatch(line -> line.contains("NodeToControllerChannelManager"));
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("disk full").doesNotContain("node 1.")
                .contains("current end sequence number").doesNotContain("no existing state");
    }

    @Test
    void shouldDropTheStreamsClientsRetriedWarningsButTheSameLinesAboutAnythingElse() {
        configure("/logback.xml");
        final Logger networkClient = LoggerFactory.getLogger(KafkaClientNoise.NETWORK_CLIENT);
        final Logger sender = LoggerFactory.getLogger(KafkaClientNoise.SENDER);
        final String metadata = "[Consumer clientId=c, groupId=newsstream] The metadata response from the cluster "
                + "reported a recoverable issue with correlation id {} : {}";
        final String produce = "[Producer clientId=p, transactionalId=t] Got error produce response with correlation id {} "
                + "on topic-partition {}, retrying ({} attempts left). Error: {}";

        // As Kafka 4.3.1's clients log them while the streams app starts on a new cluster: their
        // LogContext hands logback the finished line.
        networkClient.warn(metadata.replace("{} : {}", "2 : {newsstream-by-content-repartition=UNKNOWN_TOPIC_OR_PARTITION, "
                + "newsstream-country-counts-changelog=LEADER_NOT_AVAILABLE}"));
        sender.warn(produce.replace("{} on topic-partition {}, retrying ({} attempts left). Error: {}",
                "18 on topic-partition news.articles.tagged-1, retrying (2147483646 attempts left). Error: CONCURRENT_TRANSACTIONS"));
        // The same, its arguments passed apart.
        sender.warn(produce, 19, "newsstream-content-sightings-changelog-1", 2147483645,
                "CONCURRENT_TRANSACTIONS. Error Message: the coordinator is completing a transaction");
        // A later batch of a transaction that reached a partition before its first (sequence 0).
        sender.warn(produce.replace("{} on topic-partition {}, retrying ({} attempts left). Error: {}",
                "706 on topic-partition news.articles.cleaned-0, retrying (2147483646 attempts left). Error: OUT_OF_ORDER_SEQUENCE_NUMBER"));
        // The same lines about a source topic, another error, or another failure of the producer.
        networkClient.warn(metadata, 3, Map.of("news.articles.raw", Errors.UNKNOWN_TOPIC_OR_PARTITION));
        networkClient.warn(metadata, 4, Map.of("newsstream-by-content-repartition", Errors.TOPIC_AUTHORIZATION_FAILED));
        sender.warn(produce, 20, "news.articles.tagged-1", 5, "NOT_ENOUGH_REPLICAS. Error Message: only 1 in sync");

        assertThat(captured.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> line.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} .*")))
                .hasSize(3)
                .anyMatch(line -> line.contains("news.articles.raw=UNKNOWN_TOPIC_OR_PARTITION"))
                .anyMatch(line -> line.contains("TOPIC_AUTHORIZATION_FAILED"))
                .anyMatch(line -> line.contains("NOT_ENOUGH_REPLICAS"))
                .noneMatch(line -> line.contains("CONCURRENT_TRANSACTIONS"))
                .noneMatch(line -> line.contains("OUT_OF_ORDER_SEQUENCE_NUMBER"))
                .noneMatch(line -> line.contains("correlation id 2 "));
    }

    @Test
    void shouldHoldBackFurtherLinesForRecordsTooLateForTheirWindowAndReportTheirCount() {
        configure("/logback.xml");
        final Logger windowAggregate = LoggerFactory.getLogger("org.apache.kafka.streams.kstream.internals.KStreamWindowAggregate");
        final String late = "Skipping record for expired window. topic=[{}] partition=[{}] offset=[{}] timestamp=[{}] "
                + "window={} expiration=[{}] streamTime=[{}]";

        // As Kafka Streams 4.3.1 logs them, one per record, while an archive is read out of order.
        for (int offset = 2730; offset < 2735; offset++) {
            windowAggregate.warn(late, "newsstream-country-mentions-repartition", 2, offset, 542559004000L,
                    "[542556000000,542559600000)", 542565315000L, 543170115000L);
        }
        windowAggregate.warn("Skipping record due to null key. topic=[{}] partition=[{}] offset=[{}]", "t", 0, 7);
        // What the shipped configuration's filter holds back, as its exit hook reports it.
        ((LoggerContext) LoggerFactory.getILoggerFactory()).getTurboFilterList().stream()
                .filter(LateRecordSummary.class::isInstance).map(LateRecordSummary.class::cast)
                .findFirst().orElseThrow().reportHeldBack();

        assertThat(captured.toString(StandardCharsets.UTF_8).lines().toList())
                .hasSize(3)
                .satisfiesExactly(
                        first -> assertThat(first).contains("WARN  KStreamWindowAggregate - Skipping record for expired window.")
                                .contains("offset=[2730]"),
                        other -> assertThat(other).contains("Skipping record due to null key"),
                        summary -> assertThat(summary).contains("WARN  LateRecords - 4 more record(s) came too late")
                                .contains("the last: Skipping record for expired window. topic=[newsstream-country-mentions-"
                                        + "repartition] partition=[2] offset=[2734]"));
    }

    @Test
    void shouldTakeTheLogFormatGivenAfterASubCommand() {
        assertThat(logFormat(Map.of(), "streams", "--log-format=json")).isEqualTo(LogFormat.JSON);
        assertThat(logFormat(Map.of(), "--log-format", "JSON", "topics")).isEqualTo(LogFormat.JSON);
        assertThat(logFormat(Map.of(), "topics")).isEqualTo(LogFormat.TEXT);
    }

    @Test
    void shouldTakeTheLogFormatFromTheEnvironmentUnlessTheFlagIsGiven() {
        final Map<String, String> env = Map.of("NEWSSTREAM_LOG_FORMAT", "json");

        assertThat(logFormat(env, "streams")).isEqualTo(LogFormat.JSON);
        assertThat(logFormat(env, "streams", "--log-format=text")).isEqualTo(LogFormat.TEXT);
    }

    @Test
    void shouldRefuseAnUnknownLogFormatNamingTheSetting() {
        assertThatThrownBy(() -> logFormat(Map.of(), "streams", "--log-format=xml"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("--log-format")
                .hasMessageContaining("xml");
    }

    private static LogFormat logFormat(final Map<String, String> env, final String... args) {
        return Newsstream.logFormat(Newsstream.commandLine(env).parseArgs(args));
    }
}
