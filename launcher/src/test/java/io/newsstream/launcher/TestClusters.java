package io.newsstream.launcher;

import io.newsstream.streams.config.TopicNames;
import io.newsstream.registry.server.RegistryServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import java.util.Map;

/**
 * Real KRaft clusters (Kafka's own KafkaClusterTestKit) for the reliability tests, and the
 * application's topics on them, created before any client runs so that no test depends on which
 * process gets to create them first.
 */
public final class TestClusters {

    private TestClusters() {
    }

    /** One combined broker/controller node; internal topics at replication 1. */
    public static KafkaClusterTestKit singleNode() throws Exception {
        return start(new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build(),
                1, 1);
    }

    /**
     * Three brokers and one separate controller, {@code min.insync.replicas=2} on every topic,
     * internal topics (offsets, transactions) at replication 3 with min ISR 2: one broker may be
     * down and every write still lands on two replicas.
     */
    public static KafkaClusterTestKit threeBrokers() throws Exception {
        return start(new TestKitNodes.Builder().setCombined(false).setNumBrokerNodes(3).setNumControllerNodes(1).build(),
                3, 2);
    }

    private static KafkaClusterTestKit start(final TestKitNodes nodes, final int replication, final int minIsr)
            throws Exception {
        final KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(nodes)
                .setConfigProp("offsets.topic.replication.factor", String.valueOf(replication))
                .setConfigProp("offsets.topic.num.partitions", "3")
                .setConfigProp("transaction.state.log.replication.factor", String.valueOf(replication))
                .setConfigProp("transaction.state.log.min.isr", String.valueOf(minIsr))
                .setConfigProp("transaction.state.log.num.partitions", "3")
                .setConfigProp("min.insync.replicas", String.valueOf(minIsr))
                .setConfigProp("default.replication.factor", String.valueOf(replication))
                .setConfigProp("auto.create.topics.enable", "false")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        return cluster;
    }

    public static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Creates the application's topics exactly as {@code newsstream streams} does, with 3 partitions. */
    public static void createTopics(final String bootstrap, final TopicNames topics, final short replication) {
        createTopics(bootstrap, topics, 3, replication);
    }

    /** Creates the application's topics exactly as {@code newsstream streams} does. */
    public static void createTopics(final String bootstrap, final TopicNames topics, final int partitions,
            final short replication) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            TopicSetup.ensure(admin, topics, partitions, replication);
        }
    }

    /** A registry on a free port keeping its schemas in the cluster, at replication 1. */
    public static RegistryServer registry(final KafkaClusterTestKit cluster) {
        return registry(cluster, 1);
    }

    /** A registry on a free port keeping its schemas in the cluster, at the given replication. */
    public static RegistryServer registry(final KafkaClusterTestKit cluster, final int replication) {
        return RegistryServer.start(new RegistryServer.Config("127.0.0.1", 0, cluster.bootstrapServers(), "_schemas",
                replication, Map.of()));
    }
}
