package io.newsstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A repeatable setting takes several values from the environment or the file, one a line. */
class RepeatableSettingsTest {

    @TempDir
    Path dir;

    @Test
    void shouldTakeSeveralKafkaPropertiesFromOneEnvironmentVariable() {
        final Map<String, String> env = Map.of("NEWSSTREAM_KAFKA_PROPERTY",
                "security.protocol=SASL_SSL\nsasl.mechanism=PLAIN\n"
                        + "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"p;=\";");
        final StreamsCommand streams = parse(env, "streams");
        assertThat(streams.kafka.kafkaProperties).containsExactly(
                Map.entry("security.protocol", "SASL_SSL"),
                Map.entry("sasl.mechanism", "PLAIN"),
                Map.entry("sasl.jaas.config",
                        "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"p;=\";"));
    }

    @Test
    void shouldTakeSeveralValuesFromTheConfigFileAndLetTheFlagWin() throws Exception {
        final Path file = dir.resolve("newsstream.properties");
        Files.writeString(file, "kafka-property=acks=all\\n  linger.ms=5\ncors-origin=https://a.example\\nhttps://b.example\n");
        final Map<String, String> env = Map.of("NEWSSTREAM_CONFIG", file.toString());
        final StreamsCommand fromFile = parse(env, "streams");
        assertThat(fromFile.kafka.kafkaProperties).containsExactly(Map.entry("acks", "all"), Map.entry("linger.ms", "5"));
        assertThat(fromFile.corsOrigins).containsExactly("https://a.example", "https://b.example");
        final StreamsCommand flagged = parse(env, "streams", "--kafka-property", "acks=1");
        assertThat(flagged.kafka.kafkaProperties).containsExactly(Map.entry("acks", "1"));
    }

    private static StreamsCommand parse(final Map<String, String> env, final String... args) {
        final List<CommandLine> parsed = Newsstream.commandLine(env).parseArgs(args).asCommandLineList();
        return (StreamsCommand) parsed.get(parsed.size() - 1).getCommand();
    }
}
