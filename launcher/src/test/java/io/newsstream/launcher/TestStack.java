package io.newsstream.launcher;

import io.newsstream.registry.server.RegistryServer;
import io.newsstream.streams.config.TopicNames;
import org.apache.kafka.common.test.KafkaClusterTestKit;

/**
 * What most integration tests start once per class (through {@link TestStackExtension}): a real
 * KRaft cluster from {@link TestClusters}, the application's topics on it and a schema registry on
 * a free port keeping its schemas there, all at the cluster's replication. Closing it closes the registry, then the cluster. A factory that
 * fails half-way closes what it had started and throws the original exception.
 */
public final class TestStack implements AutoCloseable {

    private final KafkaClusterTestKit cluster;
    private final RegistryServer registry;

    private TestStack(final KafkaClusterTestKit cluster, final RegistryServer registry) {
        this.cluster = cluster;
        this.registry = registry;
    }

    /** One combined node; topics with 3 partitions and the schemas topic at replication 1. */
    public static TestStack singleNode(final TopicNames topics) throws Exception {
        return singleNode(topics, 3);
    }

    /** One combined node; topics with the given partitions and the schemas topic at replication 1. */
    public static TestStack singleNode(final TopicNames topics, final int partitions) throws Exception {
        return start(TestClusters.singleNode(), topics, partitions, (short) 1);
    }

    /** {@link TestClusters#threeBrokers()}; topics with 3 partitions and the schemas topic at replication 3. */
    public static TestStack threeBrokers(final TopicNames topics) throws Exception {
        return start(TestClusters.threeBrokers(), topics, 3, (short) 3);
    }

    private static TestStack start(final KafkaClusterTestKit cluster, final TopicNames topics, final int partitions,
            final short replication) throws Exception {
        try {
            TestClusters.createTopics(cluster.bootstrapServers(), topics, partitions, replication);
            return new TestStack(cluster, TestClusters.registry(cluster, replication));
        } catch (final Throwable e) {
            try {
                cluster.close();
            } catch (final Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** For tests that act on the brokers themselves, such as stopping one. */
    public KafkaClusterTestKit cluster() {
        return cluster;
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    public String registryUrl() {
        return registry.url();
    }

    @Override
    public void close() throws Exception {
        try {
            registry.close();
        } finally {
            cluster.close();
        }
    }
}
