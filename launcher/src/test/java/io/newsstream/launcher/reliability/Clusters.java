package io.newsstream.launcher.reliability;

import io.newsstream.streams.config.TopicNames;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import java.lang.reflect.Method;
import java.util.Map;

/**
 * Real KRaft clusters (Kafka's own KafkaClusterTestKit) for the reliability tests, and the
 * application's topics on them, created before any client runs so that no test depends on which
 * process gets to create them first.
 */
final class Clusters {

    private Clusters() {
    }

    /** One combined broker/controller node; internal topics at replication 1. */
    static KafkaClusterTestKit singleNode() throws Exception {
        return start(new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build(),
                1, 1);
    }

    /**
     * Three brokers and one separate controller, {@code min.insync.replicas=2} on every topic,
     * internal topics (offsets, transactions) at replication 3 with min ISR 2: one broker may be
     * down and every write still lands on two replicas.
     */
    static KafkaClusterTestKit threeBrokers() throws Exception {
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

    static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Creates the application's topics exactly as {@code newsstream streams} does, through the
     * launcher's {@code TopicSetup} (package-private, hence the reflective call: one source of
     * truth for partitions, replication and which topics are compacted).
     */
    static void createTopics(final String bootstrap, final TopicNames topics, final short replication) throws Exception {
        final Method ensure = Class.forName("io.newsstream.launcher.TopicSetup")
                .getDeclaredMethod("ensure", Admin.class, TopicNames.class, int.class, short.class);
        ensure.setAccessible(true);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            ensure.invoke(null, admin, topics, 3, replication);
        }
    }
}
