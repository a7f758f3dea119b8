package io.newsstream.launcher.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.newsstream.launcher.Newsstream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Kubernetes API server runs where this is built, so deploy/k8s is checked as far as it can be
 * without one: every document parses and has its required fields, the services select the pods,
 * the probes hit the health endpoints, and every command line given to our image is one the
 * launcher accepts.
 */
class KubernetesManifestsTest {

    @Test
    void shouldGiveEveryDocumentAnApiVersionKindAndName() throws IOException {
        final Map<String, JsonNode> byName = documents();

        assertThat(byName).containsKeys("ConfigMap/newsstream-config", "StatefulSet/newsstream-streams",
                "Service/newsstream-streams-headless", "Service/newsstream-streams", "Deployment/newsstream-registry",
                "Service/newsstream-registry");
        byName.values().forEach(doc -> assertThat(doc.path("metadata").has("namespace")).as("namespace-less").isFalse());
    }

    @Test
    void shouldRunThreeStreamsInstancesWithPersistentStateAndTheirStableNameAsApplicationServer() throws IOException {
        final JsonNode set = documents().get("StatefulSet/newsstream-streams").get("spec");
        final JsonNode container = set.at("/template/spec/containers/0");
        final List<String> args = strings(container.get("args"));

        assertThat(set.get("replicas").asInt()).isEqualTo(3);
        assertThat(set.get("serviceName").asText()).isEqualTo("newsstream-streams-headless");
        assertThat(args).containsSubsequence("--advertised-host", "$(POD_NAME).newsstream-streams-headless");
        assertThat(args).containsSubsequence("--state-dir", "/state");
        assertThat(set.at("/volumeClaimTemplates/0/metadata/name").asText()).isEqualTo("state");
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/health/live");
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/health/ready");
        assertThat(set.at("/template/spec/terminationGracePeriodSeconds").asInt()).isGreaterThan(30);
    }

    @Test
    void shouldMakeTheHeadlessServiceSelectTheStreamsPods() throws IOException {
        final Map<String, JsonNode> docs = documents();
        final JsonNode podLabels = docs.get("StatefulSet/newsstream-streams").at("/spec/template/metadata/labels");

        for (String service : List.of("Service/newsstream-streams-headless", "Service/newsstream-streams")) {
            docs.get(service).at("/spec/selector").fields().forEachRemaining(e ->
                    assertThat(podLabels.path(e.getKey()).asText()).as(service).isEqualTo(e.getValue().asText()));
        }
        assertThat(docs.get("Service/newsstream-streams-headless").at("/spec/clusterIP").asText()).isEqualTo("None");
    }

    @Test
    void shouldOnlyGiveTheImageCommandsAndFlagsTheLauncherAccepts() throws IOException {
        int checked = 0;
        for (JsonNode doc : documents().values()) {
            for (JsonNode container : doc.at("/spec/template/spec/containers")) {
                final String[] args = strings(container.get("args")).toArray(String[]::new);
                final CommandLine.ParseResult parsed = new CommandLine(new Newsstream()).parseArgs(args);
                assertThat(parsed.hasSubcommand()).isTrue();
                checked++;
            }
        }
        assertThat(checked).isEqualTo(2);
    }

    private static List<String> strings(final JsonNode array) {
        final List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Every YAML document under deploy/k8s except the kustomization, by "Kind/name". */
    private static Map<String, JsonNode> documents() throws IOException {
        final Path dir = repositoryRoot().resolve("deploy/k8s");
        final Map<String, JsonNode> docs = new HashMap<>();
        final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                final ObjectReader reader = yaml.readerFor(JsonNode.class);
                try (YAMLParser parser = (YAMLParser) yaml.getFactory().createParser(file.toFile())) {
                    for (var it = reader.<JsonNode>readValues(parser); it.hasNext(); ) {
                        final JsonNode doc = it.next();
                        if (doc == null || doc.isMissingNode() || doc.path("kind").asText().equals("Kustomization")) {
                            continue;
                        }
                        assertThat(doc.path("apiVersion").asText()).as(file + ": apiVersion").isNotBlank();
                        assertThat(doc.path("metadata").path("name").asText()).as(file + ": metadata.name").isNotBlank();
                        docs.put(doc.path("kind").asText() + "/" + doc.at("/metadata/name").asText(), doc);
                    }
                }
            }
        }
        return docs;
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("deploy/k8s"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("deploy/k8s above the working directory").isNotNull();
        return dir;
    }
}
