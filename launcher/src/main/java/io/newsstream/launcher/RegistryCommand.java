package io.newsstream.launcher;

import io.newsstream.registry.server.RegistryServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code newsstream registry}: the Confluent-compatible schema registry on its own, storing schemas in Kafka. */
@Command(name = "registry", mixinStandardHelpOptions = true,
        description = "Run the Confluent-compatible schema registry, keeping schemas in a compacted Kafka topic.")
final class RegistryCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--registry-host", defaultValue = "0.0.0.0", description = "Bind address (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--registry-port", defaultValue = "8081", description = "Port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--registry-topic", defaultValue = "_schemas", description = "Schemas topic (default: ${DEFAULT-VALUE})")
    String topic;

    @Option(names = "--replication-factor", defaultValue = "1", description = "Replication of the schemas topic (default: ${DEFAULT-VALUE})")
    int replicationFactor;

    @Override
    public Integer call() throws InterruptedException {
        Ports.requireFree(host, port, "--registry-port (NEWSSTREAM_REGISTRY_PORT)");
        final RegistryServer server = RegistryServer.start(new RegistryServer.Config(host, port, kafka.bootstrapServers,
                topic, replicationFactor, kafka.kafkaProperties));
        System.out.println("schema registry on " + server.url());
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "registry-shutdown"));
        stopped.await();
        return 0;
    }
}
