package io.newsstream.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Docker engine runs where this is built, so docker-compose.yml is checked as far as it can be
 * without one: it parses, it has the four services, and every command it gives our launcher is
 * one the launcher accepts, health checks included (unknown flags or sub-commands fail here, not on a user's machine).
 */
class DockerComposeTest {


    @Test
    void shouldDefineKafkaRegistryStreamsAndProducer() throws IOException {
        final JsonNode services = compose().get("services");

        assertThat(services.fieldNames()).toIterable().contains("kafka", "registry", "streams", "producer");
        assertThat(services.get("kafka").get("environment").get("KAFKA_PROCESS_ROLES").asText()).isEqualTo("broker,controller");
    }

    @Test
    void shouldOnlyGiveTheLauncherCommandsAndFlagsItAccepts() throws IOException {
        final JsonNode services = compose().get("services");
        int checked = 0;
        for (String name : List.of("registry", "streams", "producer")) {
            final List<String> args = launcherArguments(services.get(name).get("command"));
            final CommandLine.ParseResult parsed = Newsstream.commandLine().parseArgs(args.toArray(String[]::new));
            assertThat(parsed.hasSubcommand()).as("service %s runs a sub-command", name).isTrue();
            checked++;
            final JsonNode health = services.get(name).get("healthcheck");
            if (health != null) {
                final List<String> probe = launcherArguments(health.get("test"));
                final List<String> probeArgs = probe.subList(probe.indexOf("io.newsstream.launcher.Newsstream") + 1, probe.size());
                assertThat(Newsstream.commandLine().parseArgs(probeArgs.toArray(String[]::new)).hasSubcommand()).isTrue();
            }
        }
        assertThat(checked).isEqualTo(3);
    }

    @Test
    void shouldGateTheStreamsAppOnTheRegistryAndTheBrokerOnHealth() throws IOException {
        final JsonNode services = compose().get("services");

        assertThat(services.get("registry").get("depends_on").get("kafka").get("condition").asText()).isEqualTo("service_healthy");
        assertThat(services.get("streams").get("depends_on").get("registry").get("condition").asText()).isEqualTo("service_healthy");
        assertThat(services.get("streams").get("healthcheck").get("test").toString()).contains("probe").contains("/health/ready");
        assertThat(compose().get("x-newsstream").get("image").asText()).isEqualTo("newsstream:0.1.0");
    }

    /** The image's entrypoint is the launcher, so a service's command is the launcher's arguments. */
    private static List<String> launcherArguments(final JsonNode command) {
        final List<String> args = new ArrayList<>();
        command.forEach(part -> args.add(part.asText()));
        return args;
    }

    private static JsonNode compose() throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(PipelineIT.seedsDir().getParent().resolve("docker-compose.yml").toFile());
    }

}
