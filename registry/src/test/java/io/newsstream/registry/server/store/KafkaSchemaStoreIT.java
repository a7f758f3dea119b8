package io.newsstream.registry.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstream.registry.client.CachingSchemaRegistryClient;
import io.newsstream.registry.server.RegistryServer;
import io.newsstream.schema.RawArticle;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("integration")
class KafkaSchemaStoreIT {

    private static KafkaClusterTestKit cluster;

    @BeforeAll
    static void startBroker() throws Exception {
        cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .build()).build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        cluster.close();
    }

    @Test
    void shouldKeepIdsAndVersionsAcrossARestart() {
        RegistryServer.Config config = config("_schemas_restart");
        Schema key = Schema.create(Schema.Type.STRING);
        int keyId;
        int valueId;
        try (RegistryServer server = RegistryServer.start(config);
             CachingSchemaRegistryClient client = new CachingSchemaRegistryClient(server.url(), Map.of())) {
            keyId = client.register("news.articles.raw-key", key);
            valueId = client.register("news.articles.raw-value", RawArticle.getClassSchema());
        }

        try (RegistryServer restarted = RegistryServer.start(config);
             CachingSchemaRegistryClient client = new CachingSchemaRegistryClient(restarted.url(), Map.of())) {
            assertThat(client.getById(valueId)).isEqualTo(RawArticle.getClassSchema());
            assertThat(client.getId("news.articles.raw-key", key)).isEqualTo(keyId);
            assertThat(client.register("news.articles.raw-value", RawArticle.getClassSchema())).isEqualTo(valueId);
            assertThat(client.register("other-value", Schema.create(Schema.Type.LONG))).isEqualTo(3);
        }
    }

    @Test
    void shouldCreateACompactedSinglePartitionTopic() throws Exception {
        try (RegistryServer server = RegistryServer.start(config("_schemas_created"));
             Admin admin = cluster.admin()) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, "_schemas_created");
            Config topicConfig = admin.describeConfigs(List.of(topic)).all().get(10, TimeUnit.SECONDS).get(topic);

            assertThat(topicConfig.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact");
            assertThat(admin.describeTopics(List.of("_schemas_created")).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get("_schemas_created").partitions()).hasSize(1);
        }
    }

    @Test
    void shouldLetTwoServersOnOneTopicAgreeOnIds() {
        RegistryServer.Config config = config("_schemas_shared");
        try (RegistryServer first = RegistryServer.start(config);
             RegistryServer second = RegistryServer.start(config);
             CachingSchemaRegistryClient viaFirst = new CachingSchemaRegistryClient(first.url(), Map.of());
             CachingSchemaRegistryClient viaSecond = new CachingSchemaRegistryClient(second.url(), Map.of())) {
            int a = viaFirst.register("a-value", RawArticle.getClassSchema());
            int b = viaSecond.register("b-value", Schema.create(Schema.Type.STRING));

            assertThat(b).isNotEqualTo(a);
            assertThat(viaSecond.getById(a)).isEqualTo(RawArticle.getClassSchema());
            assertThat(viaFirst.getById(b)).isEqualTo(Schema.create(Schema.Type.STRING));
            assertThat(viaSecond.register("c-value", RawArticle.getClassSchema())).isEqualTo(a);
        }
    }

    private static RegistryServer.Config config(String topic) {
        return new RegistryServer.Config("localhost", 0, cluster.bootstrapServers(), topic, 1, Map.of());
    }
}
