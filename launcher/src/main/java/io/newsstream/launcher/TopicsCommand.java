package io.newsstream.launcher;

import io.newsstream.streams.config.TopicNames;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code newsstream topics}: our topics on the cluster with their role, partitions, replication
 * and cleanup policy, and what is wrong with them against {@code --partitions} and
 * {@code --replication-factor}; then the internal topics Kafka Streams made for the application
 * id, and the registry's schemas topic. Exit status 1 when a topic is missing or has an error.
 */
@Command(name = "topics", mixinStandardHelpOptions = true,
        description = "List newsstream's topics with their roles, partitions, replication and cleanup policy.")
public final class TopicsCommand implements Callable<Integer> {

    private static final String ROW = "%-42s %-10s %-11s %-14s %s%n";

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--application-id", defaultValue = "newsstream",
            description = "Kafka Streams application id: its internal topics are listed too (default: ${DEFAULT-VALUE})")
    String applicationId;

    @Option(names = "--registry-topic", defaultValue = "_schemas", description = "Schemas topic (default: ${DEFAULT-VALUE})")
    String registryTopic;

    @Option(names = "--partitions", defaultValue = "3", description = "Expected partitions (default: ${DEFAULT-VALUE})")
    int partitions;

    @Option(names = "--replication-factor", defaultValue = "1", description = "Expected minimum replication (default: ${DEFAULT-VALUE})")
    short replicationFactor;

    @Override
    public Integer call() throws InterruptedException, ExecutionException, TimeoutException {
        final Map<String, Object> config = new HashMap<>(kafka.kafkaProperties);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        try (Admin admin = Admin.create(config)) {
            return print(admin, System.out) ? 0 : 1;
        }
    }

    /** Prints the table; false when one of our topics is missing or has an error. */
    public boolean print(final Admin admin, final PrintStream out) throws InterruptedException, ExecutionException, TimeoutException {
        final List<TopicSetup.Role> roles = TopicSetup.roles(TopicNames.defaults());
        final List<String> internal = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                .filter(n -> n.startsWith(applicationId + "-") || n.equals(registryTopic)).sorted().toList();
        final List<String> names = new ArrayList<>(roles.stream().map(TopicSetup.Role::topic).toList());
        names.addAll(internal);
        final Map<String, TopicSetup.State> states = TopicSetup.describe(admin, names);
        boolean healthy = true;
        out.printf(ROW, "TOPIC", "PARTITIONS", "REPLICATION", "CLEANUP", "ROLE");
        for (TopicSetup.Role role : roles) {
            final TopicSetup.State state = states.get(role.topic());
            if (state == null) {
                healthy = false;
                out.printf(ROW, role.topic(), "-", "-", "-", role.role() + "  [MISSING: created by `newsstream streams`]");
                continue;
            }
            final List<TopicSetup.Problem> problems = TopicSetup.problems(role, state, partitions, replicationFactor);
            healthy &= problems.stream().noneMatch(TopicSetup.Problem::error);
            out.printf(ROW, role.topic(), state.partitions(), state.replication(), state.cleanupPolicy(), role.role());
            problems.forEach(p -> out.println("    " + (p.error() ? "ERROR: " : "warning: ") + p.message()));
        }
        for (String name : internal) {
            final TopicSetup.State state = states.get(name);
            if (state != null) {
                out.printf(ROW, name, state.partitions(), state.replication(), state.cleanupPolicy(), internalRole(name));
            }
        }
        return healthy;
    }

    private String internalRole(final String name) {
        if (name.equals(registryTopic)) {
            return "schema registry: the schemas (compacted)";
        }
        if (name.endsWith("-changelog")) {
            return "internal: state store changelog (Kafka Streams)";
        }
        if (name.endsWith("-repartition")) {
            return "internal: repartition (Kafka Streams)";
        }
        return "internal (Kafka Streams, application id " + applicationId + ")";
    }
}
