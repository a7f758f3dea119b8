package io.newsstream.streams.topology;

import io.newsstream.registry.client.SchemaRegistryClients;
import io.newsstream.streams.config.TopologyConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Snapshot of {@code topology.describe()}: a renamed processor, store or repartition topic would
 * orphan its changelog or repartition topic on upgrade, so it has to show up here in review.
 * After an intended change, regenerate with {@code -Dsnapshot.update=true}.
 */
class TopologyDescriptionTest {

    private static final Path SNAPSHOT = Path.of("src/test/resources/topology-description.txt");

    @Test
    void shouldMatchTheReviewedTopologyDescription() throws IOException {
        final String scope = "describe-" + System.nanoTime();
        final String description = NewsTopology.build(TopologyConfig.defaults(),
                new NewsSerdes("mock://" + scope, Map.of())).describe().toString();
        SchemaRegistryClients.dropScope(scope);
        if (Boolean.getBoolean("snapshot.update")) {
            Files.writeString(SNAPSHOT, description, StandardCharsets.UTF_8);
        }
        assertThat(description).isEqualTo(Files.readString(SNAPSHOT, StandardCharsets.UTF_8));
    }

    @Test
    void shouldNameEveryProcessorStoreAndRepartitionTopic() {
        final String scope = "describe-names-" + System.nanoTime();
        final String description = NewsTopology.build(TopologyConfig.defaults(),
                new NewsSerdes("mock://" + scope, Map.of())).describe().toString();
        SchemaRegistryClients.dropScope(scope);
        assertThat(description).doesNotContain("KSTREAM-").doesNotContain("KTABLE-");
    }
}
